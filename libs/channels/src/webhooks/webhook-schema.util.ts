import type { SchemaObject } from '@nestjs/swagger';

// A documented string field of a webhook body, for the OpenAPI document.
export function schemaText(description: string, extra: SchemaObject = {}): SchemaObject {
  return { type: 'string', description, ...extra };
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const JSON_CONTENT_TYPE = 'application/json';

// The answer of webhooks that only need to know it arrived.
export const RECEIVED_REPLY = { status: 200, contentType: 'application/json; charset=utf-8', body: { received: true } } as const;
