import { JsonObject } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { AuditLog } from './audit-log.entity';

export enum AuditAction {
  ContactViewed = 'contact.viewed',
  ContactsMerged = 'contact.merged',
  ContactPhoneVerified = 'contact.phone_verified',
  InboxCreated = 'inbox.created',
  UserCreated = 'user.created',
  UserUpdated = 'user.updated',
  UserPasswordReset = 'user.password_reset',
  UserPasswordChanged = 'user.password_changed',
  LoginSucceeded = 'auth.login_succeeded',
  LoginFailed = 'auth.login_failed',
  TeamCreated = 'team.created',
  ContactExported = 'contact.exported',
  ContactCorrected = 'contact.corrected',
  ContactErased = 'contact.erased',
  RetentionSettingsChanged = 'retention.settings_changed',
  RetentionApplied = 'retention.applied',
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

  async list(organisationId: string, limit = 100): Promise<AuditLog[]> {
    return this.entries.find({ where: { organisationId }, order: { createdAt: 'DESC' }, take: Math.min(limit, 500) });
  }
}
