import type { SchemaObject } from '@nestjs/swagger';
import { schemaText as text } from '../../../webhooks/webhook-schema.util';

type Properties = Record<string, SchemaObject>;

const TWILIO_SID = { type: 'string', pattern: '^[A-Za-z]{2}[0-9A-Za-z]{1,62}$' } as const;
const TWILIO_ADDRESS = { type: 'string', maxLength: 64 } as const;
const CALL_STATUSES = ['queued', 'initiated', 'ringing', 'in-progress', 'completed', 'busy', 'failed', 'no-answer', 'canceled'];
const DURATION = { type: 'string', pattern: '^\\d{1,9}$', description: 'Seconds, at most 86400' } as const;

// Twilio adds parameters without notice: only these are read, the rest are accepted and ignored (but signed).
function twilioForm(required: string[], properties: Properties): SchemaObject {
  return { type: 'object', required, properties, additionalProperties: { type: 'string' } };
}

function twilioCall(description: string): SchemaObject {
  return {
    ...twilioForm(['CallSid'], {
      CallSid: { ...TWILIO_SID, example: 'CA00000000000000000000000000000001' },
      AccountSid: { ...TWILIO_SID },
      From: { ...TWILIO_ADDRESS, description: "The caller's number (Caller when From is absent)", example: '+966500000001' },
      To: { ...TWILIO_ADDRESS, description: "The association's number (Called when To is absent)", example: '+966110000000' },
      Caller: { ...TWILIO_ADDRESS },
      Called: { ...TWILIO_ADDRESS },
      CallStatus: { type: 'string', enum: CALL_STATUSES },
      CallDuration: { ...DURATION },
    }),
    description,
  };
}

// The bodies of Twilio's webhooks as the parsers read them, for the OpenAPI document.
export const TWILIO_WEBHOOK_BODIES = {
  twilioSms: {
    ...twilioForm(['MessageSid', 'From'], {
      MessageSid: {
        ...TWILIO_SID,
        description: 'The de-duplication key (SmsMessageSid or SmsSid when absent)',
        example: 'SM0123456789abcdef0123456789abcdef',
      },
      AccountSid: { ...TWILIO_SID },
      From: { ...TWILIO_ADDRESS, description: "The beneficiary's number (an asserted identity)", example: '+966500000001' },
      To: { ...TWILIO_ADDRESS, example: '+966110000000' },
      Body: text('Required unless media is attached', { maxLength: 1600, example: 'مرحبا، عندي مشكلة في الطلب' }),
      NumMedia: { type: 'string', pattern: '^\\d{1,2}$', description: '0 to 10' },
      MediaUrl0: text('MediaUrl0 … MediaUrl9: http(s) links', { format: 'uri', maxLength: 2000 }),
      MediaContentType0: text('MediaContentType0 … MediaContentType9', { example: 'image/jpeg' }),
    }),
    description: 'Twilio inbound SMS, form-encoded and signed with X-Twilio-Signature.',
  },
  twilioMessageStatus: {
    ...twilioForm(['MessageSid', 'MessageStatus'], {
      MessageSid: { ...TWILIO_SID, description: 'SmsSid when absent' },
      MessageStatus: {
        type: 'string',
        description: 'SmsStatus when absent',
        enum: [
          'queued',
          'accepted',
          'scheduled',
          'sending',
          'sent',
          'partially_delivered',
          'delivered',
          'read',
          'failed',
          'canceled',
          'undelivered',
        ],
      },
      ErrorCode: { type: 'string', pattern: '^\\d{1,10}$', example: '30003' },
    }),
    description: 'Twilio message status callback. Statuses only move forward.',
  },
  twilioIncomingCall: twilioCall("Twilio incoming call (the number's voice URL)."),
  twilioCallStatus: twilioCall('Twilio call status callback: final status and duration.'),
  twilioDialStatus: {
    ...twilioForm(['CallSid'], {
      CallSid: { ...TWILIO_SID },
      DialCallStatus: { type: 'string', enum: ['completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled'] },
      DialCallDuration: { ...DURATION },
    }),
    description: 'Twilio <Dial action>: completed or answered means an officer talked to the caller.',
  },
  twilioRecording: {
    ...twilioForm(['CallSid', 'RecordingSid', 'RecordingUrl'], {
      CallSid: { ...TWILIO_SID },
      RecordingSid: { ...TWILIO_SID, description: 'The voicemail message is de-duplicated by it' },
      RecordingUrl: text('http(s) link to the recording', { format: 'uri', maxLength: 500 }),
      RecordingDuration: { ...DURATION },
    }),
    description: 'Twilio <Record action>: the voicemail.',
  },
  twilioTranscription: {
    ...twilioForm(['TranscriptionSid'], {
      TranscriptionSid: { ...TWILIO_SID },
      RecordingSid: { ...TWILIO_SID },
      TranscriptionText: text('The transcription', { maxLength: 10_000 }),
      TranscriptionStatus: { type: 'string', enum: ['completed', 'failed'] },
    }),
    description: "Twilio's transcribeCallback for a voicemail.",
  },
} satisfies Record<string, SchemaObject>;
