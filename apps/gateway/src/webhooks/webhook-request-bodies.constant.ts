import type { SchemaObject } from '@nestjs/swagger';

type Properties = Record<string, SchemaObject>;

const text = (description: string, extra: SchemaObject = {}): SchemaObject => ({ type: 'string', description, ...extra });

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

// The request bodies of every webhook, as the parsers read them (libs/channels), for the OpenAPI document.
// Fields are typed and length-checked in the parsers; these schemas only describe them.
export const WEBHOOK_REQUEST_BODIES = {
  apiChannel: {
    type: 'object',
    required: ['messageId', 'from', 'text'],
    description: 'Signed with X-Wasl-Signature over the raw body. The same messageId is stored once.',
    properties: {
      messageId: text('Your own id of the message: the de-duplication key', { maxLength: 200, example: 'app-msg-1042' }),
      from: {
        type: 'object',
        required: ['id'],
        properties: {
          id: text('Your id of the beneficiary (an asserted identity on this inbox)', { maxLength: 200, example: 'beneficiary-77' }),
          name: text('Display name', { maxLength: 200, example: 'نورة' }),
          phone: text('A number your app verified, any Saudi notation', { maxLength: 32, example: '0500000001' }),
          email: text('An address your app verified', { maxLength: 320, format: 'email' }),
        },
      },
      text: text('The message', { maxLength: 10_000, example: 'متى يصدر قرار لجنة البحث بخصوص طلبي؟' }),
      sentAt: text('When the beneficiary sent it (ISO 8601), for display', { format: 'date-time' }),
    },
  },
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
