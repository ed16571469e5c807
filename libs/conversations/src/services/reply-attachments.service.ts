import { AuditAction, AuditService } from '@app/audit';
import {
  AttachedFile,
  AttachmentMetadata,
  AttachmentRule,
  detectAttachmentType,
  findChannelDefinition,
  OutboundAttachment,
} from '@app/channels';
import { ApiErrorCode, ApiException, FieldProblem } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import { AttachmentStore, AttachmentTooLargeError, StoredObject } from '@app/storage';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EntityManager, In, IsNull, LessThan, Repository } from 'typeorm';
import { AttachmentUpload } from '../entities/attachment-upload.entity';
import { Conversation } from '../entities/conversation.entity';
import { NOTE_ATTACHMENT_RULE } from '../rules/note-attachment-rule.constant';
import { findVisibleConversation } from './conversation-access.util';
import { REPLY_FILE_EXTENSIONS, ReplyFile, replyFileKey, replyFileOf, replyFilePath } from './reply-attachment-link.util';

// Enough for every signature detectAttachmentType knows (PNG's is the longest, 8 bytes).
const HEAD_BYTES = 16;
const MAX_FILE_NAME_LENGTH = 200;
// An upload no message took within a day was abandoned (a closed tab, a removed chip).
export const UNATTACHED_UPLOAD_LIFETIME_MILLISECONDS = 24 * 60 * 60 * 1000;
const SWEEP_BATCH = 500;

export interface AttachmentUploadView {
  id: string;
  conversationId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

export interface AttachmentUploadInput {
  body: AsyncIterable<Buffer>;
  // The request's Content-Length, when it declared one: over the limit is refused before a byte is read.
  declaredBytes?: number;
  fileName?: string;
}

export interface ReplyFileContent extends StoredObject {
  contentType: string;
  fileName: string;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

function tooLarge(limit: number): ApiException {
  return new ApiException(ApiErrorCode.PayloadTooLarge, `Files may be at most ${megabytes(limit)} here`, [
    { field: 'file', message: `must be at most ${megabytes(limit)}` },
  ]);
}

// The first bytes of the body (to tell its type), and the whole body again as one stream for the store.
async function readHead(body: AsyncIterable<Buffer>): Promise<{ head: Buffer; rest: Readable }> {
  const iterator = body[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* chunks;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: Buffer.concat(chunks), rest: Readable.from(all()) };
}

// Officers' files for replies and private notes. An upload is checked by its first bytes and the conversation's
// channel (its attachment rule, or private notes' when the channel carries no files), stored under the
// conversation's inbox, audited, and attached to one message at most; the outbound worker hands the receiver signed
// links (OutboundAdapterFactory), and staff open them with their session through the message's attachment route.
@Injectable()
export class ReplyAttachmentsService {
  private readonly logger = new Logger(ReplyAttachmentsService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    @InjectRepository(AttachmentUpload) private readonly uploads: Repository<AttachmentUpload>,
    private readonly store: AttachmentStore,
    private readonly inboxes: InboxesService,
    private readonly audit: AuditService,
  ) {}

  async upload(user: AuthenticatedUser, conversationId: string, input: AttachmentUploadInput): Promise<AttachmentUploadView> {
    const conversation = await findVisibleConversation(this.uploads.manager, user, conversationId);
    const rule = await this.uploadRuleOf(user.organisationId, conversation);
    if (input.declaredBytes !== undefined && input.declaredBytes > rule.maxBytes) throw tooLarge(rule.maxBytes);
    const fileName = input.fileName?.trim();
    if (!fileName) {
      throw ApiException.validation([{ field: 'fileName', message: 'X-File-Name must carry the file’s name, percent-encoded' }]);
    }
    if (fileName.length > MAX_FILE_NAME_LENGTH) {
      throw ApiException.validation([{ field: 'fileName', message: `must be at most ${MAX_FILE_NAME_LENGTH} characters` }]);
    }
    const { head, rest } = await readHead(input.body);
    const type = detectAttachmentType(head);
    // Told by the bytes, never by the name or the browser's claim: a page renamed report.pdf is refused.
    if (!type || !rule.contentTypes.includes(type.contentType)) {
      throw ApiException.validation([{ field: 'file', message: `must be one of ${rule.contentTypes.join(', ')}, told by its content` }]);
    }
    const id = randomUUID();
    const file: ReplyFile = { inboxId: conversation.inboxId, conversationId, fileId: `${id}.${REPLY_FILE_EXTENSIONS[type.contentType]}` };
    let sizeBytes: number;
    try {
      ({ sizeBytes } = await this.store.write(replyFileKey(file), rest, { maxBytes: rule.maxBytes, contentType: type.contentType }));
    } catch (error) {
      if (error instanceof AttachmentTooLargeError) throw tooLarge(rule.maxBytes);
      throw error;
    }
    const upload: AttachmentUpload = {
      id,
      organisationId: user.organisationId,
      conversationId,
      inboxId: conversation.inboxId,
      uploadedByUserId: user.id,
      contentType: type.contentType,
      fileName,
      sizeBytes,
      messageId: null,
      createdAt: new Date(),
    };
    try {
      await this.transactions.run(async (manager) => {
        await manager.insert(AttachmentUpload, upload);
        await this.audit.record(
          {
            organisationId: user.organisationId,
            actorUserId: user.id,
            action: AuditAction.AttachmentUploaded,
            subjectType: 'conversation',
            subjectId: conversationId,
            details: { uploadId: id, contentType: type.contentType, sizeBytes },
          },
          manager,
        );
      });
    } catch (error) {
      await this.store.remove(replyFileKey(file)).catch(() => false);
      throw error;
    }
    return this.toView(upload);
  }

  // What the composer shows: the channel's rule for replies (null: none), and the rule uploads are checked against.
  async rulesOf(user: AuthenticatedUser, conversationId: string): Promise<{ reply: AttachmentRule | null; upload: AttachmentRule }> {
    const conversation = await findVisibleConversation(this.uploads.manager, user, conversationId);
    const reply = await this.replyRuleOf(user.organisationId, conversation);
    return { reply, upload: reply ?? NOTE_ATTACHMENT_RULE };
  }

  // An upload is checked against the channel's rule, or private notes' where the channel carries no files (those can
  // still go into a note).
  private async uploadRuleOf(organisationId: string, conversation: Pick<Conversation, 'inboxId'>): Promise<AttachmentRule> {
    return (await this.replyRuleOf(organisationId, conversation)) ?? NOTE_ATTACHMENT_RULE;
  }

  private async replyRuleOf(organisationId: string, conversation: Pick<Conversation, 'inboxId'>): Promise<AttachmentRule | null> {
    const inbox = await this.inboxes.findInOrganisation(organisationId, conversation.inboxId);
    return (inbox && findChannelDefinition(inbox.channel, inbox.provider)?.attachments) ?? null;
  }

  // Inside the message's own transaction: the uploads must be this conversation's and not attached yet; the channel
  // decides whether a reply may carry them (a note always may, within private notes' rule). The uploads are taken
  // by a conditional UPDATE, so two messages never share one, even sent at the same moment.
  async attach(
    manager: EntityManager,
    user: AuthenticatedUser,
    conversation: Pick<Conversation, 'id' | 'inboxId'>,
    uploadIds: readonly string[],
    messageId: string,
    check: (files: AttachedFile[]) => FieldProblem[],
  ): Promise<AttachmentMetadata[]> {
    if (uploadIds.length === 0) return [];
    if (new Set(uploadIds).size !== uploadIds.length) {
      throw ApiException.validation([{ field: 'attachmentIds', message: 'names one upload twice' }]);
    }
    const found = await manager.find(AttachmentUpload, {
      where: { id: In([...uploadIds]), organisationId: user.organisationId, conversationId: conversation.id },
    });
    // Another conversation's or another organisation's upload is simply not found here, like an id that never was.
    if (found.length !== uploadIds.length) {
      throw ApiException.validation([{ field: 'attachmentIds', message: 'names an upload that is not one of this conversation’s' }]);
    }
    if (found.some((upload) => upload.messageId !== null)) {
      throw ApiException.validation([{ field: 'attachmentIds', message: 'names an upload already attached to a message' }]);
    }
    const ordered = uploadIds.map((id) => found.find((upload) => upload.id === id) as AttachmentUpload);
    const problems = check(ordered);
    if (problems.length > 0) throw ApiException.validation(problems);
    const taken = await manager.update(AttachmentUpload, { id: In([...uploadIds]), messageId: IsNull() }, { messageId });
    if (taken.affected !== uploadIds.length) {
      throw ApiException.validation([{ field: 'attachmentIds', message: 'names an upload already attached to a message' }]);
    }
    return ordered.map((upload) => ({
      url: replyFilePath(this.fileOf(upload)),
      contentType: upload.contentType,
      fileName: upload.fileName,
      sizeBytes: upload.sizeBytes,
    }));
  }

  // What the outbound worker hands the adapter: ids, paths and metadata of the reply's own files, never bytes.
  outboundAttachmentsOf(message: { attachments: AttachmentMetadata[] }): OutboundAttachment[] {
    return message.attachments.flatMap((attachment) => {
      const file = replyFileOf(attachment.url);
      if (!file || !attachment.contentType) return [];
      return [
        {
          id: file.fileId.split('.')[0],
          path: attachment.url as string,
          contentType: attachment.contentType,
          fileName: attachment.fileName ?? file.fileId,
          sizeBytes: attachment.sizeBytes ?? 0,
        },
      ];
    });
  }

  // For a caller who proved they may (a staff session on the conversation, a signed link): undefined when the path
  // names no upload of that inbox and conversation, or the file is gone.
  async read(file: ReplyFile): Promise<ReplyFileContent | undefined> {
    const id = file.fileId.split('.')[0];
    const upload = await this.uploads.findOneBy({ id, inboxId: file.inboxId, conversationId: file.conversationId });
    if (!upload || replyFileKey(this.fileOf(upload)) !== replyFileKey(file)) return undefined;
    const stored = await this.store.read(replyFileKey(file));
    return stored && { ...stored, contentType: upload.contentType, fileName: upload.fileName };
  }

  // The maintenance queue's sweep: uploads no message took within a day are removed, row first (so an upload attached
  // at that very moment keeps its file: the message's conditional UPDATE or this DELETE wins, never both).
  async sweepUnattached(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - UNATTACHED_UPLOAD_LIFETIME_MILLISECONDS);
    let removed = 0;
    for (;;) {
      const stale = await this.uploads.find({
        where: { messageId: IsNull(), createdAt: LessThan(before) },
        order: { createdAt: 'ASC' },
        take: SWEEP_BATCH,
      });
      for (const upload of stale) {
        const deleted = await this.transactions.run((manager) => manager.delete(AttachmentUpload, { id: upload.id, messageId: IsNull() }));
        if (!deleted.affected) continue;
        await this.store.remove(replyFileKey(this.fileOf(upload)));
        removed += 1;
      }
      if (stale.length < SWEEP_BATCH) break;
    }
    if (removed > 0) this.logger.log(`Removed ${removed} uploads never attached`);
    return removed;
  }

  private fileOf(upload: AttachmentUpload): ReplyFile {
    return {
      inboxId: upload.inboxId,
      conversationId: upload.conversationId,
      fileId: `${upload.id}.${REPLY_FILE_EXTENSIONS[upload.contentType]}`,
    };
  }

  private toView(upload: AttachmentUpload): AttachmentUploadView {
    const { id, conversationId, fileName, contentType, sizeBytes, createdAt } = upload;
    return { id, conversationId, fileName, contentType, sizeBytes, createdAt };
  }
}
