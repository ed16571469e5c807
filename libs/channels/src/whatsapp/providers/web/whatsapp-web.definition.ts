import { ChannelDefinition, OutboundContext } from '../../../channel-definition';
import { ChannelError, ChannelErrorCode } from '../../../channel-error';
import { ChannelKind } from '../../../channel-kind.enum';
import { NO_SEND_RULES } from '../../../send-rules.constant';
import { WHATSAPP_WEB_DEFAULT_MESSAGES_PER_MINUTE, WhatsAppWebSettingsDto } from './whatsapp-web-settings.dto';
import { WhatsAppWebSession } from './whatsapp-web.session';
import { WHATSAPP_WEB_SETTINGS_FORM } from './whatsapp-web-settings-form.constant';

// The session is driven by whichever worker holds its lease; sends and media go through it there.
function runningSession(context: OutboundContext) {
  const session = context.sessions?.running(context.inbox.id);
  if (!session) throw new ChannelError(ChannelErrorCode.Temporary, 'The WhatsApp session is driven by another worker or not started');
  return session;
}

// WhatsApp through a phone the association pairs by QR code, driven by whatsapp-web.js in Debian's Chromium (the
// design card's package; unofficial, for a small association). No webhooks: the worker holding the inbox's lease
// runs the session, stores its credentials in PostgreSQL and hands messages and acknowledgements to the intake.
export const WHATSAPP_WEB_CHANNEL: ChannelDefinition<WhatsAppWebSettingsDto> = {
  kind: ChannelKind.WhatsApp,
  provider: 'web',
  title: 'WhatsApp (paired phone)',
  settings: WhatsAppWebSettingsDto,
  form: WHATSAPP_WEB_SETTINGS_FORM,
  secretFields: [],
  // The sender's WhatsApp number, as WhatsApp delivered it: the same person as on SMS.
  asserts: ['phone'],
  webhooks: null,
  outbound: (context) => ({
    send: async (message) => {
      const session = runningSession(context);
      const attachment = message.attachments?.[0];
      // Read before the send, so a file that is gone fails the reply instead of sending the caption alone.
      const file = attachment ? await context.attachmentContent(attachment) : undefined;
      return session.send(message, file);
    },
  }),
  // WhatsApp Web has no customer-service window; the pace below is the limit.
  sendRules: NO_SEND_RULES,
  // One photo or PDF per message through the phone (a document keeps its name), the reply's text as its caption.
  // WhatsApp's own limits are larger; 5 MB keeps the phone's upload quick on a weak connection.
  attachments: {
    contentTypes: ['image/png', 'image/jpeg', 'application/pdf'],
    maxCount: 1,
    maxCaptionLength: 1024,
    maxBytes: 5 * 1024 * 1024,
    maxTotalBytes: 5 * 1024 * 1024,
    note: 'WhatsApp through a paired phone: one photo or PDF per message, its caption the reply; up to 5 MB',
  },
  receiverDeduplicates: false,
  outreach: null,
  media: { download: (context, providerMediaId, maxBytes) => runningSession(context).downloadMedia(providerMediaId, maxBytes) },
  pacing: (settings) => ({
    messagesPerSecond:
      (typeof settings.messagesPerMinute === 'number' ? settings.messagesPerMinute : WHATSAPP_WEB_DEFAULT_MESSAGES_PER_MINUTE) / 60,
  }),
  session: {
    start: async (context) => {
      const session = new WhatsAppWebSession(context);
      await session.begin();
      return session;
    },
  },
};
