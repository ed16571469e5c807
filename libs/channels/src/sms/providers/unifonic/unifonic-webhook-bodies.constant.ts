import type { SchemaObject } from '@nestjs/swagger';
import { schemaText as text } from '../../../webhooks/webhook-schema.util';

// The bodies of Unifonic's webhooks as the parsers read them, for the OpenAPI document.
export const UNIFONIC_WEBHOOK_BODIES = {
  unifonicDeliveryReport: {
    type: 'object',
    required: ['MessageID', 'DLR'],
    description: "Unifonic's delivery report (form or JSON), as reference/channels.md §7.1 documents it.",
    properties: {
      MessageID: text("Unifonic's id from the send answer", { maxLength: 100, example: '42000348806924' }),
      DLR: { type: 'string', enum: ['Delivered', 'Undeliverable'], description: 'Also accepted: Undelivered, Rejected, Failed, Sent' },
      Recipient: text('International, without +', { example: '966500000001' }),
      TimeCreated: text('yyyy-mm-dd hh:mm:ss in the account time zone'),
      SCTS: text('Network time'),
      DLRTimestamp: text('When the report was made', { maxLength: 40 }),
    },
  },
  unifonicInboundSms: {
    type: 'object',
    required: ['MessageID', 'From', 'Body'],
    description:
      "A beneficiary's SMS through Unifonic (form or JSON). Not documented in reference/channels.md: check it against the account.",
    properties: {
      MessageID: text("Unifonic's message id: the de-duplication key", { maxLength: 100, example: '42000348806925' }),
      From: text("The beneficiary's number, international without + (an asserted identity)", { example: '966500000001' }),
      To: text("The association's number or short code", { maxLength: 64, example: '966110000000' }),
      Body: text('The message', { maxLength: 1600, example: 'مرحبا، عندي مشكلة في الطلب' }),
      TimeCreated: text('yyyy-mm-dd hh:mm:ss, kept for display', { example: '2026-11-26 10:00:00' }),
    },
  },
} satisfies Record<string, SchemaObject>;
