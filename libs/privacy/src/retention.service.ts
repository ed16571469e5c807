import { AuditAction, AuditService } from '@app/audit';
import { ConversationPersonalDataService, PersonalDataErasureMode } from '@app/conversations';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser } from '@app/identity';
import { AttachmentStore } from '@app/storage';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { removeAttachmentFiles } from './attachment-files.util';
import { RetentionSettingsDto } from './privacy.dto';
import { RetentionMode, RetentionPolicy } from './retention-policy.entity';

// One transaction per batch keeps locks short on a busy inbox; the cap bounds one night's run, and the next
// night continues where it stopped.
const BATCH_SIZE = 200;
const MAX_BATCHES_PER_RUN = 50;

export interface RetentionSettings {
  resolvedConversationMonths: number | null;
  rawPayloadMonths: number | null;
  mode: RetentionMode;
}

export interface RetentionFigures {
  mode: RetentionMode;
  conversationCutoff: string | null;
  payloadCutoff: string | null;
  conversations: number;
  messages: number;
  payloads: number;
}

export interface AppliedRetentionFigures extends RetentionFigures {
  calls: number;
  attachments: number;
  // True when the run stopped at its batch cap and left work for the next run.
  incomplete: boolean;
}

function monthsBefore(now: Date, months: number | null): Date | null {
  if (months === null) return null;
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

function erasureModeOf(mode: RetentionMode): PersonalDataErasureMode {
  return mode === RetentionMode.Purge ? 'delete' : 'anonymise';
}

// Per organisation: closed conversations and raw provider payloads older than the organisation chose are purged or
// anonymised. Off by default; a dry run reports what a run would touch without changing anything.
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectRepository(RetentionPolicy) private readonly policies: Repository<RetentionPolicy>,
    private readonly conversationData: ConversationPersonalDataService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly files: AttachmentStore,
  ) {}

  async settings(organisationId: string): Promise<RetentionSettings> {
    const policy = await this.policies.findOneBy({ organisationId });
    return {
      resolvedConversationMonths: policy?.resolvedConversationMonths ?? null,
      rawPayloadMonths: policy?.rawPayloadMonths ?? null,
      mode: policy?.mode ?? RetentionMode.Anonymise,
    };
  }

  async updateSettings(user: AuthenticatedUser, input: RetentionSettingsDto): Promise<RetentionSettings> {
    const organisationId = user.organisationId;
    return this.transactions.run(async (manager) => {
      const current = await this.settings(organisationId);
      const next: RetentionSettings = {
        resolvedConversationMonths:
          input.resolvedConversationMonths === undefined ? current.resolvedConversationMonths : input.resolvedConversationMonths,
        rawPayloadMonths: input.rawPayloadMonths === undefined ? current.rawPayloadMonths : input.rawPayloadMonths,
        mode: input.mode ?? current.mode,
      };
      await manager.upsert(RetentionPolicy, { organisationId, ...next, updatedByUserId: user.id, updatedAt: new Date() }, [
        'organisationId',
      ]);
      await this.audit.record(
        {
          organisationId,
          actorUserId: user.id,
          action: AuditAction.RetentionSettingsChanged,
          subjectType: 'organisation',
          subjectId: organisationId,
          details: { ...next },
        },
        manager,
      );
      return next;
    });
  }

  async dryRun(organisationId: string, now = new Date()): Promise<RetentionFigures> {
    const settings = await this.settings(organisationId);
    const conversationCutoff = monthsBefore(now, settings.resolvedConversationMonths);
    const payloadCutoff = monthsBefore(now, settings.rawPayloadMonths);
    const expired = conversationCutoff
      ? await this.conversationData.countExpiredConversations(organisationId, conversationCutoff, erasureModeOf(settings.mode))
      : { conversations: 0, messages: 0 };
    const payloads = payloadCutoff ? await this.conversationData.countExpiredPayloads(organisationId, payloadCutoff) : 0;
    return {
      mode: settings.mode,
      conversationCutoff: conversationCutoff?.toISOString() ?? null,
      payloadCutoff: payloadCutoff?.toISOString() ?? null,
      ...expired,
      payloads,
    };
  }

  // The organisations that turned retention on, for the nightly job.
  async organisationsWithRetention(): Promise<string[]> {
    const policies = await this.policies.find({
      where: [{ resolvedConversationMonths: Not(IsNull()) }, { rawPayloadMonths: Not(IsNull()) }],
      select: { organisationId: true },
    });
    return policies.map((policy) => policy.organisationId);
  }

  async apply(organisationId: string, now = new Date()): Promise<AppliedRetentionFigures | undefined> {
    const settings = await this.settings(organisationId);
    const conversationCutoff = monthsBefore(now, settings.resolvedConversationMonths);
    const payloadCutoff = monthsBefore(now, settings.rawPayloadMonths);
    if (!conversationCutoff && !payloadCutoff) return undefined;
    const mode = erasureModeOf(settings.mode);
    const figures: AppliedRetentionFigures = {
      mode: settings.mode,
      conversationCutoff: conversationCutoff?.toISOString() ?? null,
      payloadCutoff: payloadCutoff?.toISOString() ?? null,
      conversations: 0,
      messages: 0,
      payloads: 0,
      calls: 0,
      attachments: 0,
      incomplete: false,
    };
    let batches = 0;
    while (conversationCutoff && batches < MAX_BATCHES_PER_RUN) {
      batches += 1;
      const erased = await this.transactions.run((manager) =>
        this.conversationData.eraseExpiredConversations(manager, organisationId, conversationCutoff, mode, BATCH_SIZE),
      );
      figures.attachments += await removeAttachmentFiles(this.files, erased.attachmentUrls, { wholeFolders: false });
      figures.conversations += erased.conversations;
      figures.messages += erased.messages;
      figures.calls += erased.calls;
      figures.payloads += erased.payloads;
      if (erased.conversations < BATCH_SIZE) break;
    }
    while (payloadCutoff && batches < MAX_BATCHES_PER_RUN) {
      batches += 1;
      const payloads = await this.transactions.run((manager) =>
        this.conversationData.eraseExpiredPayloads(manager, organisationId, payloadCutoff, mode, BATCH_SIZE),
      );
      figures.payloads += payloads;
      if (payloads < BATCH_SIZE) break;
    }
    figures.incomplete = batches >= MAX_BATCHES_PER_RUN;
    await this.audit.record({
      organisationId,
      actorUserId: null,
      action: AuditAction.RetentionApplied,
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { ...figures },
    });
    this.logger.log(
      `Retention for ${organisationId}: ${figures.conversations} conversations, ${figures.messages} messages, ${figures.payloads} payloads (${figures.mode})`,
    );
    return figures;
  }
}
