import { ChannelError, ChannelErrorCode, decideOnChannelError, findChannelDefinition } from '@app/channels';
import { ContactsService } from '@app/contacts';
import { TransactionRunner } from '@app/database';
import { UsersService } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import { WaslMetrics } from '@app/observability';
import { JobStatus } from '@app/queue';
import { RealtimePublisher } from '@app/realtime';
import { RealtimeEvent } from '@app/wire';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { And, FindOperator, IsNull, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { DeliveryStatus, Message, MessageType } from '../entities/message.entity';
import { audienceOfMessage } from './conversation-access.util';
import { toMessageView } from './conversation-view';
import { ChannelSendRules } from './channel-send-rules.service';
import { OutboundAdapterFactory } from './outbound-adapter.factory';
import { OutboundPacer } from './outbound-pacer.service';
import { ReplyAttachmentsService } from './reply-attachments.service';

export interface DeliveryAttempt {
  attempt: number;
  maxAttempts: number;
}

// A reply whose send began but whose outcome was never recorded: the worker died between the two.
export const OUTCOME_UNKNOWN_CODE = 'OUTCOME_UNKNOWN';
const OUTCOME_UNKNOWN_REASON =
  'Sending was interrupted (the worker stopped); the recipient may already have it. Retry only if they did not.';

// The stored instant read back as `read`: PostgreSQL keeps microseconds, a JS Date only milliseconds.
function sameInstant(read: Date | null): FindOperator<Date> {
  if (read === null) return IsNull();
  return And(MoreThanOrEqual(read), LessThan(new Date(read.getTime() + 1)));
}

// Retried by BullMQ; the worker's backoff waits at least as long as the provider asked (Retry-After).
export class RetryableDeliveryError extends Error {
  constructor(
    message: string,
    readonly retryAfterMilliseconds?: number,
  ) {
    super(message);
  }
}
export class PermanentDeliveryError extends Error {}

// Sends one queued agent reply through its inbox's channel and records the outcome on the message.
@Injectable()
export class OutboundDeliveryService {
  private readonly logger = new Logger(OutboundDeliveryService.name);

  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    private readonly contacts: ContactsService,
    private readonly users: UsersService,
    private readonly inboxes: InboxesService,
    private readonly transactions: TransactionRunner,
    private readonly realtime: RealtimePublisher,
    private readonly adapters: OutboundAdapterFactory,
    private readonly metrics: WaslMetrics,
    private readonly sendRules: ChannelSendRules,
    private readonly pacer: OutboundPacer,
    private readonly replyAttachments: ReplyAttachmentsService,
  ) {}

  async deliver(organisationId: string, messageId: string, attempt: DeliveryAttempt): Promise<JobStatus> {
    const message = await this.messages.findOneBy({ id: messageId, organisationId });
    // Already sent (a retried job after a crash past the send) or deleted: nothing to do.
    if (!message || message.type !== MessageType.Outbound || message.status !== DeliveryStatus.Queued) return JobStatus.Skipped;

    const found = await this.inboxes.findWithSecrets(message.inboxId);
    if (!found || found.inbox.organisationId !== organisationId) {
      await this.fail(message, ChannelErrorCode.AuthInvalid, 'The inbox no longer exists');
      throw new PermanentDeliveryError('inbox missing');
    }
    const inbox = { id: found.inbox.id, channel: found.inbox.channel };
    const contact = await this.contacts.findInOrganisation(organisationId, message.contactId);
    if (!contact) {
      await this.fail(message, ChannelErrorCode.RecipientInvalid, 'The contact no longer exists', inbox);
      throw new PermanentDeliveryError('contact missing');
    }
    const externalId = await this.contacts.externalIdIn(organisationId, contact.id, found.inbox.id);
    const sender = message.senderUserId ? await this.users.findInOrganisation(organisationId, message.senderUserId) : null;

    const definition = findChannelDefinition(found.inbox.channel, found.inbox.provider);
    if (!definition?.outbound) {
      await this.fail(message, ChannelErrorCode.AuthInvalid, 'This inbox’s channel cannot send messages', inbox);
      throw new PermanentDeliveryError('channel cannot send');
    }
    // Receivers that get Wasl's message id with every reply (the API callback's messageId, the web chat event's id)
    // can drop a second copy: a send with an unknown outcome is made again. SMS and WhatsApp providers take no
    // idempotency key, so a second send could reach the beneficiary twice: the reply fails with OUTCOME_UNKNOWN and
    // an officer decides (the admin retry sends it again).
    if (message.sendStartedAt && !definition.receiverDeduplicates) {
      await this.fail(message, OUTCOME_UNKNOWN_CODE, OUTCOME_UNKNOWN_REASON, inbox);
      throw new PermanentDeliveryError(`${OUTCOME_UNKNOWN_CODE}: send interrupted`);
    }
    // The number's pace, shared by every worker; waited for before the send is marked begun, so a worker that dies
    // while waiting leaves a reply that is simply sent later.
    const pacing = definition.pacing?.(found.inbox.settings);
    if (pacing) {
      await this.pacer.waitForSlot(found.inbox.id, pacing.messagesPerSecond).catch((error: Error) => {
        throw new RetryableDeliveryError(error.message);
      });
    }
    // Committed before the provider is called, so a worker that dies during the call leaves a trace. The claim only
    // holds if nobody else claimed the reply since it was read: two jobs for one reply (a late queue write beside the
    // sweep's, an administrator's retry) never both call the provider.
    const sendStartedAt = new Date();
    const claimed = await this.transactions.run((manager) =>
      manager.update(
        Message,
        { id: message.id, status: DeliveryStatus.Queued, sendStartedAt: sameInstant(message.sendStartedAt) },
        { sendStartedAt },
      ),
    );
    if (claimed.affected === 0) return JobStatus.Skipped;
    message.sendStartedAt = sendStartedAt;

    try {
      const adapter = this.adapters.create(found);
      const lastInboundAt = definition.sendRules.window
        ? await this.sendRules.lastInboundAt(organisationId, { inboxId: found.inbox.id, contactId: contact.id })
        : undefined;
      const result = await adapter.send({
        messageId: message.id,
        conversationId: message.conversationId,
        text: message.text,
        createdAt: message.createdAt,
        recipient: { externalId, phone: contact.phone ?? undefined, email: contact.email ?? undefined },
        senderName: sender?.name,
        attachments: this.replyAttachments.outboundAttachmentsOf(message),
        automatic: message.senderUserId === null,
        template: message.template ?? undefined,
        lastInboundAt,
      });
      await this.record(message, {
        status: DeliveryStatus.Sent,
        providerMessageId: result.providerMessageId ?? null,
        failureCode: null,
        failureReason: null,
        sendStartedAt: null,
      });
      this.metrics.outboundOutcome(inbox, 'sent', null);
      return JobStatus.Applied;
    } catch (error) {
      const channelError = error instanceof ChannelError ? error : new ChannelError(ChannelErrorCode.Unknown, (error as Error).message);
      const { retry } = decideOnChannelError(channelError.code);
      const lastAttempt = attempt.attempt >= attempt.maxAttempts;
      if (retry && !lastAttempt) {
        // Keep the reason visible while retrying, without leaving `queued` (and never on a reply another worker
        // has settled meanwhile, after this one was taken for dead).
        await this.transactions.run((manager) =>
          manager.update(
            Message,
            { id: message.id, status: DeliveryStatus.Queued },
            { failureCode: channelError.code, failureReason: channelError.message.slice(0, 500), sendStartedAt: null },
          ),
        );
        this.metrics.outboundOutcome(inbox, 'retrying', channelError.code);
        throw new RetryableDeliveryError(
          `${channelError.code}: ${channelError.message}`,
          channelError.retryAfterSeconds === undefined ? undefined : channelError.retryAfterSeconds * 1000,
        );
      }
      await this.fail(message, channelError.code, channelError.message, inbox);
      throw new PermanentDeliveryError(`${channelError.code}: ${channelError.message}`);
    }
  }

  // For the recovery sweep: a reply whose job failed twice over is settled as failed, with a reason, rather than
  // left `queued`; an officer or administrator may retry it.
  async giveUp(organisationId: string, messageId: string): Promise<void> {
    const message = await this.messages.findOneBy({ id: messageId, organisationId });
    if (!message || message.status !== DeliveryStatus.Queued) return;
    if (message.sendStartedAt) {
      await this.fail(message, OUTCOME_UNKNOWN_CODE, OUTCOME_UNKNOWN_REASON);
      return;
    }
    await this.fail(message, ChannelErrorCode.Unknown, 'Sending failed on every attempt and again when retried; retry it later');
  }

  // inbox: for the metrics; unknown when the inbox is gone or was not loaded (the sweep's settling).
  private async fail(message: Message, code: string, reason: string, inbox = { id: message.inboxId, channel: 'unknown' }): Promise<void> {
    this.logger.warn(`Message ${message.id} failed: ${code}`);
    this.metrics.outboundOutcome(inbox, 'failed', code);
    await this.record(message, {
      status: DeliveryStatus.Failed,
      failureCode: code,
      failureReason: reason.slice(0, 500),
      sendStartedAt: null,
    });
  }

  private async record(message: Message, patch: Partial<Message>): Promise<void> {
    const updatedAt = new Date();
    await this.transactions.run((manager) =>
      manager.update(Message, { id: message.id, status: DeliveryStatus.Queued }, { ...patch, updatedAt }),
    );
    Object.assign(message, patch, { updatedAt });
    const audience = await audienceOfMessage(this.messages.manager, message);
    this.realtime.toConversationAudience(audience, RealtimeEvent.MessageUpdated, toMessageView(message));
  }
}
