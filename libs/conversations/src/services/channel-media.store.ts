import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

// Files fetched from channels for inbound messages (WhatsApp voice notes, photos, documents), kept with the web
// chat's uploads under var/attachments (on shared storage when there are several workers and gateways). Message
// rows keep the bare path, which grants nothing by itself; staff read through the audited API route. This one
// small class is where a shared attachment store plugs in.
const ATTACHMENTS_DIRECTORY = resolve('var', 'attachments', 'channel');
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

@Injectable()
export class ChannelMediaStore {
  async store(inboxId: string, content: Buffer, contentType: string): Promise<StoredChannelMedia> {
    const extension = EXTENSIONS[contentType] ?? 'bin';
    const fileId = randomUUID();
    const folder = join(ATTACHMENTS_DIRECTORY, inboxId);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${fileId}.${extension}`), content, { flag: 'wx' });
    return { path: `${CHANNEL_MEDIA_PATH_PREFIX}${inboxId}/${fileId}.${extension}`, sizeBytes: content.length };
  }

  // Only a path this store wrote, for the inbox the message belongs to.
  async read(inboxId: string, path: string): Promise<Buffer | undefined> {
    const match = STORED_PATH.exec(path);
    if (!match || match[1] !== inboxId) return undefined;
    return readFile(join(ATTACHMENTS_DIRECTORY, match[1], `${match[2]}.${match[3]}`)).catch(() => undefined);
  }
}
