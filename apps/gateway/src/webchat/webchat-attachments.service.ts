import { AttachmentMetadata, detectAttachmentType } from '@app/channels';
import { Injectable } from '@nestjs/common';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { WebChatRefusal, WebChatRefusalCode } from './webchat-refusal.exception';

// Phone photos are a few MB; anything bigger is better sent another way than through a chat widget.
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
// Files live beside the SQLite database; several gateway instances need this directory on shared storage.
const ATTACHMENTS_DIRECTORY = resolve('var', 'attachments');
const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(png|jpg|pdf)$/;
const VISITOR_KEY = /^[0-9a-f]{40}$/;
const CONTENT_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', pdf: 'application/pdf' };

export interface AttachmentOwner {
  inbox: { id: string };
  signingSecret: string;
  visitorKey: string;
}

export interface StoredAttachment extends AttachmentMetadata {
  id: string;
}

function cleanFileName(value: unknown, extension: string): string {
  const name =
    typeof value === 'string'
      ? [...value]
          .filter((character) => character.charCodeAt(0) >= 32 && !'\\/"<>'.includes(character))
          .join('')
          .trim()
          .slice(0, 100)
      : '';
  return name || `attachment.${extension}`;
}

// Visitors' uploads: stored under the visitor's own folder, served only through URLs signed with the inbox secret.
@Injectable()
export class WebChatAttachmentsService {
  async store(owner: AttachmentOwner, content: Buffer, fileName: unknown): Promise<StoredAttachment> {
    const type = detectAttachmentType(content);
    if (!type) throw new WebChatRefusal(WebChatRefusalCode.ValidationFailed, 'Only PNG or JPEG images and PDF files are accepted');
    const id = `${randomUUID()}.${type.extension}`;
    const folder = join(ATTACHMENTS_DIRECTORY, owner.inbox.id, owner.visitorKey);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, id), content, { flag: 'wx' });
    return this.metadata(owner, id, content.length, cleanFileName(fileName, type.extension));
  }

  // message:send names uploads by id; only the sender's own files can be attached.
  async resolve(owner: AttachmentOwner, input: unknown[]): Promise<AttachmentMetadata[]> {
    const found: AttachmentMetadata[] = [];
    for (const item of input) {
      const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
      const id = typeof entry.id === 'string' ? entry.id : '';
      const size = FILE_ID.test(id) ? await this.sizeOf(owner.inbox.id, owner.visitorKey, id) : undefined;
      if (size === undefined)
        throw new WebChatRefusal(WebChatRefusalCode.ValidationFailed, 'Unknown attachment', [
          { field: 'attachments', message: 'unknown id' },
        ]);
      const { id: _id, ...metadata } = this.metadata(owner, id, size, cleanFileName(entry.fileName, id.split('.')[1]));
      found.push(metadata);
    }
    return found;
  }

  async read(
    inboxId: string,
    visitorKey: string,
    fileId: string,
    signingSecret: string,
    signature: unknown,
  ): Promise<{ content: Buffer; contentType: string } | undefined> {
    if (!VISITOR_KEY.test(visitorKey) || !FILE_ID.test(fileId) || typeof signature !== 'string') return undefined;
    const expected = Buffer.from(this.signature(signingSecret, inboxId, visitorKey, fileId));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const content = await readFile(join(ATTACHMENTS_DIRECTORY, inboxId, visitorKey, fileId)).catch(() => undefined);
    return content ? { content, contentType: CONTENT_TYPES[fileId.split('.')[1]] } : undefined;
  }

  private metadata(owner: AttachmentOwner, id: string, sizeBytes: number, fileName: string): StoredAttachment {
    const signature = this.signature(owner.signingSecret, owner.inbox.id, owner.visitorKey, id);
    return {
      id,
      // Relative to the gateway: the widget and the staff client both talk to it.
      url: `/webchat/files/${owner.inbox.id}/${owner.visitorKey}/${id}?signature=${signature}`,
      contentType: CONTENT_TYPES[id.split('.')[1]],
      fileName,
      sizeBytes,
    };
  }

  private signature(signingSecret: string, inboxId: string, visitorKey: string, fileId: string): string {
    return createHmac('sha256', signingSecret).update(`file:${inboxId}/${visitorKey}/${fileId}`).digest('hex');
  }

  private async sizeOf(inboxId: string, visitorKey: string, fileId: string): Promise<number | undefined> {
    const info = await stat(join(ATTACHMENTS_DIRECTORY, inboxId, visitorKey, fileId)).catch(() => undefined);
    return info?.isFile() ? info.size : undefined;
  }
}
