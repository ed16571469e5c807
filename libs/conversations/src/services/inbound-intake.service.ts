import { InboundMessage } from '@app/channels';
import { WaslConfig } from '@app/config';
import { TransactionRunner } from '@app/database';
import { Inbox } from '@app/inboxes';
import { inboundJobId, JobName, JobOf, QueueName } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { InboundEvent } from '../entities/inbound-event.entity';

export interface IntakeResult {
  inboundEventId: number;
  // The id the message has (or will have once the worker applies it): callers can answer with it at once.
  messageId: string;
  duplicate: boolean;
}

// The gateway's half of ingestion: store the accepted message once, queue its id, answer fast.
@Injectable()
export class InboundIntakeService {
  private readonly logger = new Logger(InboundIntakeService.name);
  private readonly isPostgres: boolean;

  constructor(
    @InjectRepository(InboundEvent) private readonly events: Repository<InboundEvent>,
    @InjectQueue(QueueName.ChannelInbound) private readonly inboundQueue: Queue<JobOf<JobName.ProcessInboundMessage>>,
    private readonly transactions: TransactionRunner,
    private readonly config: WaslConfig,
  ) {
    this.isPostgres = config.database.kind === 'postgres';
  }

  async accept(inbox: Inbox, message: InboundMessage): Promise<IntakeResult> {
    const stored = await this.store(inbox, message);
    if (stored.processed) return { inboundEventId: stored.id, messageId: stored.messageId, duplicate: true };
    await this.enqueue(inbox.organisationId, inbox.id, message.providerMessageId, stored.id);
    return { inboundEventId: stored.id, messageId: stored.messageId, duplicate: !stored.inserted };
  }

  // Queued with a job id derived from inbox + provider id: concurrent copies collapse into one job.
  async enqueue(organisationId: string, inboxId: string, providerMessageId: string, inboundEventId: number): Promise<void> {
    const { attempts, backoffMs } = this.config.queues.inbound;
    try {
      await this.inboundQueue.add(
        JobName.ProcessInboundMessage,
        { organisationId, inboundEventId },
        { jobId: inboundJobId(inboxId, providerMessageId), attempts, backoff: { type: 'exponential', delay: backoffMs } },
      );
    } catch (error) {
      // The event is stored; the worker's recovery sweep queues it once Redis answers again.
      this.logger.warn(`Inbound event ${inboundEventId} stored but not queued: ${(error as Error).message}`);
    }
  }

  // For the recovery sweep: queue an accepted event again unless its job is still pending or was kept as
  // failed (admins see those). A completed job whose effects were lost gets a fresh job id; applying is
  // idempotent (row lock + processed_at check), so a spare job only ends as skipped.
  async requeue(organisationId: string, inboxId: string, providerMessageId: string, inboundEventId: number): Promise<boolean> {
    const jobId = inboundJobId(inboxId, providerMessageId);
    const existing = await this.inboundQueue.getJob(jobId);
    const state = existing ? await existing.getState() : 'unknown';
    if (['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed'].includes(state)) return false;
    const { attempts, backoffMs } = this.config.queues.inbound;
    await this.inboundQueue.add(
      JobName.ProcessInboundMessage,
      { organisationId, inboundEventId },
      { jobId: existing ? `${jobId}-recovered-${Date.now()}` : jobId, attempts, backoff: { type: 'exponential', delay: backoffMs } },
    );
    return true;
  }

  private async store(
    inbox: Inbox,
    message: InboundMessage,
  ): Promise<{ id: number; messageId: string; inserted: boolean; processed: boolean }> {
    const row = {
      organisationId: inbox.organisationId,
      inboxId: inbox.id,
      providerMessageId: message.providerMessageId,
      payload: message,
      receivedAt: new Date(),
      processedAt: null,
      messageId: randomUUID(),
    };
    if (this.isPostgres) {
      // One round trip on the hot path; RETURNING is empty when the provider id was already stored.
      const inserted: Array<{ id: number }> = await this.events.query(
        `INSERT INTO inbound_events (organisation_id, inbox_id, provider_message_id, payload, received_at, message_id)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (inbox_id, provider_message_id) DO NOTHING RETURNING id`,
        [row.organisationId, row.inboxId, row.providerMessageId, JSON.stringify(row.payload), row.receivedAt, row.messageId],
      );
      if (inserted.length > 0) return { id: inserted[0].id, messageId: row.messageId, inserted: true, processed: false };
    } else {
      await this.transactions.run((manager) => manager.createQueryBuilder().insert().into(InboundEvent).values(row).orIgnore().execute());
    }
    const existing = await this.events.findOneOrFail({
      where: { inboxId: inbox.id, providerMessageId: message.providerMessageId },
      select: { id: true, processedAt: true, messageId: true },
    });
    return {
      id: existing.id,
      messageId: existing.messageId,
      inserted: existing.messageId === row.messageId,
      processed: existing.processedAt !== null,
    };
  }
}
