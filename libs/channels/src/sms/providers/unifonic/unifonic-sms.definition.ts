import { ChannelDefinition } from '../../../channel-definition';
import { ChannelKind } from '../../../channel-kind.enum';
import { webhookFields } from '../../../webhooks/webhook-fields.util';
import { FORM_CONTENT_TYPE, JSON_CONTENT_TYPE, RECEIVED_REPLY } from '../../../webhooks/webhook-schema.util';
import { INBOX_TOKEN_QUERY, verifyInboxToken } from '../../../webhooks/webhook-token.util';
import { SMS_SEND_RULES } from '../../sms-send-rules.constant';
import { smsAdapterContextOf, SmsOutboundAdapter } from '../../sms-outbound.adapter';
import { parseUnifonicDeliveryReport } from './unifonic-delivery-report.parser';
import { parseUnifonicInboundSms } from './unifonic-inbound-sms.parser';
import { UNIFONIC_DEFAULT_API_BASE_URL, UNIFONIC_SECRET_FIELDS, UnifonicSmsSettingsDto } from './unifonic-settings.dto';
import { UnifonicSmsAdapter, unifonicCredentialsFrom } from './unifonic-sms.adapter';
import { UNIFONIC_WEBHOOK_BODIES } from './unifonic-webhook-bodies.constant';
import { UNIFONIC_SETTINGS_FORM } from './unifonic-settings-form.constant';

const RECEIVED = { status: 200, contentType: JSON_CONTENT_TYPE, description: '{ "received": true }' };

// Unifonic (Saudi). It signs nothing, so both URLs pasted into its console carry the inbox secret (?token=). Its
// delivery reports go to one URL per account, not per message; it retries them 6 times in 72 hours.
export const UNIFONIC_SMS_CHANNEL: ChannelDefinition<UnifonicSmsSettingsDto> = {
  kind: ChannelKind.Sms,
  provider: 'unifonic',
  title: 'Unifonic SMS',
  settings: UnifonicSmsSettingsDto,
  form: UNIFONIC_SETTINGS_FORM,
  secretFields: UNIFONIC_SECRET_FIELDS,
  outboundUrlFields: ['apiBaseUrl'],
  defaultApiBaseUrl: UNIFONIC_DEFAULT_API_BASE_URL,
  asserts: ['phone'],
  webhooks: {
    prefix: 'unifonic',
    routes: [
      {
        method: 'POST',
        path: 'sms',
        pastedAs: 'unifonicSms',
        summary: 'An SMS a beneficiary sent to the association through Unifonic',
        openApi: {
          contentTypes: [FORM_CONTENT_TYPE, JSON_CONTENT_TYPE],
          body: UNIFONIC_WEBHOOK_BODIES.unifonicInboundSms,
          query: INBOX_TOKEN_QUERY,
          response: RECEIVED,
        },
        verify: verifyInboxToken,
        handle: (request) => ({
          events: [{ type: 'message', message: parseUnifonicInboundSms(webhookFields(request.body)) }],
          reply: RECEIVED_REPLY,
        }),
      },
      {
        method: 'POST',
        path: 'delivery-reports',
        pastedAs: 'unifonicDeliveryReports',
        summary: "Unifonic's delivery report (its DLR URL)",
        openApi: {
          contentTypes: [FORM_CONTENT_TYPE, JSON_CONTENT_TYPE],
          body: UNIFONIC_WEBHOOK_BODIES.unifonicDeliveryReport,
          query: INBOX_TOKEN_QUERY,
          response: RECEIVED,
        },
        verify: verifyInboxToken,
        handle: (request) => {
          const update = parseUnifonicDeliveryReport(webhookFields(request.body));
          return { events: update ? [{ type: 'delivery-status', update }] : [], reply: RECEIVED_REPLY };
        },
      },
    ],
  },
  outbound: (context) =>
    new SmsOutboundAdapter(new UnifonicSmsAdapter(unifonicCredentialsFrom(smsAdapterContextOf(context)), context.http)),
  sendRules: SMS_SEND_RULES,
  // Unifonic's SMS send API takes text only.
  attachments: null,
  receiverDeduplicates: false,
  outreach: { mode: 'send', recipient: 'phone' },
};
