import { ApiException, FieldProblem } from '@app/common';
import { ChannelEvent } from '../channel-event.types';
import { AttachmentMetadata } from '../channel-message.types';
import { DeliveryState } from '../delivery-status-update.types';

type Json = Record<string, unknown>;

const CONTENT_TYPES: Record<string, string> = {
  image: 'image/jpeg',
  audio: 'audio/mp4',
  video: 'video/mp4',
  file: 'application/octet-stream',
};

function objectOf(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

// The Messenger and Instagram webhook (reference/channels.md §5.1, §5.2): `{ object: "page" | "instagram",
// entry[].messaging[] }`. Messages are keyed by mid; echoes of what the account itself sent are dropped (loop
// guard); `delivery` events mark replies delivered. entry.id names the account: another one's events are ignored.
export function parseMessengerWebhook(body: unknown, object: 'page' | 'instagram', accountId: string | undefined): ChannelEvent[] {
  const root = objectOf(body);
  if (!root || root.object !== object) throw ApiException.validation([{ field: 'object', message: `must be "${object}"` }]);
  if (!Array.isArray(root.entry)) throw ApiException.validation([{ field: 'entry', message: 'must be an array' }]);
  const problems: FieldProblem[] = [];
  const events: ChannelEvent[] = [];
  root.entry.forEach((entryValue, entryIndex) => {
    const entry = objectOf(entryValue);
    if (accountId && entry?.id !== undefined && String(entry.id) !== accountId) return;
    listOf(entry?.messaging).forEach((eventValue, index) => {
      const at = `entry.${entryIndex}.messaging.${index}`;
      const event = objectOf(eventValue);
      const senderId = objectOf(event?.sender)?.id;
      const message = objectOf(event?.message);
      const delivery = objectOf(event?.delivery);
      if (delivery) {
        for (const mid of listOf(delivery.mids)) {
          if (typeof mid === 'string')
            events.push({ type: 'delivery-status', update: { providerMessageId: mid, state: DeliveryState.Delivered } });
        }
        return;
      }
      if (!message || message.is_echo === true) return;
      if (typeof message.mid !== 'string' || !message.mid)
        return void problems.push({ field: `${at}.message.mid`, message: 'is required' });
      if (typeof senderId !== 'string' && typeof senderId !== 'number')
        return void problems.push({ field: `${at}.sender.id`, message: 'is required' });
      const attachments: AttachmentMetadata[] = listOf(message.attachments).flatMap((attachmentValue) => {
        const attachment = objectOf(attachmentValue);
        const url = objectOf(attachment?.payload)?.url;
        const type = typeof attachment?.type === 'string' ? attachment.type : 'file';
        return typeof url === 'string' ? [{ url, contentType: CONTENT_TYPES[type] ?? 'application/octet-stream' }] : [];
      });
      const text = typeof message.text === 'string' ? message.text : '';
      if (!text && attachments.length === 0) return;
      const timestamp = typeof event?.timestamp === 'number' ? new Date(event.timestamp).toISOString() : undefined;
      events.push({
        type: 'message',
        message: { providerMessageId: message.mid, sender: { externalId: String(senderId) }, text, attachments, sentAt: timestamp },
      });
    });
  });
  if (problems.length > 0) throw ApiException.validation(problems);
  return events;
}
