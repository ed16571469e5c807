import type { SchemaObject } from '@nestjs/swagger';
import { schemaText as text } from '../../../webhooks/webhook-schema.util';

// The body of Taqnyat's inbound SMS webhook as the parser reads it, for the OpenAPI document.
export const TAQNYAT_WEBHOOK_BODIES = {
  taqnyatInboundSms: {
    type: 'object',
    required: ['messageId', 'from', 'body'],
    description: "A beneficiary's SMS through Taqnyat (JSON or form). Taqnyat documents no webhook: check it against the account.",
    properties: {
      messageId: text("Taqnyat's message id: the de-duplication key", { maxLength: 100, example: '5452899971' }),
      from: text("The beneficiary's number, international without + (an asserted identity)", { example: '966500000001' }),
      to: text("The association's number or sender", { maxLength: 64, example: '966110000000' }),
      body: text('The message', { maxLength: 1600, example: 'مرحبا، عندي مشكلة في الطلب' }),
      receivedAt: text('The gateway time, kept for display', { example: '2026-11-26T10:00:00Z' }),
    },
  },
} satisfies Record<string, SchemaObject>;
