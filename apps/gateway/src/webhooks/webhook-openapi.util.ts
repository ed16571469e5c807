import { allChannelDefinitions, WebhookRoute } from '@app/channels';
import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = NonNullable<OpenAPIObject['paths'][string]['post']>;

function operationOf(prefix: string, title: string, route: WebhookRoute): Operation {
  const { openApi } = route;
  return {
    operationId: `webhook_${prefix}_${route.method.toLowerCase()}_${route.path.replace(/[^a-z0-9]+/g, '_') || 'inbox'}`,
    summary: route.summary,
    description: `${title}. Verified before anything is stored.`,
    tags: ['webhooks'],
    parameters: [
      { name: 'inboxId', required: true, in: 'path', schema: { type: 'string', format: 'uuid' } },
      ...(openApi.headers ?? []).map((header) => ({
        name: header.name,
        in: 'header' as const,
        description: header.description,
        schema: { type: 'string' },
      })),
      ...(openApi.query ?? []).map((query) => ({
        name: query.name,
        in: 'query' as const,
        required: query.required,
        description: query.description,
        schema: { type: 'string' },
      })),
    ],
    ...(openApi.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(openApi.contentTypes.map((type) => [type, { schema: openApi.body! }])),
          },
        }
      : {}),
    responses: {
      [openApi.response.status]: { description: openApi.response.description, content: { [openApi.response.contentType]: {} } },
    },
  };
}

// One catch-all controller serves every webhook, so the document is written from the channel definitions: each
// route with its body, signature header or token, as providers and association developers need to read them.
export function addWebhookPaths(document: OpenAPIObject): OpenAPIObject {
  for (const definition of allChannelDefinitions()) {
    if (!definition.webhooks) continue;
    const { prefix, routes } = definition.webhooks;
    for (const route of routes) {
      const path = `/webhooks/${prefix}/{inboxId}${route.path ? `/${route.path}` : ''}`;
      const item = (document.paths[path] ??= {});
      const method = route.method.toLowerCase() as 'get' | 'post';
      // A route two of a vendor's definitions share (Twilio's message status callback) is documented once.
      item[method] ??= operationOf(prefix, definition.title, route);
    }
  }
  return document;
}
