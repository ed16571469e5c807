import type { SchemaObject } from '@nestjs/swagger';

// What Wasl reads of a Messenger or Instagram notification (reference/channels.md §5.1, §5.2).
export const MESSENGER_WEBHOOK_BODY: SchemaObject = {
  type: 'object',
  required: ['object', 'entry'],
  properties: {
    object: { type: 'string', enum: ['page', 'instagram'] },
    entry: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', description: 'The page or Instagram account id' },
          messaging: {
            type: 'array',
            items: {
              type: 'object',
              description:
                'sender.id (PSID or IGSID), timestamp (ms), message{mid (the de-duplication key), text, attachments[]{type, payload.url}, is_echo} or delivery{mids[]}',
            },
          },
        },
      },
    },
  },
};
