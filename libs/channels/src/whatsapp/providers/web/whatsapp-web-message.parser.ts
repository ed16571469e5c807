import { ChannelEvent } from '../../../channel-event.types';
import { AttachmentMetadata, InboundMessage } from '../../../channel-message.types';
import { DeliveryState } from '../../../delivery-status-update.types';
import { phoneOfWhatsAppId } from '../../whatsapp-phone.util';
import { WhatsAppWebMessage } from './whatsapp-web-client.types';

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'ptt', 'document', 'sticker']);
// Not a beneficiary writing: protocol, notification and call-log entries, revoked messages, reactions.
const IGNORED_TYPES = new Set([
  'revoked',
  'reaction',
  'e2e_notification',
  'notification',
  'notification_template',
  'gp2',
  'group_notification',
  'call_log',
  'protocol',
  'ciphertext',
  'debug',
  'broadcast_notification',
]);

// MessageAck (reference/channels.md §3.3): server, device, read, played; -1 is an error.
const ACK_STATES: Record<number, DeliveryState> = {
  [-1]: DeliveryState.Failed,
  1: DeliveryState.Sent,
  2: DeliveryState.Delivered,
  3: DeliveryState.Read,
  4: DeliveryState.Read,
};

// Only a person's own chat with the association's number: groups, status updates, broadcasts and channels are
// not beneficiaries writing to it.
export function isPersonalChat(message: WhatsAppWebMessage): boolean {
  return !message.isStatus && !message.broadcast && !message.id.fromMe && (message.from.endsWith('@c.us') || message.from.endsWith('@lid'));
}

function vCardLine(card: string): string {
  const name = /^FN:(.*)$/m.exec(card)?.[1]?.trim();
  const phone = /^TEL[^:]*:(.*)$/m.exec(card)?.[1]?.trim();
  return `👤 ${[name, phone].filter(Boolean).join(' ')}`.trim();
}

// A whatsapp-web.js Message as Wasl's inbound message, keyed by id._serialized; `phone` is the sender's number
// (resolved from an @lid by the caller when WhatsApp hides it). Media is named by the message id and fetched
// through the session that received it.
export function parseWhatsAppWebMessage(message: WhatsAppWebMessage, phone: string | undefined): InboundMessage | undefined {
  if (IGNORED_TYPES.has(message.type)) return undefined;
  const attachments: AttachmentMetadata[] = [];
  let text = message.body ?? '';
  if (MEDIA_TYPES.has(message.type) && message.hasMedia) {
    const attachment: AttachmentMetadata = { providerMediaId: message.id._serialized.slice(0, 200) };
    const mimeType = message._data?.mimetype?.split(';')[0].trim();
    if (mimeType) attachment.contentType = mimeType;
    if (message._data?.filename) attachment.fileName = message._data.filename;
    if (message.type === 'ptt') attachment.voice = true;
    attachments.push(attachment);
  } else if (message.type === 'location' && message.location) {
    const link = `https://maps.google.com/?q=${message.location.latitude},${message.location.longitude}`;
    text = message.location.description ? `📍 ${message.location.description}\n${link}` : `📍 ${link}`;
  } else if (message.type === 'vcard' || message.type === 'multi_vcard') {
    const cards = message.vCards?.length ? message.vCards : [message.body];
    text = cards.map(vCardLine).join('\n');
  } else if (!text) {
    text = `[WhatsApp: ${message.type} message]`;
  }
  if (!text && attachments.length === 0) return undefined;
  const name = message._data?.notifyName;
  return {
    providerMessageId: message.id._serialized.slice(0, 200),
    sender: phone ? { phone, name } : { externalId: message.from, name },
    text,
    attachments,
    sentAt: message.timestamp ? new Date(message.timestamp * 1000).toISOString() : undefined,
  };
}

export function whatsAppWebAckEvent(message: WhatsAppWebMessage, ack: number): ChannelEvent | undefined {
  const state = ACK_STATES[ack];
  if (!message.id.fromMe || !state) return undefined;
  return { type: 'delivery-status', update: { providerMessageId: message.id._serialized.slice(0, 200), state } };
}

export function phoneOfChatId(chatId: string): string | undefined {
  return chatId.endsWith('@c.us') ? phoneOfWhatsAppId(chatId.slice(0, -'@c.us'.length)) : undefined;
}
