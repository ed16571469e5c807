import { ContactsService } from '@app/contacts';
import type { Contact } from '@app/contacts/entities';
import { WaslConfig } from '@app/config';
import { InboxesService } from '@app/inboxes';
import { JobStatus } from '@app/queue';
import { RealtimePublisher } from '@app/realtime';
import { TransactionRunner } from '@app/database';
import { RealtimeEvent } from '@app/wire';
import { nextConversationNumber } from '@app/identity';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ConversationEvent } from '../entities/conversation-event.entity';
import { Conversation } from '../entities/conversation.entity';
import { InboundEvent } from '../entities/inbound-event.entity';
import { Message } from '../entities/message.entity';
import { decideInbound } from '../rules/inbound-decision.rule';
import { newConversation } from '../rules/new-conversation.rule';
import { newInboundMessage } from '../rules/new-inbound-message.rule';
import { toConversationView, toMessageView } from './conversation-view';
import { InboundBatchApplier } from './inbound-batch.applier';

interface Applied {
  conversation: Conversation;
  contact: Contact;
  message: Message;
  opened: boolean;
}

// What a listener learns of each message once it is applied: enough to decide, without a query, whether to act.
export interface AppliedInboundMessage {
  organisationId: string;
  messageId: string;
  conversationId: string;
  contactId: string;
  channel: string;
  text: string;
}

// Called after the commit, on the worker's hot path: a listener only looks at the message and queues its own job.
export type InboundAppliedListener = (message: AppliedInboundMessage) => void;

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
  private readonly appliedListeners: InboundAppliedListener[] = [];

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

  // Other modules act on applied messages (a support request's number sent to ask for its status) without the
  // conversations module knowing them.
  onApplied(listener: InboundAppliedListener): void {
    this.appliedListeners.push(listener);
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
    for (const listener of this.appliedListeners) {
      try {
        listener({
          organisationId,
          messageId: applied.message.id,
          conversationId: applied.conversation.id,
          contactId: applied.contact.id,
          channel: applied.conversation.channel,
          text: applied.message.text,
        });
      } catch (error) {
        this.logger.warn(`An inbound listener failed: ${(error as Error).message}`);
      }
    }
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
    const latest = await manager.findOne(Conversation, {
      where: { organisationId, contactId: contact.id, inboxId: inbox.id },
      order: { createdAt: 'DESC' },
    });
    const decision = decideInbound(
      latest,
      { receivedAt, text: payload.text, channel: inbox.channel },
      this.config.conversations.reopenWindowHours,
    );
    const opened = decision.routing === 'open';
    let conversation: Conversation;
    if (opened || !latest) {
      conversation = newConversation({
        organisationId,
        number: await nextConversationNumber(manager, organisationId),
        inbox,
        contactId: contact.id,
        at: receivedAt,
      });
      Object.assign(conversation, decision.patch, { updatedAt: now });
      await manager.insert(Conversation, conversation);
    } else {
      conversation = Object.assign(latest, decision.patch, { updatedAt: now });
      await manager.update(Conversation, { id: conversation.id }, { ...decision.patch, updatedAt: now });
    }

    const message = newInboundMessage({
      id: event.messageId,
      organisationId,
      conversationId: conversation.id,
      inboxId: inbox.id,
      contactId: contact.id,
      providerMessageId: event.providerMessageId,
      payload,
      receivedAt,
      sequence: event.id,
      storedAt: now,
    });
    await manager.insert(Message, message);
    if (decision.events.length > 0) {
      await manager.insert(
        ConversationEvent,
        decision.events.map((item) => ({
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
}
