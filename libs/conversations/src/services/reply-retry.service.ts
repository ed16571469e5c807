import { AuditAction, AuditService } from '@app/audit';
import { ApiErrorCode, ApiException } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser } from '@app/identity';
import { FailedJobIndex, JobName, JobQueue, QueueName } from '@app/queue';
import { RealtimePublisher } from '@app/realtime';
import { MessageView, RealtimeEvent } from '@app/wire';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DeliveryStatus, Message, MessageType } from '../entities/message.entity';
import { findVisibleConversation } from './conversation-access.util';
import { toMessageView } from './conversation-view';

const PENDING_JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'];

// An officer sends a failed reply again from the conversation. Only one request moves the reply from `failed` back
// to `queued` (a conditional UPDATE), so a double click queues it once and the second click is a 409. The reply's
// own job id (`out-<message id>`) is reused, replacing the finished job, so the outbound sweep sees the new attempt
// as the reply's job and never queues a second one beside it.
@Injectable()
export class ReplyRetryService {
  private readonly logger = new Logger(ReplyRetryService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobQueue,
    private readonly failedJobs: FailedJobIndex,
    private readonly audit: AuditService,
    private readonly realtime: RealtimePublisher,
  ) {}

  // An administrator retries a reply's failed job (/admin/failed-jobs): the reply is queued again first, or the
  // sender would skip it.
  async requeueFailed(organisationId: string, messageId: string): Promise<void> {
    await this.transactions.run((manager) =>
      manager.update(
        Message,
        { id: messageId, organisationId, status: DeliveryStatus.Failed },
        { status: DeliveryStatus.Queued, failureCode: null, failureReason: null, updatedAt: new Date() },
      ),
    );
  }

  async retry(user: AuthenticatedUser, conversationId: string, messageId: string): Promise<MessageView> {
    const now = new Date();
    const { message, conversation } = await this.transactions.run(async (manager) => {
      const conversation = await findVisibleConversation(manager, user, conversationId);
      const message = await manager.findOneBy(Message, { id: messageId, conversationId, organisationId: user.organisationId });
      if (!message || message.type !== MessageType.Outbound) throw ApiException.notFound('Message');
      const moved = await manager.update(
        Message,
        { id: messageId, organisationId: user.organisationId, status: DeliveryStatus.Failed },
        { status: DeliveryStatus.Queued, failureCode: null, failureReason: null, sendStartedAt: null, updatedAt: now },
      );
      if (!moved.affected) {
        throw new ApiException(ApiErrorCode.Conflict, 'Only a failed reply can be sent again', undefined, HttpStatus.CONFLICT);
      }
      await this.audit.record(
        {
          organisationId: user.organisationId,
          actorUserId: user.id,
          action: AuditAction.ReplyRetried,
          subjectType: 'conversation',
          subjectId: conversationId,
          details: { messageId, failureCode: message.failureCode },
        },
        manager,
      );
      Object.assign(message, {
        status: DeliveryStatus.Queued,
        failureCode: null,
        failureReason: null,
        sendStartedAt: null,
        updatedAt: now,
      });
      return { message, conversation };
    });
    // The reply is queued in the database either way: with Redis away the outbound sweep queues it once Redis is back.
    await this.queueAgain(user.organisationId, messageId).catch((error: Error) =>
      this.logger.warn(`Retried reply ${messageId} left to the outbound sweep: ${error.message}`),
    );
    const view = toMessageView(message);
    this.realtime.toConversationAudience(conversation, RealtimeEvent.MessageUpdated, view);
    return view;
  }

  private async queueAgain(organisationId: string, messageId: string): Promise<void> {
    const jobs = await this.jobs.jobsOf(JobName.SendOutboundMessage, { organisationId, messageId });
    const states = await Promise.all(jobs.map((job) => job.getState()));
    // A job still able to run picks up the queued row itself.
    if (states.some((state) => state && PENDING_JOB_STATES.includes(state))) return;
    // The finished ones make way: this attempt starts afresh, with the sweep's second round available again.
    for (const finished of jobs) {
      if (!finished.id) continue;
      await finished.remove();
      await this.failedJobs.forget(organisationId, QueueName.ChannelOutbound, finished.id);
    }
    await this.jobs.enqueue(JobName.SendOutboundMessage, { organisationId, messageId });
  }
}
