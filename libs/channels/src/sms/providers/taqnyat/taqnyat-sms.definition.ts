import { ChannelDefinition } from '../../../channel-definition';
import { ChannelKind } from '../../../channel-kind.enum';
import { webhookFields } from '../../../webhooks/webhook-fields.util';
import { FORM_CONTENT_TYPE, JSON_CONTENT_TYPE, RECEIVED_REPLY } from '../../../webhooks/webhook-schema.util';
import { INBOX_TOKEN_QUERY, verifyInboxToken } from '../../../webhooks/webhook-token.util';
import { SMS_SEND_RULES } from '../../sms-send-rules.constant';
import { smsAdapterContextOf, SmsOutboundAdapter } from '../../sms-outbound.adapter';
import { parseTaqnyatInboundSms } from './taqnyat-inbound-sms.parser';
import { TAQNYAT_DEFAULT_API_BASE_URL, TAQNYAT_SECRET_FIELDS, TaqnyatSmsSettingsDto } from './taqnyat-settings.dto';
import { TaqnyatSmsAdapter, taqnyatCredentialsFrom } from './taqnyat-sms.adapter';
import { TAQNYAT_WEBHOOK_BODIES } from './taqnyat-webhook-bodies.constant';
import { TAQNYAT_SETTINGS_FORM } from './taqnyat-settings-form.constant';

// Taqnyat (Saudi). It documents no delivery-report webhook, so its messages stay `sent`; its number's forwarding
// URL carries the inbox secret (?token=), since it signs nothing.
export const TAQNYAT_SMS_CHANNEL: ChannelDefinition<TaqnyatSmsSettingsDto> = {
  kind: ChannelKind.Sms,
  provider: 'taqnyat',
  title: 'Taqnyat SMS',
  settings: TaqnyatSmsSettingsDto,
  form: TAQNYAT_SETTINGS_FORM,
  secretFields: TAQNYAT_SECRET_FIELDS,
  outboundUrlFields: ['apiBaseUrl'],
  defaultApiBaseUrl: TAQNYAT_DEFAULT_API_BASE_URL,
  asserts: ['phone'],
  webhooks: {
    prefix: 'taqnyat',
    routes: [
      {
        method: 'POST',
        path: 'sms',
        pastedAs: 'taqnyatSms',
        summary: 'An SMS a beneficiary sent to the association through Taqnyat',
        openApi: {
          contentTypes: [JSON_CONTENT_TYPE, FORM_CONTENT_TYPE],
          body: TAQNYAT_WEBHOOK_BODIES.taqnyatInboundSms,
          query: INBOX_TOKEN_QUERY,
          response: { status: 200, contentType: JSON_CONTENT_TYPE, description: '{ "received": true }' },
        },
        verify: verifyInboxToken,
        handle: (request) => ({
          events: [{ type: 'message', message: parseTaqnyatInboundSms(webhookFields(request.body)) }],
          reply: RECEIVED_REPLY,
        }),
      },
    ],
  },
  outbound: (context) => new SmsOutboundAdapter(new TaqnyatSmsAdapter(taqnyatCredentialsFrom(smsAdapterContextOf(context)), context.http)),
  sendRules: SMS_SEND_RULES,
  // Taqnyat's send API takes text only.
  attachments: null,
  receiverDeduplicates: false,
  outreach: { mode: 'send', recipient: 'phone' },
};
