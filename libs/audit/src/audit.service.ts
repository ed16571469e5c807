import { JsonObject } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { AuditLog } from './audit-log.entity';

export enum AuditAction {
  ContactViewed = 'contact.viewed',
  ContactsMerged = 'contact.merged',
  ContactPhoneVerified = 'contact.phone_verified',
  InboxCreated = 'inbox.created',
  InboxUpdated = 'inbox.updated',
  InboxSecretRotated = 'inbox.secret_rotated',
  InboxDeleted = 'inbox.deleted',
  FailedJobRetried = 'failed_job.retried',
  FailedJobDiscarded = 'failed_job.discarded',
  // An officer sent a failed reply again from its conversation.
  ReplyRetried = 'message.retried',
  InboxAccessChanged = 'inbox.access_changed',
  UserCreated = 'user.created',
  UserUpdated = 'user.updated',
  UserPasswordReset = 'user.password_reset',
  UserPasswordChanged = 'user.password_changed',
  UserUnlocked = 'user.unlocked',
  LoginSucceeded = 'auth.login_succeeded',
  LoginFailed = 'auth.login_failed',
  LoggedOut = 'auth.logged_out',
  OrganisationUpdated = 'organisation.updated',
  TeamCreated = 'team.created',
  TeamUpdated = 'team.updated',
  TeamMemberAdded = 'team.member_added',
  TeamMemberRemoved = 'team.member_removed',
  TeamDeleted = 'team.deleted',
  ContactExported = 'contact.exported',
  ContactCorrected = 'contact.corrected',
  ContactErased = 'contact.erased',
  RetentionSettingsChanged = 'retention.settings_changed',
  RetentionApplied = 'retention.applied',
  // Reads of beneficiaries' personal data (PDPL): one row per request, never the data itself.
  ConversationsListed = 'conversation.listed',
  ConversationViewed = 'conversation.viewed',
  ConversationMessagesRead = 'conversation.messages_read',
  ConversationCallsRead = 'conversation.calls_read',
  ContactsListed = 'contact.listed',
  AttachmentDownloaded = 'attachment.downloaded',
  // An officer uploaded a file for a reply or a private note of a conversation.
  AttachmentUploaded = 'attachment.uploaded',
  // A canned reply filled in with a conversation's beneficiary name.
  CannedReplyRendered = 'canned_reply.rendered',
  AuditLogExported = 'audit.exported',
  // Support requests: configuration, every action of the state machine, and reads of a request's personal data.
  RequestTypeSaved = 'request_type.saved',
  RequestSettingsChanged = 'request.settings_changed',
  RequestCreated = 'request.created',
  RequestTransitioned = 'request.transitioned',
  RequestsListed = 'request.listed',
  RequestViewed = 'request.viewed',
  RequestDocumentDownloaded = 'request.document_downloaded',
}

// A few hundred rows of eight columns stay far below PostgreSQL's 65,535 bind parameters.
const READ_BATCH_SIZE = 500;

export interface AuditLogFilters {
  actorUserId?: string;
  subjectType?: string;
  subjectId?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
  // The (createdAt, id) of the last row of the previous page.
  before?: { at: Date; id: string };
}

interface PendingRead {
  row: AuditLog;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface AuditEntry {
  organisationId: string;
  actorUserId: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  details?: JsonObject;
}

@Injectable()
export class AuditService {
  private readonly pendingReads: PendingRead[] = [];

  constructor(
    @InjectRepository(AuditLog) private readonly entries: Repository<AuditLog>,
    private readonly transactions: TransactionRunner,
  ) {}

  // Pass the caller's transaction manager so the audit row commits or rolls back with the change itself.
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    if (!manager) return this.transactions.run((own) => this.record(entry, own));
    const row: AuditLog = { id: randomUUID(), ...entry, details: entry.details ?? null, createdAt: new Date() };
    await manager.insert(AuditLog, row);
  }

  // Reads are audited on hot paths (every list, search and message page), so the rows of requests that arrive
  // in the same tick share one INSERT; each caller still waits until its row is committed.
  recordRead(entry: AuditEntry): Promise<void> {
    const row: AuditLog = { id: randomUUID(), ...entry, details: entry.details ?? null, createdAt: new Date() };
    return new Promise((resolve, reject) => {
      this.pendingReads.push({ row, resolve, reject });
      if (this.pendingReads.length === 1) setImmediate(() => void this.flushReads());
    });
  }

  // Newest first, keyset-paginated on (createdAt, id); every filter is scoped to the caller's organisation.
  async search(organisationId: string, filters: AuditLogFilters, limit: number): Promise<AuditLog[]> {
    const query = this.entries
      .createQueryBuilder('entry')
      .where('entry.organisationId = :organisationId', { organisationId })
      .orderBy('entry.createdAt', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .take(limit);
    if (filters.actorUserId) query.andWhere('entry.actorUserId = :actorUserId', { actorUserId: filters.actorUserId });
    if (filters.subjectType) query.andWhere('entry.subjectType = :subjectType', { subjectType: filters.subjectType });
    if (filters.subjectId) query.andWhere('entry.subjectId = :subjectId', { subjectId: filters.subjectId });
    if (filters.action) query.andWhere('entry.action = :action', { action: filters.action });
    if (filters.from) query.andWhere('entry.createdAt >= :from', { from: filters.from });
    if (filters.to) query.andWhere('entry.createdAt < :to', { to: filters.to });
    if (filters.before) {
      const { at, id } = filters.before;
      query.andWhere(
        new Brackets((page) => page.where('entry.createdAt < :at', { at }).orWhere('(entry.createdAt = :at AND entry.id < :id)', { id })),
      );
    }
    return query.getMany();
  }

  private async flushReads(): Promise<void> {
    const batch = this.pendingReads.splice(0, this.pendingReads.length);
    try {
      for (let start = 0; start < batch.length; start += READ_BATCH_SIZE) {
        const rows = batch.slice(start, start + READ_BATCH_SIZE).map((pending) => pending.row);
        await this.transactions.run((manager) => manager.insert(AuditLog, rows));
      }
      for (const pending of batch) pending.resolve();
    } catch (error) {
      for (const pending of batch) pending.reject(error as Error);
    }
  }
}
