import { ChannelKind } from '@app/channels';
import { ApiException } from '@app/common';
import { ContactsService, normalisePhoneNumber } from '@app/contacts';
import { WaslConfig } from '@app/config';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser, TeamMember, UserRole } from '@app/identity';
import { Inbox, InboxAccess } from '@app/inboxes';
import { JobName, JobOf, outboundJobId, QueueName } from '@app/queue';
import { RealtimePublisher } from '@app/realtime';
import { ConversationView, MessageView, RealtimeEvent } from '@app/wire';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { StartSmsOutreachDto } from '../dto/start-sms-outreach.dto';
import { ConversationEvent, ConversationEventType } from '../entities/conversation-event.entity';
import { Conversation, ConversationPriority, ConversationStatus } from '../entities/conversation.entity';
import { Message } from '../entities/message.entity';
import { previewOf, toConversationView, toMessageView } from './conversation-view';
import { seesWholeOrganisation } from './conversation-access.util';
import { nextConversationNumber } from './conversation-numbering.util';
import { assertSmsWithinLimit } from './sms-length.util';
import { newStaffMessage } from './staff-message.factory';

// An officer texts a beneficiary first. Needed for SMS inboxes whose provider has no inbound (Unifonic,
// Taqnyat), and for reminders on any SMS inbox. The reply lands on the beneficiary's open conversation
// on that inbox, or opens one; the send goes through the same outbound queue as every reply.
@Injectable()
export class SmsOutreachService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly contacts: ContactsService,
    @InjectQueue(QueueName.ChannelOutbound) private readonly outboundQueue: Queue<JobOf<JobName.SendOutboundMessage>>,
    private readonly realtime: RealtimePublisher,
    private readonly config: WaslConfig,
  ) {}

  async start(user: AuthenticatedUser, input: StartSmsOutreachDto): Promise<{ conversation: ConversationView; message: MessageView }> {
    const phone = normalisePhoneNumber(input.phone);
    if (!phone) throw ApiException.validation([{ field: 'phone', message: 'is not a phone number' }]);
    assertSmsWithinLimit(ChannelKind.Sms, input.text, this.config.sms.maxParts);
    const now = new Date();
    const { conversation, message, opened, contact } = await this.transactions.run(async (manager) => {
      const inbox = await manager.findOneBy(Inbox, { id: input.inboxId, organisationId: user.organisationId });
      if (!inbox || inbox.channel !== ChannelKind.Sms || !inbox.active || !(await this.mayWriteFrom(manager, user, inbox.id))) {
        throw ApiException.validation([{ field: 'inboxId', message: 'is not an active SMS inbox of this organisation' }]);
      }
      const contact = await this.contacts.resolveSender(manager, user.organisationId, inbox.id, {
        phone,
        externalId: phone,
        name: input.name,
      });
      const existing = await manager.findOne(Conversation, {
        where: {
          organisationId: user.organisationId,
          contactId: contact.id,
          inboxId: inbox.id,
          status: In([ConversationStatus.Open, ConversationStatus.Pending]),
        },
        order: { createdAt: 'DESC' },
      });
      const conversation =
        existing ??
        manager.create(Conversation, {
          id: randomUUID(),
          organisationId: user.organisationId,
          number: await nextConversationNumber(manager, user.organisationId),
          inboxId: inbox.id,
          contactId: contact.id,
          channel: inbox.channel,
          // Waiting on the beneficiary, not on an officer.
          status: ConversationStatus.Pending,
          priority: ConversationPriority.Normal,
          assigneeId: user.id,
          teamId: inbox.teamId,
          labels: [],
          lastMessagePreview: null,
          lastActivityAt: now,
          waitingSince: null,
          firstResponseAt: null,
          resolvedAt: null,
          createdAt: now,
          updatedAt: now,
        });
      if (!existing) {
        await manager.insert(Conversation, conversation);
        await manager.insert(ConversationEvent, {
          id: randomUUID(),
          organisationId: user.organisationId,
          conversationId: conversation.id,
          type: ConversationEventType.Created,
          actorUserId: user.id,
          details: { channel: inbox.channel, outreach: true },
          createdAt: now,
        });
      }
      const message = newStaffMessage(
        {
          organisationId: user.organisationId,
          conversationId: conversation.id,
          inboxId: inbox.id,
          contactId: contact.id,
          senderUserId: user.id,
          text: input.text,
          note: false,
          at: now,
        },
        randomUUID(),
      );
      await manager.insert(Message, message);
      const patch: Partial<Conversation> = { lastActivityAt: now, lastMessagePreview: previewOf(input.text), updatedAt: now };
      await manager.update(Conversation, { id: conversation.id }, patch);
      Object.assign(conversation, patch);
      return { conversation, message, opened: !existing, contact };
    });
    const { attempts, backoffMs } = this.config.queues.outbound;
    await this.outboundQueue.add(
      JobName.SendOutboundMessage,
      { organisationId: user.organisationId, messageId: message.id },
      { jobId: outboundJobId(message.id), attempts, backoff: { type: 'exponential', delay: backoffMs } },
    );
    const conversationView = toConversationView(conversation, contact);
    const messageView = toMessageView(message);
    this.realtime.toConversationAudience(
      conversation,
      opened ? RealtimeEvent.ConversationCreated : RealtimeEvent.ConversationUpdated,
      conversationView,
    );
    this.realtime.toConversationAudience(conversation, RealtimeEvent.MessageCreated, messageView);
    return { conversation: conversationView, message: messageView };
  }

  // Outreach opens or continues a conversation on the inbox: only those who may see that inbox's conversations.
  // An inbox outside the user's access is answered like one that does not exist.
  private async mayWriteFrom(manager: EntityManager, user: AuthenticatedUser, inboxId: string): Promise<boolean> {
    if (seesWholeOrganisation(user.role)) return true;
    if (user.role !== UserRole.Officer) return false;
    const memberships = await manager.findBy(TeamMember, { organisationId: user.organisationId, userId: user.id });
    const teamIds = memberships.map((membership) => membership.teamId);
    return manager.exists(InboxAccess, {
      where: [
        { organisationId: user.organisationId, inboxId, userId: user.id },
        ...(teamIds.length > 0 ? [{ organisationId: user.organisationId, inboxId, teamId: In(teamIds) }] : []),
      ],
    });
  }
}
