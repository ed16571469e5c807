import type { SchemaObject } from '@nestjs/swagger';

// What Wasl reads of the Cloud API's notification (reference/channels.md §4.3, §4.4); other fields are ignored.
export const WHATSAPP_CLOUD_WEBHOOK_BODY: SchemaObject = {
  type: 'object',
  required: ['object', 'entry'],
  properties: {
    object: { type: 'string', enum: ['whatsapp_business_account'] },
    entry: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', description: 'The WhatsApp Business account id' },
          changes: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                field: { type: 'string', enum: ['messages', 'message_template_status_update'] },
                value: {
                  type: 'object',
                  description:
                    'metadata.phone_number_id; contacts[].profile.name and wa_id; messages[] (id = wamid, the de-duplication key; from; timestamp; type: text, image, audio, video, document, sticker, location, contacts, button, interactive); statuses[] (id, status: sent | delivered | read | played | failed, errors[]); or a template status update (event, message_template_name, message_template_language, reason)',
                },
              },
            },
          },
        },
      },
    },
  },
};
