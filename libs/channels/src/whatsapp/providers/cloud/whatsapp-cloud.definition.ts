import { ChannelDefinition, OutboundContext } from '../../../channel-definition';
import { ChannelKind } from '../../../channel-kind.enum';
import { graphWebhookRoutes } from '../../../meta/graph-webhook.util';
import { GRAPH_DEFAULT_API_BASE_URL } from '../../../meta/graph-api.client';
import { WHATSAPP_CLOUD_SEND_RULES } from '../../whatsapp-send-rules.constant';
import {
  WHATSAPP_CLOUD_DEFAULT_MESSAGES_PER_SECOND,
  WHATSAPP_CLOUD_SECRET_FIELDS,
  WhatsAppCloudSettingsDto,
} from './whatsapp-cloud-settings.dto';
import { WhatsAppCloudAdapter, whatsAppCloudCredentialsFrom } from './whatsapp-cloud.adapter';
import { WHATSAPP_CLOUD_WEBHOOK_BODY } from './whatsapp-cloud-webhook-body.constant';
import { parseWhatsAppCloudWebhook } from './whatsapp-cloud-webhook.parser';
import { WHATSAPP_CLOUD_SETTINGS_FORM } from './whatsapp-cloud-settings-form.constant';

function adapterOf(context: OutboundContext): WhatsAppCloudAdapter {
  return new WhatsAppCloudAdapter(whatsAppCloudCredentialsFrom(context), context.http, context.attachmentContent);
}

// Meta's WhatsApp Business Cloud API, for an association with a verified business number. The Meta app's
// Callback URL is the inbox's own URL (GET: the verification challenge; POST: notifications signed with the
// app secret). Free text only within the 24-hour window; approved templates otherwise, synced by a job.
export const WHATSAPP_CLOUD_CHANNEL: ChannelDefinition<WhatsAppCloudSettingsDto> = {
  kind: ChannelKind.WhatsApp,
  provider: 'cloud',
  title: 'WhatsApp Cloud API',
  settings: WhatsAppCloudSettingsDto,
  form: WHATSAPP_CLOUD_SETTINGS_FORM,
  secretFields: WHATSAPP_CLOUD_SECRET_FIELDS,
  outboundUrlFields: ['apiBaseUrl'],
  defaultApiBaseUrl: GRAPH_DEFAULT_API_BASE_URL,
  // A wa_id is the sender's phone number, delivered by WhatsApp: the same person as on SMS.
  asserts: ['phone'],
  webhooks: {
    prefix: 'whatsapp',
    routes: graphWebhookRoutes({
      pastedAs: 'whatsAppCloudCallback',
      product: 'WhatsApp Cloud API',
      body: WHATSAPP_CLOUD_WEBHOOK_BODY,
      parse: (body, inbox) =>
        parseWhatsAppCloudWebhook(body, typeof inbox.settings.phoneNumberId === 'string' ? inbox.settings.phoneNumberId : undefined),
    }),
  },
  outbound: adapterOf,
  sendRules: WHATSAPP_CLOUD_SEND_RULES,
  // The Cloud API takes no idempotency key: an interrupted send fails OUTCOME_UNKNOWN rather than reach twice.
  // One photo (PNG, JPEG) or PDF per message, uploaded to Meta's media endpoint and sent by id with the reply's
  // text as caption. Meta takes images up to 5 MB; a PDF of that size is a long document already.
  attachments: {
    contentTypes: ['image/png', 'image/jpeg', 'application/pdf'],
    maxCount: 1,
    maxCaptionLength: 1024,
    maxBytes: 5 * 1024 * 1024,
    maxTotalBytes: 5 * 1024 * 1024,
    note: 'WhatsApp Cloud API: one image or document per message, its caption the reply; images up to 5 MB',
  },
  receiverDeduplicates: false,
  outreach: null,
  templates: { sync: (context) => adapterOf(context).templates() },
  media: { download: (context, mediaId, maxBytes) => adapterOf(context).download(mediaId, maxBytes) },
  pacing: (settings) => ({
    messagesPerSecond:
      typeof settings.messagesPerSecond === 'number' ? settings.messagesPerSecond : WHATSAPP_CLOUD_DEFAULT_MESSAGES_PER_SECOND,
  }),
};
