import { ChannelDefinition } from '../channel-definition';
import { ChannelKind } from '../channel-kind.enum';
import { NO_SEND_RULES } from '../send-rules.constant';
import { WebChatChannelAdapter } from './webchat-channel.adapter';
import { WebChatSettingsDto } from './webchat-settings.dto';
import { WEB_CHAT_SETTINGS_FORM } from './webchat-settings-form.constant';

// The widget on the association's website. Browsers speak socket.io to the gateway's /webchat namespace
// (apps/gateway/src/webchat), not webhooks; replies are emitted to the visitor's room through Redis.
export const WEB_CHAT_CHANNEL: ChannelDefinition<WebChatSettingsDto> = {
  kind: ChannelKind.WebChat,
  provider: null,
  title: 'Web chat',
  settings: WebChatSettingsDto,
  form: WEB_CHAT_SETTINGS_FORM,
  secretFields: [],
  // Stored as the administrator sent them: the widget reads its own keys, and old embeds may carry more.
  unknownSettings: 'keep',
  // The visitor id the widget's signed token carries, or the site's HMAC-signed identifier. A typed mobile number
  // becomes an identity only through a one-time code (apps/gateway/src/webchat/webchat-phone-verification.service.ts).
  asserts: ['external-id'],
  webhooks: null,
  outbound: (context) =>
    new WebChatChannelAdapter({ signingSecret: context.inbox.secrets.signingSecret }, context.realtime, context.attachmentLink),
  sendRules: NO_SEND_RULES,
  // What visitors may send, the other way: the widget shows images and links PDFs, through links signed for the visitor.
  attachments: {
    contentTypes: ['image/png', 'image/jpeg', 'application/pdf'],
    maxCount: 5,
    maxBytes: 5 * 1024 * 1024,
    maxTotalBytes: 25 * 1024 * 1024,
    note: 'As visitors may send: PNG, JPEG and PDF up to 5 MB each',
  },
  // Every reply carries Wasl's message id; the widget drops a second copy.
  receiverDeduplicates: true,
  outreach: null,
};
