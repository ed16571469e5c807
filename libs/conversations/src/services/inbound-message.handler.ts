import { ContactsService, Contact } from '@app/contacts';
import { WaslConfig } from '@app/config';
import { Inbox, InboxesService } from '@app/inboxes';
import { JobStatus } from '@app/queue';
import { RealtimePublisher } from '@app/realtime';
import { TransactionRunner } from '@app/database';
import { RealtimeEvent } from '@app/wire';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ConversationEvent, ConversationEventType } from '../entities/conversation-event.entity';
import { Conversation, ConversationPriority, ConversationStatus } from '../entities/conversation.entity';
import { InboundEvent } from '../entities/inbound-event.entity';
import { Message, MessageType } from '../entities/message.entity';
import { nextConversationNumber } from './conversation-numbering.util';
import { previewOf, toConversationView, toMessageView } from './conversation-view';
import { InboundBatchApplier } from './inbound-batch.applier';
import { routeInbound } from './inbound-routing.util';

interface Applied {
  conversation: Conversation;
  contact: Contact;
  message: Message;
  opened: boolean;
}

interface PendingJob {
  organisationId: string;
  inboundEventId: number;
  resolve: (status: JobStatus) => void;
  reject: (error: unknown) => void;
}

// Jobs that arrive while a batch is being applied wait for the next one; two batches may run at once.
const MAX_BATCH_SIZE = 250;
const MAX_BATCHES_IN_FLIGHT = 2;

// The worker's half of ingestion: apply each stored inbound event exactly once. On PostgreSQL, jobs that are
// processed at the same time are applied together (InboundBatchApplier); if a batch fails, each of its events
// is applied on its own, so one bad event cannot hold the others back. SQLite uses the one-by-one path.
@Injectable()
export class InboundMessageHandler {
  private readonly logger = new Logger(InboundMessageHandler.name);
  private readonly isPostgres: boolean;
  private readonly pending: PendingJob[] = [];
  private batchesInFlight = 0;
  private drainScheduled = false;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly contacts: ContactsService,
    private readonly inboxes: InboxesService,
    private readonly realtime: RealtimePublisher,
    private readonly config: WaslConfig,
    private readonly batches: InboundBatchApplier,
  ) {
    this.isPostgres = transactions.isPostgres;
  }

  handle(organisationId: string, inboundEventId: number): Promise<JobStatus> {
    if (!this.isPostgres) return this.handleOne(organisationId, inboundEventId);
    return new Promise((resolve, reject) => {
      this.pending.push({ organisationId, inboundEventId, resolve, reject });
      this.scheduleDrain();
    });
  }

  async handleOne(organisationId: string, inboundEventId: number): Promise<JobStatus> {
    const applied = await this.transactions.run((manager) => this.apply(manager, organisationId, inboundEventId));
    if (!applied) return JobStatus.Skipped;
    this.publish(organisationId, applied);
    return JobStatus.Applied;
  }

  private scheduleDrain(): void {
    if (this.drainScheduled || this.batchesInFlight >= MAX_BATCHES_IN_FLIGHT || this.pending.length === 0) return;
    this.drainScheduled = true;
    // setImmediate lets every job that arrived in this turn of the event loop join the batch.
    setImmediate(() => {
      this.drainScheduled = false;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.batchesInFlight >= MAX_BATCHES_IN_FLIGHT) return;
    const batch = this.pending.splice(0, MAX_BATCH_SIZE);
    if (batch.length === 0) return;
    this.batchesInFlight += 1;
    try {
      const applied = await this.transactions.run((manager) => this.batches.apply(manager, batch));
      for (const job of batch) {
        const result = applied.get(job.inboundEventId);
        if (result) this.publish(job.organisationId, result);
        job.resolve(result ? JobStatus.Applied : JobStatus.Skipped);
      }
    } catch (error) {
      this.logger.warn(`A batch of ${batch.length} inbound events failed (${(error as Error).message}); applying them one by one`);
      await Promise.all(batch.map((job) => this.handleOne(job.organisationId, job.inboundEventId).then(job.resolve, job.reject)));
    } finally {
      this.batchesInFlight -= 1;
      this.scheduleDrain();
    }
  }

  private publish(organisationId: string, applied: Applied): void {
    const conversation = toConversationView(applied.conversation, applied.contact);
    this.realtime.toConversationAudience(
      applied.conversation,
      applied.opened ? RealtimeEvent.ConversationCreated : RealtimeEvent.ConversationUpdated,
      conversation,
    );
    this.realtime.toConversationAudience(applied.conversation, RealtimeEvent.MessageCreated, toMessageView(applied.message));
  }

  private async apply(manager: EntityManager, organisationId: string, inboundEventId: number): Promise<Applied | undefined> {
    // The row lock makes a second run of the same event (a retry racing a stalled job) wait, then skip.
    const event = await manager.findOne(InboundEvent, {
      where: { id: inboundEventId, organisationId },
      lock: this.isPostgres ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!event || event.processedAt) return undefined;
    const found = await this.inboxes.findWithSecrets(event.inboxId, manager);
    if (!found || found.inbox.organisationId !== organisationId)
      throw new Error(`Inbox ${event.inboxId} of inbound event ${event.id} is gone`);
    const inbox = found.inbox;
    const payload = event.payload;
    if (this.isPostgres) {
      // The accepted message is already durable (the gateway committed inbound_events synchronously); what this
      // transaction writes is derived from it and is re-derived if lost: the row stays unprocessed and the
      // recovery sweep queues it again. So this commit need not wait for the WAL flush.
      await manager.query('SET LOCAL synchronous_commit = off');
    }

    // Locks the contact row too (PostgreSQL), so find-or-open below never opens two conversations for one person.
    const contact = await this.contacts.resolveSender(manager, organisationId, inbox.id, payload.sender);

    const receivedAt = event.receivedAt;
    const now = new Date();
    const { conversation, opened, reopened } = await this.findOrOpenConversation(manager, inbox, contact, receivedAt);

    const message = manager.create(Message, {
      id: event.messageId,
      organisationId,
      conversationId: conversation.id,
      inboxId: inbox.id,
      contactId: contact.id,
      type: MessageType.Inbound,
      text: payload.text,
      attachments: payload.attachments ?? [],
      senderUserId: null,
      providerMessageId: event.providerMessageId,
      status: null,
      failureCode: null,
      failureReason: null,
      createdAt: receivedAt,
      sequence: event.id,
      storedAt: now,
      updatedAt: now,
    });
    await manager.insert(Message, message);

    const patch: Partial<Conversation> = {
      lastMessagePreview: previewOf(payload.text),
      lastActivityAt: receivedAt > conversation.lastActivityAt ? receivedAt : conversation.lastActivityAt,
      waitingSince: conversation.waitingSince ?? receivedAt,
      updatedAt: now,
    };
    const events: Array<Pick<ConversationEvent, 'type' | 'details'>> = [];
    if (opened) events.push({ type: ConversationEventType.Created, details: { channel: inbox.channel } });
    if (reopened) {
      patch.status = ConversationStatus.Open;
      patch.resolvedAt = null;
      events.push({ type: ConversationEventType.Reopened, details: { from: conversation.status } });
    } else if (conversation.status === ConversationStatus.Pending) {
      // A pending conversation waits on the beneficiary; their answer puts it back in the officers' queue.
      patch.status = ConversationStatus.Open;
      events.push({
        type: ConversationEventType.StatusChanged,
        details: { from: ConversationStatus.Pending, to: ConversationStatus.Open },
      });
    }
    await manager.update(Conversation, { id: conversation.id }, patch);
    Object.assign(conversation, patch);
    if (events.length > 0) {
      await manager.insert(
        ConversationEvent,
        events.map((item) => ({
          id: randomUUID(),
          organisationId,
          conversationId: conversation.id,
          actorUserId: null,
          createdAt: receivedAt,
          ...item,
        })),
      );
    }
    await manager.update(InboundEvent, { id: event.id }, { processedAt: now });
    return { conversation, contact, message, opened };
  }

  private async findOrOpenConversation(
    manager: EntityManager,
    inbox: Inbox,
    contact: Contact,
    receivedAt: Date,
  ): Promise<{ conversation: Conversation; opened: boolean; reopened: boolean }> {
    const latest = await manager.findOne(Conversation, {
      where: { organisationId: inbox.organisationId, contactId: contact.id, inboxId: inbox.id },
      order: { createdAt: 'DESC' },
    });
    const routing = routeInbound(latest, receivedAt, this.config.conversations.reopenWindowHours);
    if (latest && routing !== 'open') return { conversation: latest, opened: false, reopened: routing === 'reopen' };
    const conversation = manager.create(Conversation, {
      id: randomUUID(),
      organisationId: inbox.organisationId,
      number: await nextConversationNumber(manager, inbox.organisationId),
      inboxId: inbox.id,
      contactId: contact.id,
      channel: inbox.channel,
      status: ConversationStatus.Open,
      priority: ConversationPriority.Normal,
      assigneeId: null,
      teamId: inbox.teamId,
      labels: [],
      lastMessagePreview: null,
      lastActivityAt: receivedAt,
      waitingSince: receivedAt,
      firstResponseAt: null,
      resolvedAt: null,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
    await manager.insert(Conversation, conversation);
    return { conversation, opened: true, reopened: false };
  }
}
