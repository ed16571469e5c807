import type { SchemaObject } from '@nestjs/swagger';
import { schemaText } from '../webhooks/webhook-schema.util';

export const API_INBOUND_MESSAGE_BODY: SchemaObject = {
  type: 'object',
  required: ['messageId', 'from', 'text'],
  description: 'Signed with X-Wasl-Signature over the raw body. The same messageId is stored once.',
  properties: {
    messageId: schemaText('Your own id of the message: the de-duplication key', { maxLength: 200, example: 'app-msg-1042' }),
    from: {
      type: 'object',
      required: ['id'],
      properties: {
        id: schemaText('Your id of the beneficiary (an asserted identity on this inbox)', { maxLength: 200, example: 'beneficiary-77' }),
        name: schemaText('Display name', { maxLength: 200, example: 'نورة' }),
        phone: schemaText('A number your app verified, any Saudi notation', { maxLength: 32, example: '0500000001' }),
        email: schemaText('An address your app verified', { maxLength: 320, format: 'email' }),
      },
    },
    text: schemaText('The message', { maxLength: 10_000, example: 'متى يصدر قرار لجنة البحث بخصوص طلبي؟' }),
    sentAt: schemaText('When the beneficiary sent it (ISO 8601), for display', { format: 'date-time' }),
  },
};
