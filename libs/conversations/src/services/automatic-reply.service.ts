import { offlineReplyText, parseWebChatSettings } from '@app/channels';
import { TransactionRunner } from '@app/database';
import { InboxesService } from '@app/inboxes';
import { JobName, JobOf, JobStatus } from '@app/queue';
import { RealtimePublisher } from '@app/realtime';
import { RealtimeEvent } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { InboundEvent } from '../entities/inbound-event.entity';
import { DeliveryStatus, Message, MessageType } from '../entities/message.entity';
import { audienceOfMessage } from './conversation-access.util';
import { toMessageView } from './conversation-view';

// The visitor's message is not applied yet, so there is no conversation to put the answer in. Retried.
export class AutomaticReplyNotYetPlaceableError extends Error {}

// Web chat's automatic answer (no officer online, out of hours) is shown to the visitor at once by the gateway,
// then stored here on the conversation their message landed in, under the id the widget already has: it stays after
// a reload, officers see what the beneficiary was told, and a second run of the job stores nothing more. It is
// Wasl's own message (no officer), already delivered, and answers nobody's question: the conversation keeps waiting
// and its first response is still an officer's.
@Injectable()
export class AutomaticReplyService {
  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    private readonly transactions: TransactionRunner,
    private readonly inboxes: InboxesService,
    private readonly realtime: RealtimePublisher,
  ) {}

  async record(job: JobOf<JobName.RecordAutomaticReply>): Promise<JobStatus> {
    const stored = await this.transactions.run(async (manager) => {
      const event = await manager.findOneBy(InboundEvent, { id: job.inboundEventId, organisationId: job.organisationId });
      if (!event) return undefined;
      const visitorMessage = event.processedAt ? await manager.findOneBy(Message, { id: event.messageId }) : null;
      if (!visitorMessage) throw new AutomaticReplyNotYetPlaceableError(`Inbound event ${event.id} is not applied yet`);
      if (await manager.existsBy(Message, { id: job.messageId })) return undefined;
      const found = await this.inboxes.findWithSecrets(event.inboxId, manager);
      if (!found) return undefined;
      const shownAt = new Date(job.shownAt);
      const at = Number.isNaN(shownAt.getTime()) || shownAt < visitorMessage.createdAt ? visitorMessage.createdAt : shownAt;
      const message = Object.assign(new Message(), {
        id: job.messageId,
        organisationId: job.organisationId,
        conversationId: visitorMessage.conversationId,
        inboxId: visitorMessage.inboxId,
        contactId: visitorMessage.contactId,
        type: MessageType.Outbound,
        text: offlineReplyText(found.inbox.name, parseWebChatSettings(found.inbox.settings), job.reason, job.locale),
        attachments: [],
        senderUserId: null,
        providerMessageId: null,
        status: DeliveryStatus.Delivered,
        failureCode: null,
        failureReason: null,
        createdAt: at,
        sequence: visitorMessage.sequence,
        storedAt: new Date(),
        updatedAt: new Date(),
      });
      await manager.insert(Message, message);
      return message;
    });
    if (!stored) return JobStatus.Skipped;
    const audience = await audienceOfMessage(this.messages.manager, stored);
    this.realtime.toConversationAudience(audience, RealtimeEvent.MessageCreated, toMessageView(stored));
    return JobStatus.Applied;
  }
}
