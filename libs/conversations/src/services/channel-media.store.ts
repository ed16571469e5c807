import { AttachmentStore, readWholeObject } from '@app/storage';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

// Files fetched from channels for inbound messages (WhatsApp voice notes, photos, documents) and files staff send,
// in the attachment store (disk or object storage) under channel/<inbox>/<file>. Message rows keep the bare path,
// which grants nothing by itself; staff read through the audited API route.
export const CHANNEL_MEDIA_PATH_PREFIX = '/channel-media/';
const STORED_PATH = /^\/channel-media\/([0-9a-f-]{36})\/([0-9a-f-]{36})\.([a-z0-9]{1,5})$/;

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'application/pdf': 'pdf',
};

export interface StoredChannelMedia {
  path: string;
  sizeBytes: number;
}

// The attachment store's key of a stored path (channel/<inbox>/<file>), or undefined for any other path.
export function channelMediaKeyOf(path: string): { inboxId: string; key: string } | undefined {
  const match = STORED_PATH.exec(path);
  return match ? { inboxId: match[1], key: `channel/${match[1]}/${match[2]}.${match[3]}` } : undefined;
}

// The content type a stored path was written with (its extension), or bytes for an extension this store does not know.
export function channelMediaTypeOf(path: string): string {
  const extension = STORED_PATH.exec(path)?.[3];
  return Object.entries(EXTENSIONS).find(([, known]) => known === extension)?.[0] ?? 'application/octet-stream';
}

@Injectable()
export class ChannelMediaStore {
  constructor(private readonly files: AttachmentStore) {}

  async store(inboxId: string, content: Buffer, contentType: string): Promise<StoredChannelMedia> {
    const extension = EXTENSIONS[contentType] ?? 'bin';
    const fileId = randomUUID();
    // Bounded by CHANNEL_MEDIA_MAX_BYTES before it gets here; the store's own limit is a second guard.
    await this.files.write(`channel/${inboxId}/${fileId}.${extension}`, Readable.from([content]), { maxBytes: content.length });
    return { path: `${CHANNEL_MEDIA_PATH_PREFIX}${inboxId}/${fileId}.${extension}`, sizeBytes: content.length };
  }

  // Only a path this store wrote, for the inbox the message belongs to; read whole (media are bounded).
  async read(inboxId: string, path: string): Promise<Buffer | undefined> {
    const stored = channelMediaKeyOf(path);
    if (!stored || stored.inboxId !== inboxId) return undefined;
    const file = await this.files.read(stored.key);
    return file ? readWholeObject(file) : undefined;
  }
}
