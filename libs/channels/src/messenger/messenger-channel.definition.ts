import { ChannelDefinition } from '../channel-definition';
import { ChannelKind } from '../channel-kind.enum';
import { GRAPH_DEFAULT_API_BASE_URL } from '../meta/graph-api.client';
import { graphWebhookRoutes } from '../meta/graph-webhook.util';
import { MESSENGER_WEBHOOK_BODY } from './messenger-webhook-body.constant';
import { MESSENGER_SEND_RULES } from './messenger-send-rules.constant';
import { MESSENGER_SECRET_FIELDS, MessengerSettingsDto } from './messenger-settings.dto';
import { MessengerAdapter } from './messenger.adapter';
import { parseMessengerWebhook } from './messenger-webhook.parser';
import { MESSENGER_SETTINGS_FORM } from './messenger-settings-form.constant';

// A Facebook page's Messenger, through the Meta app's Page webhook (the same handshake and signature as the
// WhatsApp Cloud API). The person is known by their page-scoped id; names come from the Graph profile.
export const MESSENGER_CHANNEL: ChannelDefinition<MessengerSettingsDto> = {
  kind: ChannelKind.Messenger,
  provider: null,
  title: 'Facebook Messenger',
  settings: MessengerSettingsDto,
  form: MESSENGER_SETTINGS_FORM,
  secretFields: MESSENGER_SECRET_FIELDS,
  outboundUrlFields: ['apiBaseUrl'],
  defaultApiBaseUrl: GRAPH_DEFAULT_API_BASE_URL,
  asserts: ['external-id'],
  webhooks: {
    prefix: 'messenger',
    routes: graphWebhookRoutes({
      pastedAs: 'messengerCallback',
      product: 'Messenger',
      body: MESSENGER_WEBHOOK_BODY,
      parse: (body, inbox) =>
        parseMessengerWebhook(body, 'page', typeof inbox.settings.accountId === 'string' ? inbox.settings.accountId : undefined),
    }),
  },
  outbound: (context) => new MessengerAdapter(context),
  sendRules: MESSENGER_SEND_RULES,
  // Not yet: files from staff on this channel wait for its adapter to send them (docs/architecture.md, "Files from staff").
  attachments: null,
  receiverDeduplicates: false,
  outreach: null,
  profiles: {
    fetch: (context, externalId) => new MessengerAdapter(context).profile(externalId),
    picture: (context, url, maxBytes) => new MessengerAdapter(context).picture(url, maxBytes),
  },
};
