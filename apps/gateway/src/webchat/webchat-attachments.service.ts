import { AttachmentMetadata, detectAttachmentType, readVisitorToken, webChatVisitorRoom } from '@app/channels';
import { WaslConfig } from '@app/config';
import { WebChatRefusalCode } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { replyFileOf, signedReplyFilePath } from '@app/conversations';
import { AttachmentStore } from '@app/storage';
import { Readable } from 'node:stream';
import { WebChatRefusal } from './webchat-refusal.exception';
import { VISITOR_TOKEN_MAX_AGE_MILLISECONDS } from './webchat-session.service';

// Phone photos are a few MB; anything bigger is better sent another way than through a chat widget.
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(png|jpg|pdf)$/;
const VISITOR_KEY = /^[0-9a-f]{40}$/;
const CONTENT_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', pdf: 'application/pdf' };
// How a visitor's upload is named in message rows: a path that grants nothing by itself. Older rows may still carry
// the former never-expiring `?signature=`, which is no longer accepted.
const STORED_FILE_URL = /^\/webchat\/files\/([0-9a-f-]{36})\/([0-9a-f]{40})\/([^/?]+)(\?.*)?$/;
const EXPIRES = /^\d{13}$/;

export interface LocalAttachmentFile {
  inboxId: string;
  visitorKey: string;
  fileId: string;
}

export interface VisitorCredentials {
  expires: unknown;
  signature: unknown;
  visitorToken: unknown;
}

export interface AttachmentContent {
  stream: Readable;
  sizeBytes: number;
  contentType: string;
}

export type AttachmentRead = AttachmentContent | 'expired' | undefined;

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

// Visitors' uploads: stored in the attachment store (disk or S3-compatible) under the visitor's own folder,
// `<inbox>/<visitor key>/<file id>`. Message rows keep a bare path; a visitor gets links
// signed with the inbox secret that expire within minutes (minted each time they load or send messages), and
// staff download through an authenticated, audited API route.
@Injectable()
export class WebChatAttachmentsService {
  private readonly linkLifetimeMilliseconds: number;

  constructor(
    config: WaslConfig,
    private readonly files: AttachmentStore,
  ) {
    this.linkLifetimeMilliseconds = config.webChat.attachmentLinkSeconds * 1000;
  }

  async store(owner: AttachmentOwner, content: Buffer, fileName: unknown): Promise<StoredAttachment> {
    const type = detectAttachmentType(content);
    if (!type) throw new WebChatRefusal(WebChatRefusalCode.ValidationFailed, 'Only PNG or JPEG images and PDF files are accepted');
    const id = `${randomUUID()}.${type.extension}`;
    await this.files.write(this.keyOf({ inboxId: owner.inbox.id, visitorKey: owner.visitorKey, fileId: id }), Readable.from([content]), {
      maxBytes: MAX_ATTACHMENT_BYTES,
      contentType: CONTENT_TYPES[type.extension],
    });
    const stored = this.metadata(owner, id, content.length, cleanFileName(fileName, type.extension));
    return { ...stored, url: this.signedUrl(owner.signingSecret, stored.url as string) };
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

  // The uploading visitor's own token, or a link minted for a visitor: the right signature over the file and an
  // expiry that has not passed.
  async readForVisitor(file: LocalAttachmentFile, signingSecret: string, given: VisitorCredentials): Promise<AttachmentRead> {
    if (!this.isLocalFile(file)) return undefined;
    if (given.visitorToken !== undefined) {
      const token = readVisitorToken(signingSecret, file.inboxId, given.visitorToken, VISITOR_TOKEN_MAX_AGE_MILLISECONDS);
      const visitorKey = token && webChatVisitorRoom(signingSecret, token.externalId).slice('visitor:'.length);
      return visitorKey === file.visitorKey ? this.readFile(file) : undefined;
    }
    if (typeof given.signature !== 'string' || typeof given.expires !== 'string' || !EXPIRES.test(given.expires)) return undefined;
    const expected = Buffer.from(this.signature(signingSecret, file, Number(given.expires)));
    const signature = Buffer.from(given.signature);
    if (expected.length !== signature.length || !timingSafeEqual(expected, signature)) return undefined;
    if (Number(given.expires) <= Date.now()) return 'expired';
    return this.readFile(file);
  }

  // For callers that already proved who they are (the uploading visitor's token, a staff session).
  async readFile(file: LocalAttachmentFile): Promise<AttachmentContent | undefined> {
    if (!this.isLocalFile(file)) return undefined;
    const stored = await this.files.read(this.keyOf(file));
    return stored ? { ...stored, contentType: CONTENT_TYPES[file.fileId.split('.')[1]] } : undefined;
  }

  // The file a stored attachment URL names, when it is a web-chat upload (other channels link to their provider).
  localFileOf(url: unknown): LocalAttachmentFile | undefined {
    const match = typeof url === 'string' ? STORED_FILE_URL.exec(url) : null;
    if (!match) return undefined;
    const file = { inboxId: match[1], visitorKey: match[2], fileId: match[3] };
    return this.isLocalFile(file) ? file : undefined;
  }

  // A link for the visitor's browser, minted on each request for it; stored URLs are never links themselves. An
  // officer's file on a reply gets its own kind of link (apps/gateway/src/attachments), with the same lifetime.
  signedUrl(signingSecret: string, storedUrl: string): string {
    const replyFile = replyFileOf(storedUrl);
    if (replyFile) return signedReplyFilePath(signingSecret, replyFile, new Date(Date.now() + this.linkLifetimeMilliseconds));
    const file = this.localFileOf(storedUrl);
    if (!file) return storedUrl;
    const expires = Date.now() + this.linkLifetimeMilliseconds;
    return `${this.pathOf(file)}?expires=${expires}&signature=${this.signature(signingSecret, file, expires)}`;
  }

  withSignedUrls<T extends { attachments?: AttachmentMetadata[] }>(signingSecret: string, payload: T): T {
    if (!payload.attachments || payload.attachments.length === 0) return payload;
    return {
      ...payload,
      attachments: payload.attachments.map((attachment) =>
        attachment.url ? { ...attachment, url: this.signedUrl(signingSecret, attachment.url) } : attachment,
      ),
    };
  }

  private metadata(owner: AttachmentOwner, id: string, sizeBytes: number, fileName: string): StoredAttachment {
    return {
      id,
      // Relative to the gateway: the widget and the staff client both talk to it.
      url: this.pathOf({ inboxId: owner.inbox.id, visitorKey: owner.visitorKey, fileId: id }),
      contentType: CONTENT_TYPES[id.split('.')[1]],
      fileName,
      sizeBytes,
    };
  }

  private pathOf(file: LocalAttachmentFile): string {
    return `/webchat/files/${file.inboxId}/${file.visitorKey}/${file.fileId}`;
  }

  private isLocalFile(file: LocalAttachmentFile): boolean {
    return isUUID(file.inboxId) && VISITOR_KEY.test(file.visitorKey) && FILE_ID.test(file.fileId);
  }

  // `file-link:` keeps these apart from the former never-expiring `file:` signatures.
  private signature(signingSecret: string, file: LocalAttachmentFile, expires: number): string {
    return createHmac('sha256', signingSecret)
      .update(`file-link:${file.inboxId}/${file.visitorKey}/${file.fileId}:${expires}`)
      .digest('hex');
  }

  private sizeOf(inboxId: string, visitorKey: string, fileId: string): Promise<number | undefined> {
    return this.files.size(this.keyOf({ inboxId, visitorKey, fileId }));
  }

  private keyOf(file: LocalAttachmentFile): string {
    return `${file.inboxId}/${file.visitorKey}/${file.fileId}`;
  }
}
