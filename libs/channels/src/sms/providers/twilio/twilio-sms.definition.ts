import { twilioMediaHeaders } from './twilio-media.util';
import { ChannelDefinition } from '../../../channel-definition';
import { ChannelEvent } from '../../../channel-event.types';
import { ChannelKind } from '../../../channel-kind.enum';
import { FORM_CONTENT_TYPE } from '../../../webhooks/webhook-schema.util';
import { SMS_SEND_RULES } from '../../sms-send-rules.constant';
import { smsAdapterContextOf, SmsOutboundAdapter } from '../../sms-outbound.adapter';
import { EMPTY_TWIML } from './twilio-empty-twiml.constant';
import { TWILIO_SIGNATURE_DOCUMENTATION, TWIML_CONTENT_TYPE, twilioFormParameters, verifyTwilioRequest } from './twilio-request.verifier';
import { TWILIO_DEFAULT_API_BASE_URL, TWILIO_SECRET_FIELDS, TwilioSmsSettingsDto } from './twilio-settings.dto';
import { TwilioSmsAdapter, twilioCredentialsFrom } from './twilio-sms.adapter';
import { TWILIO_WEBHOOK_BODIES } from './twilio-webhook-bodies.constant';
import { parseTwilioInboundSms, parseTwilioStatusCallback } from './twilio-webhook.parser';
import { TWILIO_SMS_SETTINGS_FORM } from './twilio-sms-settings-form.constant';

export const TWILIO_WEBHOOK_PREFIX = 'twilio';
export const TWILIO_STATUS_PATH = 'status';

const TWIML_REPLY = { status: 200, contentType: TWIML_CONTENT_TYPE, body: EMPTY_TWIML } as const;

// Twilio Programmable Messaging. Inbound SMS and delivery status callbacks are form-encoded and signed; replies go
// out through twilio-node (its origin swapped for the inbox's apiBaseUrl: the sandbox in development and tests).
export const TWILIO_SMS_CHANNEL: ChannelDefinition<TwilioSmsSettingsDto> = {
  kind: ChannelKind.Sms,
  provider: 'twilio',
  title: 'Twilio SMS',
  settings: TwilioSmsSettingsDto,
  form: TWILIO_SMS_SETTINGS_FORM,
  secretFields: TWILIO_SECRET_FIELDS,
  outboundUrlFields: ['apiBaseUrl'],
  defaultApiBaseUrl: TWILIO_DEFAULT_API_BASE_URL,
  // The mobile network delivered the SMS from this number.
  asserts: ['phone'],
  webhooks: {
    prefix: TWILIO_WEBHOOK_PREFIX,
    routes: [
      {
        method: 'POST',
        path: 'sms',
        pastedAs: 'twilioSms',
        summary: 'An SMS a beneficiary sent to the association through Twilio (the de-duplication key is MessageSid)',
        openApi: {
          contentTypes: [FORM_CONTENT_TYPE],
          body: TWILIO_WEBHOOK_BODIES.twilioSms,
          headers: TWILIO_SIGNATURE_DOCUMENTATION,
          response: { status: 200, contentType: TWIML_CONTENT_TYPE, description: 'Empty TwiML' },
        },
        verify: verifyTwilioRequest,
        // A malformed field is a TwilioPayloadError: a 400 naming it, before anything is stored.
        handle: (request) => ({
          events: [{ type: 'message', message: parseTwilioInboundSms(twilioFormParameters(request.body)) }],
          reply: TWIML_REPLY,
        }),
      },
      {
        method: 'POST',
        path: TWILIO_STATUS_PATH,
        summary: 'A Twilio message status callback (statuses only move forward)',
        openApi: {
          contentTypes: [FORM_CONTENT_TYPE],
          body: TWILIO_WEBHOOK_BODIES.twilioMessageStatus,
          headers: TWILIO_SIGNATURE_DOCUMENTATION,
          response: { status: 200, contentType: TWIML_CONTENT_TYPE, description: 'Empty TwiML' },
        },
        verify: verifyTwilioRequest,
        handle: (request) => ({ events: twilioStatusEvents(request.body), reply: TWIML_REPLY }),
      },
    ],
  },
  outbound: (context) =>
    new SmsOutboundAdapter(
      new TwilioSmsAdapter(twilioCredentialsFrom(smsAdapterContextOf(context)), context.http),
      context.reportDelivery ? context.webhookUrl(TWILIO_STATUS_PATH) : undefined,
      context.attachmentLink,
    ),
  sendRules: SMS_SEND_RULES,
  // MMS: Twilio fetches each mediaUrl (a signed, expiring gateway link) itself; at most 10 files and 5 MB in all.
  // Twilio delivers MMS to US and Canadian numbers; to most other countries, Saudi numbers among them, it does not
  // (an account's MMS Converter may send a link by SMS instead). The rule is this definition's, not every SMS
  // provider's: an association whose beneficiaries are on Saudi numbers should not count on a photo arriving.
  attachments: {
    contentTypes: ['image/png', 'image/jpeg', 'application/pdf'],
    maxCount: 10,
    maxBytes: 5 * 1024 * 1024,
    maxTotalBytes: 5 * 1024 * 1024,
    note: 'Twilio MMS (mediaUrl): 10 files, 5 MB in all; MMS reaches US and Canadian numbers, not Saudi numbers everywhere',
  },
  mediaHeaders: twilioMediaHeaders,
  receiverDeduplicates: false,
  outreach: { mode: 'send', recipient: 'phone' },
};

// Inbound-only statuses (received) carry nothing to apply; Twilio only needs the 200.
export function twilioStatusEvents(body: unknown): ChannelEvent[] {
  const update = parseTwilioStatusCallback(twilioFormParameters(body));
  return update ? [{ type: 'delivery-status', update }] : [];
}
