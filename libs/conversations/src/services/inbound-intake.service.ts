import { InboundMessage } from '@app/channels';
import { ApiErrorCode, ApiException, currentRequestId } from '@app/common';
import { WaslConfig } from '@app/config';
import { TransactionRunner } from '@app/database';
import type { Inbox } from '@app/inboxes/entities';
import { WaslMetrics } from '@app/observability';
import { JobName, JobOf, JobQueue } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { InboundEvent } from '../entities/inbound-event.entity';
import { toStorableInboundMessage } from './storable-inbound-message.util';

export interface IntakeResult {
  inboundEventId: number;
  // The id the message has (or will have once the worker applies it): callers can answer with it at once.
  messageId: string;
  duplicate: boolean;
}

interface PendingIntake {
  inbox: Inbox;
  message: InboundMessage;
  receivedAt: Date;
  messageId: string;
  requestId: string | undefined;
  resolve: (result: IntakeResult) => void;
  reject: (error: unknown) => void;
}

interface StoredRow {
  id: number;
  inbox_id: string;
  provider_message_id: string;
  message_id: string;
  processed_at?: Date | null;
}

// Requests that arrive while earlier ones are being stored go into the next multi-row INSERT.
const MAX_INTAKE_BATCH = 200;
const MAX_INTAKE_BATCHES_IN_FLIGHT = 4;
// Queue writes waiting for Redis (it may be down): past this, events are left to the recovery sweep rather than
// held in memory.
const MAX_QUEUE_WRITES_IN_FLIGHT = 64;

// The gateway's half of ingestion: store the accepted message once, queue its id, answer fast. On PostgreSQL,
// messages accepted at the same moment share one INSERT (synchronously committed before anyone is answered)
// and one queue round trip; SQLite stores them one by one.
@Injectable()
export class InboundIntakeService {
  private readonly logger = new Logger(InboundIntakeService.name);
  private readonly isPostgres: boolean;
  private readonly pending: PendingIntake[] = [];
  private batchesInFlight = 0;
  // Messages accepted and not yet answered (waiting for a batch or being stored): bounded by INTAKE_MAX_IN_FLIGHT.
  private messagesInFlight = 0;
  private queueWritesInFlight = 0;
  private flushScheduled = false;

  constructor(
    @InjectRepository(InboundEvent) private readonly events: Repository<InboundEvent>,
    private readonly jobs: JobQueue,
    private readonly transactions: TransactionRunner,
    private readonly config: WaslConfig,
    private readonly metrics: WaslMetrics,
  ) {
    this.isPostgres = config.database.kind === 'postgres';
  }

  // Refuses a message that could not be stored or applied (400 naming the field) before it joins a batch.
  async accept(inbox: Inbox, message: InboundMessage): Promise<IntakeResult> {
    try {
      const result = await this.acceptCounted(inbox, message);
      this.metrics.inboundWasAccepted(inbox.channel, result.duplicate);
      return result;
    } catch (error) {
      this.metrics.inboundWasRefused(inbox.channel, error instanceof ApiException ? error.getStatus() : 500);
      throw error;
    }
  }

  private async acceptCounted(inbox: Inbox, message: InboundMessage): Promise<IntakeResult> {
    const storable = toStorableInboundMessage(message, providerOrigins(inbox));
    // Shed load before any work: a message waiting behind thousands of others would be answered after the
    // provider gave up, so it is refused at once (503 + Retry-After) and the provider sends it again later.
    if (this.messagesInFlight >= this.config.http.intakeMaxInFlight) {
      throw new ApiException(ApiErrorCode.Unavailable, 'Too many messages are being accepted; retry shortly');
    }
    this.messagesInFlight += 1;
    try {
      if (!this.isPostgres) return await this.acceptOne(inbox, storable).catch((error: unknown) => Promise.reject(storageFailure(error)));
      return await new Promise<IntakeResult>((resolve, reject) => {
        const requestId = currentRequestId();
        this.pending.push({ inbox, message: storable, receivedAt: new Date(), messageId: randomUUID(), requestId, resolve, reject });
        this.scheduleFlush();
      });
    } finally {
      this.messagesInFlight -= 1;
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.batchesInFlight >= MAX_INTAKE_BATCHES_IN_FLIGHT || this.pending.length === 0) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0, MAX_INTAKE_BATCH);
    if (batch.length === 0) return;
    this.batchesInFlight += 1;
    this.scheduleFlush();
    try {
      await this.storeBatch(batch);
    } finally {
      this.batchesInFlight -= 1;
      this.scheduleFlush();
    }
  }

  private async storeBatch(batch: PendingIntake[]): Promise<void> {
    let inserted: StoredRow[];
    try {
      inserted = await this.insertRows(batch);
    } catch (error) {
      // Messages are validated before they join a batch, so this is rare: store them one by one so only a
      // failing row's request fails (400 for a value the database refuses, 503 otherwise), never its neighbours'.
      // The SQLSTATE only: a driver's message can quote the refused value, which may be personal data.
      this.logger.warn(`A batch of ${batch.length} inbound messages failed (${sqlStateOf(error) || 'no SQLSTATE'}); storing one by one`);
      const stored: PendingIntake[] = [];
      inserted = [];
      for (const item of batch) {
        try {
          inserted.push(...(await this.insertRows([item])));
          stored.push(item);
        } catch (rowError) {
          item.reject(storageFailure(rowError));
        }
      }
      batch = stored;
      if (batch.length === 0) return;
    }
    try {
      const keyOf = (inboxId: string, providerMessageId: string) => `${inboxId}\n${providerMessageId}`;
      const stored = new Map(inserted.map((row) => [keyOf(row.inbox_id, row.provider_message_id), row]));
      const known = batch.filter((item) => !stored.has(keyOf(item.inbox.id, item.message.providerMessageId)));
      if (known.length > 0) {
        const existing: StoredRow[] = await this.events.query(
          `SELECT id, inbox_id, provider_message_id, message_id, processed_at FROM inbound_events
            WHERE (inbox_id, provider_message_id) IN (SELECT * FROM unnest($1::uuid[], $2::varchar[]))`,
          [known.map((item) => item.inbox.id), known.map((item) => item.message.providerMessageId)],
        );
        for (const row of existing) stored.set(keyOf(row.inbox_id, row.provider_message_id), row);
      }
      const jobs = new Map<number, JobOf<JobName.ProcessInboundMessage>>();
      for (const item of batch) {
        const row = stored.get(keyOf(item.inbox.id, item.message.providerMessageId));
        if (!row || row.processed_at) continue;
        jobs.set(row.id, {
          organisationId: item.inbox.organisationId,
          inboundEventId: row.id,
          channel: item.inbox.channel,
          requestId: item.requestId,
        });
      }
      // The committed rows are the acceptance: answer now. The queue only wakes the worker, and an event whose
      // job never reaches Redis is queued again by the recovery sweep.
      for (const item of batch) {
        const row = stored.get(keyOf(item.inbox.id, item.message.providerMessageId));
        if (!row) {
          item.reject(storageFailure(new Error('stored row not found')));
          continue;
        }
        item.resolve({ inboundEventId: row.id, messageId: row.message_id, duplicate: row.message_id !== item.messageId });
      }
      // Not awaited: while Redis is down the write waits for it, and the batch slot must not (later requests
      // would wait behind it).
      if (jobs.size > 0) this.queueInBackground(() => this.jobs.enqueueBulk(JobName.ProcessInboundMessage, [...jobs.values()]), jobs.size);
    } catch (error) {
      for (const item of batch) item.reject(storageFailure(error));
    }
  }

  private queueInBackground(write: () => Promise<unknown>, count: number): void {
    if (this.queueWritesInFlight >= MAX_QUEUE_WRITES_IN_FLIGHT) {
      this.logger.warn(`${count} inbound events stored and left to the recovery sweep: Redis is not keeping up`);
      this.metrics.inboundLeftToSweep(count, 'writes-in-flight');
      return;
    }
    this.queueWritesInFlight += 1;
    write()
      .catch((error: Error) => {
        this.logger.warn(`${count} inbound events stored but not queued: ${error.message}`);
        this.metrics.inboundLeftToSweep(count, 'queue-write-failed');
      })
      .finally(() => (this.queueWritesInFlight -= 1));
  }

  // Rows already stored are skipped by a plain read before the INSERT: ON CONFLICT would wait for the worker's
  // uncommitted update of that row (a re-delivery held for the whole of a worker batch, and its gateway batch
  // with it). Such duplicates are answered from the query below; only a row committed in between still conflicts.
  private insertRows(batch: PendingIntake[]): Promise<StoredRow[]> {
    return this.events.query(
      `INSERT INTO inbound_events (organisation_id, inbox_id, provider_message_id, payload, received_at, message_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::text[], $5::timestamptz[], $6::uuid[])
         AS incoming (organisation_id, inbox_id, provider_message_id, payload, received_at, message_id)
        WHERE NOT EXISTS (SELECT 1 FROM inbound_events stored
                           WHERE stored.inbox_id = incoming.inbox_id AND stored.provider_message_id = incoming.provider_message_id)
       ON CONFLICT (inbox_id, provider_message_id) DO NOTHING
       RETURNING id, inbox_id, provider_message_id, message_id`,
      [
        batch.map((item) => item.inbox.organisationId),
        batch.map((item) => item.inbox.id),
        batch.map((item) => item.message.providerMessageId),
        batch.map((item) => JSON.stringify(item.message)),
        batch.map((item) => item.receivedAt),
        batch.map((item) => item.messageId),
      ],
    );
  }

  private async acceptOne(inbox: Inbox, message: InboundMessage): Promise<IntakeResult> {
    const stored = await this.store(inbox, message);
    if (stored.processed) return { inboundEventId: stored.id, messageId: stored.messageId, duplicate: true };
    // The committed row is the acceptance; the queue write must not hold the answer while Redis is down.
    const requestId = currentRequestId();
    this.queueInBackground(() => this.enqueue(inbox, stored.id, requestId), 1);
    return { inboundEventId: stored.id, messageId: stored.messageId, duplicate: !stored.inserted };
  }

  // Queued under the event row's id (one row per inbox + provider id): concurrent copies collapse into one job.
  async enqueue(inbox: Inbox, inboundEventId: number, requestId?: string): Promise<void> {
    try {
      await this.jobs.enqueue(JobName.ProcessInboundMessage, {
        organisationId: inbox.organisationId,
        inboundEventId,
        channel: inbox.channel,
        requestId,
      });
    } catch (error) {
      // The event is stored; the worker's recovery sweep queues it once Redis answers again.
      this.logger.warn(`Inbound event ${inboundEventId} stored but not queued: ${(error as Error).message}`);
      this.metrics.inboundLeftToSweep(1, 'queue-write-failed');
    }
  }

  // For the recovery sweep: the database says the event is unapplied, so it is queued again unless a job for it
  // can still run, including when its job failed (every worker died before committing); see decideRecovery.
  // Applying is idempotent (row lock + processed_at check), so a spare job only ends as skipped.
  async requeue(organisationId: string, inboundEventId: number): Promise<boolean> {
    return (await this.jobs.recover(JobName.ProcessInboundMessage, { organisationId, inboundEventId })) === 'queued';
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
    await this.transactions.run((manager) => manager.createQueryBuilder().insert().into(InboundEvent).values(row).orIgnore().execute());
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

// The inbox's configured provider address (the local sandbox in development): media it serves may be stored.
function providerOrigins(inbox: Inbox): string[] {
  const apiBaseUrl = (inbox.settings as Record<string, unknown> | null | undefined)?.apiBaseUrl;
  if (typeof apiBaseUrl !== 'string') return [];
  try {
    return [new URL(apiBaseUrl).origin];
  } catch {
    return [];
  }
}

// A value the database refuses (SQLSTATE class 22, data exception) is the sender's fault; anything else is ours
// and temporary, so the provider is told to retry.
function storageFailure(error: unknown): ApiException {
  if (error instanceof ApiException) return error;
  if (sqlStateOf(error).startsWith('22')) return ApiException.validation([{ field: 'body', message: 'has a value that cannot be stored' }]);
  return new ApiException(ApiErrorCode.Unavailable, 'The message could not be stored; retry shortly');
}

function sqlStateOf(error: unknown): string {
  const failure = error as { driverError?: { code?: unknown }; code?: unknown } | null;
  return String(failure?.driverError?.code ?? failure?.code ?? '');
}
