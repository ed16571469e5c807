import { ChannelDefinition } from '../channel-definition';
import { ChannelKind } from '../channel-kind.enum';
import { GRAPH_DEFAULT_API_BASE_URL } from '../meta/graph-api.client';
import { graphWebhookRoutes } from '../meta/graph-webhook.util';
import { MESSENGER_SEND_RULES } from '../messenger/messenger-send-rules.constant';
import { MESSENGER_SECRET_FIELDS, MessengerSettingsDto } from '../messenger/messenger-settings.dto';
import { MESSENGER_WEBHOOK_BODY } from '../messenger/messenger-webhook-body.constant';
import { MessengerAdapter } from '../messenger/messenger.adapter';
import { parseMessengerWebhook } from '../messenger/messenger-webhook.parser';
import { INSTAGRAM_SETTINGS_FORM } from './instagram-settings-form.constant';

// Instagram direct messages of the association's professional account: Messenger's shape with object "instagram"
// (reference/channels.md §5.2), its own webhook and its own ids (an IGSID is not the person's PSID).
export const INSTAGRAM_CHANNEL: ChannelDefinition<MessengerSettingsDto> = {
  kind: ChannelKind.Instagram,
  provider: null,
  title: 'Instagram messages',
  settings: MessengerSettingsDto,
  form: INSTAGRAM_SETTINGS_FORM,
  secretFields: MESSENGER_SECRET_FIELDS,
  outboundUrlFields: ['apiBaseUrl'],
  defaultApiBaseUrl: GRAPH_DEFAULT_API_BASE_URL,
  asserts: ['external-id'],
  webhooks: {
    prefix: 'instagram',
    routes: graphWebhookRoutes({
      pastedAs: 'instagramCallback',
      product: 'Instagram',
      body: MESSENGER_WEBHOOK_BODY,
      parse: (body, inbox) =>
        parseMessengerWebhook(body, 'instagram', typeof inbox.settings.accountId === 'string' ? inbox.settings.accountId : undefined),
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
