import { ApiException } from '@app/common';
import { ChannelEvent } from '../channel-event.types';
import { AttachmentMetadata } from '../channel-message.types';

type Json = Record<string, unknown>;

function objectOf(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function fileOf(value: unknown, fallbackType?: string): AttachmentMetadata | undefined {
  const file = objectOf(value);
  const fileId = text(file?.file_id);
  if (!file || !fileId) return undefined;
  const attachment: AttachmentMetadata = { providerMediaId: fileId };
  const mimeType = text(file.mime_type) ?? fallbackType;
  if (mimeType) attachment.contentType = mimeType;
  const fileName = text(file.file_name);
  if (fileName) attachment.fileName = fileName;
  if (typeof file.file_size === 'number') attachment.sizeBytes = file.file_size;
  return attachment;
}

// A Telegram Update (reference/channels.md §5.3). update_id is the de-duplication key: Telegram repeats an update
// until it gets a 2xx. Only a person's messages in a private chat with the bot are a beneficiary writing; other
// updates (groups, channels, edits, button presses) are answered and ignored.
export function parseTelegramUpdate(body: unknown): ChannelEvent[] {
  const update = objectOf(body);
  const updateId = update?.update_id;
  if (!update || typeof updateId !== 'number' || !Number.isSafeInteger(updateId)) {
    throw ApiException.validation([{ field: 'update_id', message: 'must be an integer' }]);
  }
  const message = objectOf(update.message);
  const chat = objectOf(message?.chat);
  const from = objectOf(message?.from);
  if (!message || chat?.type !== 'private' || !from || from.is_bot === true) return [];
  if (typeof from.id !== 'number' && typeof from.id !== 'string')
    throw ApiException.validation([{ field: 'message.from.id', message: 'is required' }]);
  const attachments: AttachmentMetadata[] = [];
  // Telegram sends every size of a photo, smallest first: the largest is the one to keep.
  const photos = Array.isArray(message.photo) ? message.photo : [];
  const photo = fileOf(photos[photos.length - 1], 'image/jpeg');
  if (photo) attachments.push(photo);
  const voice = fileOf(message.voice, 'audio/ogg');
  if (voice) attachments.push({ ...voice, voice: true });
  for (const field of ['document', 'audio', 'video', 'video_note', 'sticker']) {
    const file = fileOf(message[field]);
    if (file) attachments.push(file);
  }
  const location = objectOf(message.location);
  const locationText =
    location && typeof location.latitude === 'number' && typeof location.longitude === 'number'
      ? `📍 https://maps.google.com/?q=${location.latitude},${location.longitude}`
      : undefined;
  const contact = objectOf(message.contact);
  const contactText = contact
    ? `👤 ${[text(contact.first_name), text(contact.last_name), text(contact.phone_number)].filter(Boolean).join(' ')}`
    : undefined;
  const content = text(message.text) ?? text(message.caption) ?? locationText ?? contactText ?? '';
  if (!content && attachments.length === 0) return [];
  const name = [text(from.first_name), text(from.last_name)].filter(Boolean).join(' ') || text(from.username);
  const date = typeof message.date === 'number' ? new Date(message.date * 1000).toISOString() : undefined;
  return [
    {
      type: 'message',
      message: {
        providerMessageId: String(updateId),
        sender: { externalId: String(from.id), name },
        text: content,
        attachments,
        sentAt: date,
      },
    },
  ];
}
