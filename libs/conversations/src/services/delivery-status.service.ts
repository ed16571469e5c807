import { currentRequestId } from '@app/common';
import { DeliveryState, DeliveryStatusUpdate } from '@app/channels';
import { WaslConfig } from '@app/config';
import { TransactionRunner } from '@app/database';
import type { Inbox } from '@app/inboxes/entities';
import { JobName, JobOf, JobQueue, JobStatus } from '@app/queue';
import { RealtimePublisher } from '@app/realtime';
import { RealtimeEvent } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { DeliveryStatus, Message, MessageType } from '../entities/message.entity';
import { audienceOfMessage } from './conversation-access.util';
import { toMessageView } from './conversation-view';
import { statusTargetFor } from '../rules/delivery-status-target.rule';

// The report names a provider id no message carries yet: the send's result is not stored yet. Retried.
export class MessageNotYetKnownError extends Error {}

// Applies providers' delivery reports to outbound messages: exactly once, never backwards.
@Injectable()
export class DeliveryStatusService {
  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    private readonly jobs: JobQueue,
    private readonly transactions: TransactionRunner,
    private readonly realtime: RealtimePublisher,
    private readonly config: WaslConfig,
  ) {}

  // The gateway's half: queue the verified report and answer the provider at once.
  async enqueue(inbox: Inbox, update: DeliveryStatusUpdate): Promise<void> {
    await this.jobs.enqueue(JobName.ApplyDeliveryStatus, {
      organisationId: inbox.organisationId,
      inboxId: inbox.id,
      providerMessageId: update.providerMessageId,
      state: update.state,
      errorCode: update.errorCode,
      reason: update.reason?.slice(0, 300),
      receivedAt: new Date().toISOString(),
      requestId: currentRequestId(),
    });
  }

  // The worker's half. A conditional UPDATE is the whole state machine: a duplicate or stale report matches
  // no row, so it changes nothing and publishes nothing.
  async apply(job: JobOf<JobName.ApplyDeliveryStatus>): Promise<JobStatus> {
    const state = job.state as DeliveryState;
    const target = statusTargetFor(state);
    const where = { organisationId: job.organisationId, inboxId: job.inboxId, providerMessageId: job.providerMessageId };
    const message = await this.messages.findOneBy({ ...where, type: MessageType.Outbound });
    if (!message) throw new MessageNotYetKnownError(`No outbound message with provider id ${job.providerMessageId} yet`);
    if (!target) return JobStatus.Skipped;

    const failed = target.status === DeliveryStatus.Failed;
    const patch: Partial<Message> = {
      status: target.status,
      updatedAt: new Date(),
      ...(failed
        ? {
            failureCode: (job.errorCode ?? state.toUpperCase()).slice(0, 20),
            failureReason: job.reason
              ? `${job.reason}${job.errorCode ? ` (error ${job.errorCode})` : ''}`.slice(0, 500)
              : `The provider reported ${state}${job.errorCode ? ` (error ${job.errorCode})` : ''}`,
          }
        : { failureCode: null, failureReason: null }),
    };
    const result = await this.transactions.run((manager) => manager.update(Message, { id: message.id, status: In(target.from) }, patch));
    if (!result.affected) return JobStatus.Skipped;
    const updated = await this.messages.findOneByOrFail({ id: message.id });
    const audience = await audienceOfMessage(this.messages.manager, updated);
    this.realtime.toConversationAudience(audience, RealtimeEvent.MessageUpdated, toMessageView(updated));
    return JobStatus.Applied;
  }
}
