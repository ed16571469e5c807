import { ChannelDefinition, findChannelDefinition } from '@app/channels';
import { ApiErrorCode, ApiException } from '@app/common';
import { ContactsService, normaliseEmail, normalisePhoneNumber, SenderIdentity } from '@app/contacts';
import type { Contact } from '@app/contacts/entities';
import { WaslConfig } from '@app/config';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser, nextConversationNumber, UserRole } from '@app/identity';
import { InboxAccessService, InboxesService } from '@app/inboxes';
import type { Inbox } from '@app/inboxes/entities';
import { RealtimePublisher } from '@app/realtime';
import { ConversationView, MessageView, RealtimeEvent } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { StartConversationDto } from '../dto/start-conversation.dto';
import type { MessageAuthor } from './conversations.service';
import { ConversationEvent, ConversationEventType } from '../entities/conversation-event.entity';
import { Conversation, ConversationStatus } from '../entities/conversation.entity';
import { Message, MessageType } from '../entities/message.entity';
import { seesWholeOrganisation, whereVisibleTo } from './conversation-access.util';
import { previewOf, toConversationView, toMessageView } from './conversation-view';
import { newConversation } from '../rules/new-conversation.rule';
import { newStaffMessage } from '../rules/new-staff-message.rule';
import { OutboundSendQueue } from './outbound-send.queue';

export interface StartedConversation {
  conversation: ConversationView;
  message: MessageView;
}

interface Opening {
  organisationId: string;
  inbox: Inbox;
  definition: ChannelDefinition;
  contact: Contact;
  text: string;
  // The officer who writes, or null for Wasl's own automatic messages (request notices).
  author: { id: string } | null;
}

// Writing first, on any channel whose definition allows it: SMS (and WhatsApp templates, e-mail to come) send the
// text; a walk-in visit is recorded as the officer's note. The message lands on the beneficiary's open conversation
// on that inbox, or opens one waiting on them, and goes out through the same outbound queue as every reply.
@Injectable()
export class OutreachService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly contacts: ContactsService,
    private readonly outboundSends: OutboundSendQueue,
    private readonly realtime: RealtimePublisher,
    private readonly config: WaslConfig,
    private readonly inboxes: InboxesService,
    private readonly inboxAccess: InboxAccessService,
  ) {}

  async start(user: AuthenticatedUser, input: StartConversationDto): Promise<StartedConversation> {
    return this.open(user.organisationId, async (manager) => {
      const inbox = await this.inboxes.findWithin(manager, user.organisationId, input.inboxId);
      const definition = inbox?.active ? findChannelDefinition(inbox.channel, inbox.provider) : undefined;
      // An inbox outside the user's access is answered like one that does not exist.
      if (!inbox || !definition || !(await this.mayWriteFrom(manager, user, inbox.id))) {
        throw ApiException.validation([{ field: 'inboxId', message: 'is not an active inbox of this organisation' }]);
      }
      if (!definition.outreach) {
        throw ApiException.validation([{ field: 'inboxId', message: `cannot start conversations (${definition.title})` }]);
      }
      const contact = await this.contactFor(manager, user, inbox, definition, input);
      return { organisationId: user.organisationId, inbox, definition, contact, text: input.text, author: user };
    });
  }

  // Writes to a known contact from a given inbox, for a purpose the caller has checked (a support request's notices,
  // by Wasl with `author.userId` null, or by the request's staff). The contact's own number or address is used; nothing
  // is looked up or added as an identity.
  async startAs(author: MessageAuthor, input: { inboxId: string; contactId: string; text: string }): Promise<StartedConversation> {
    return this.open(author.organisationId, async (manager) => {
      const inbox = await this.inboxes.findWithin(manager, author.organisationId, input.inboxId);
      const definition = inbox?.active ? findChannelDefinition(inbox.channel, inbox.provider) : undefined;
      if (!inbox || definition?.outreach?.mode !== 'send' || !definition.outbound) {
        throw ApiException.validation([{ field: 'inboxId', message: 'is not an active inbox of this organisation that can write first' }]);
      }
      const contact = await this.contacts.findWithin(manager, author.organisationId, input.contactId);
      if (!contact) throw ApiException.notFound('Contact');
      if (!contact[definition.outreach.recipient]) {
        throw ApiException.validation([{ field: 'contactId', message: `has no ${definition.outreach.recipient} to write to` }]);
      }
      return {
        organisationId: author.organisationId,
        inbox,
        definition,
        contact,
        text: input.text,
        author: author.userId ? { id: author.userId } : null,
      };
    });
  }

  // Wasl's own message to a beneficiary (a request's notice): on the given conversation when its channel can send,
  // else on the contact's most recent conversation that can, else on an inbox that can write first to an identity
  // the contact has. 409 when no channel can reach them.
  async sendToContact(
    organisationId: string,
    contactId: string,
    text: string,
    preferredConversationId?: string,
  ): Promise<StartedConversation> {
    return this.open(organisationId, async (manager) => {
      const contact = await this.contacts.findWithin(manager, organisationId, contactId);
      if (!contact) throw ApiException.notFound('Contact');
      const inbox = await this.reachableInbox(manager, organisationId, contact, preferredConversationId);
      if (!inbox) throw new ApiException(ApiErrorCode.Conflict, 'No channel of this organisation can reach the beneficiary');
      return { organisationId, inbox, definition: findChannelDefinition(inbox.channel, inbox.provider)!, contact, text, author: null };
    });
  }

  private async open(organisationId: string, prepare: (manager: EntityManager) => Promise<Opening>): Promise<StartedConversation> {
    const now = new Date();
    const result = await this.transactions.run(async (manager) => {
      const opening = await prepare(manager);
      const sends = opening.definition.outreach?.mode !== 'record' && opening.definition.outbound !== null;
      if (sends) {
        // Staff write first: no reply window is open (a WhatsApp Cloud number needs a template for that).
        const limits = { smsMaxParts: this.config.sms.maxParts };
        const problems = opening.definition.sendRules.check(opening.text, limits, { lastInboundAt: null, now });
        if (problems.length > 0) throw ApiException.validation(problems);
      }
      const { conversation, opened } = await this.conversationFor(manager, opening, now);
      const message = newStaffMessage(
        {
          organisationId,
          conversationId: conversation.id,
          inboxId: opening.inbox.id,
          contactId: opening.contact.id,
          senderUserId: opening.author?.id ?? null,
          text: opening.text,
          note: !sends,
          at: now,
        },
        randomUUID(),
      );
      await manager.insert(Message, message);
      const patch: Partial<Conversation> = { lastActivityAt: now, lastMessagePreview: previewOf(opening.text), updatedAt: now };
      await manager.update(Conversation, { id: conversation.id }, patch);
      Object.assign(conversation, patch);
      return { conversation, message, opened, contact: opening.contact };
    });
    if (result.message.type === MessageType.Outbound) this.outboundSends.queueSend(organisationId, result.message.id);
    const conversationView = toConversationView(result.conversation, result.contact);
    const messageView = toMessageView(result.message);
    this.realtime.toConversationAudience(
      result.conversation,
      result.opened ? RealtimeEvent.ConversationCreated : RealtimeEvent.ConversationUpdated,
      conversationView,
    );
    this.realtime.toConversationAudience(result.conversation, RealtimeEvent.MessageCreated, messageView);
    return { conversation: conversationView, message: messageView };
  }

  private async conversationFor(
    manager: EntityManager,
    opening: Opening,
    now: Date,
  ): Promise<{ conversation: Conversation; opened: boolean }> {
    const { organisationId, inbox, contact, author } = opening;
    const existing = await manager.findOne(Conversation, {
      where: {
        organisationId,
        contactId: contact.id,
        inboxId: inbox.id,
        status: In([ConversationStatus.Open, ConversationStatus.Pending]),
      },
      order: { createdAt: 'DESC' },
    });
    if (existing) return { conversation: existing, opened: false };
    const recorded = opening.definition.outreach?.mode === 'record';
    const conversation = newConversation({
      organisationId,
      number: await nextConversationNumber(manager, organisationId),
      inbox,
      contactId: contact.id,
      at: now,
      ...(recorded ? { recordedBy: author!.id } : { startedBy: author?.id ?? null }),
    });
    await manager.insert(Conversation, conversation);
    await manager.insert(ConversationEvent, {
      id: randomUUID(),
      organisationId,
      conversationId: conversation.id,
      type: ConversationEventType.Created,
      actorUserId: author?.id ?? null,
      details: { channel: inbox.channel, outreach: true },
      createdAt: now,
    });
    return { conversation, opened: true };
  }

  // The beneficiary to write to: an existing contact the user may see, or the typed number or address. For a channel
  // that sends, the typed identity is where the text goes, so it finds that number's contact, as the provider will
  // deliver to them; a walk-in visitor's typed number is only a claim on a new contact (nothing is sent to it).
  private async contactFor(
    manager: EntityManager,
    user: AuthenticatedUser,
    inbox: Inbox,
    definition: ChannelDefinition,
    input: StartConversationDto,
  ): Promise<Contact> {
    const outreach = definition.outreach!;
    if (input.contactId) {
      const contact = await this.contacts.findWithin(manager, user.organisationId, input.contactId);
      if (!contact || !(await this.maySeeContact(manager, user, contact.id))) throw ApiException.notFound('Contact');
      if (outreach.mode === 'send' && !contact[outreach.recipient]) {
        throw ApiException.validation([{ field: 'contactId', message: `has no ${outreach.recipient} to write to on this channel` }]);
      }
      return contact;
    }
    const phone = input.phone === undefined ? undefined : normalisePhoneNumber(input.phone);
    if (input.phone !== undefined && !phone) throw ApiException.validation([{ field: 'phone', message: 'is not a phone number' }]);
    const email = input.email === undefined ? undefined : normaliseEmail(input.email);
    let sender: SenderIdentity;
    if (outreach.mode === 'record') {
      if (!input.name && !phone) throw ApiException.validation([{ field: 'name', message: 'or phone, or contactId, is required' }]);
      sender = { name: input.name, claimedPhone: phone, claimedEmail: email };
    } else if (outreach.recipient === 'phone') {
      if (!phone) throw ApiException.validation([{ field: 'phone', message: 'is required for this channel' }]);
      sender = { phone, externalId: phone, name: input.name };
    } else {
      if (!email) throw ApiException.validation([{ field: 'email', message: 'is required for this channel' }]);
      sender = { email, name: input.name };
    }
    return this.contacts.resolveSender(manager, user.organisationId, inbox.id, sender);
  }

  private async reachableInbox(
    manager: EntityManager,
    organisationId: string,
    contact: Contact,
    preferredConversationId: string | undefined,
  ): Promise<Inbox | undefined> {
    const sends = (inbox: Inbox | null | undefined): inbox is Inbox =>
      Boolean(inbox?.active && findChannelDefinition(inbox.channel, inbox.provider)?.outbound);
    const conversations = await manager.find(Conversation, {
      where: { organisationId, contactId: contact.id, ...(preferredConversationId ? { id: preferredConversationId } : {}) },
      order: { lastActivityAt: 'DESC' },
      take: 20,
    });
    if (preferredConversationId && conversations.length === 0) throw ApiException.notFound('Conversation');
    const inboxes = await this.inboxes.activeWithin(manager, organisationId);
    for (const conversation of conversations) {
      const inbox = inboxes.find((candidate) => candidate.id === conversation.inboxId);
      if (sends(inbox)) return inbox;
    }
    // Only to a number or address the person proved or a channel asserted: a typed one may be someone else's,
    // and a notice about a support request must not reach a stranger.
    const verified = { phone: contact.phoneVerified ? contact.phone : null, email: contact.emailVerified ? contact.email : null };
    return inboxes.find((inbox) => {
      const outreach = findChannelDefinition(inbox.channel, inbox.provider)?.outreach;
      return sends(inbox) && outreach?.mode === 'send' && Boolean(verified[outreach.recipient]);
    });
  }

  // Outreach opens or continues a conversation on the inbox: only those who may see that inbox's conversations.
  private async mayWriteFrom(manager: EntityManager, user: AuthenticatedUser, inboxId: string): Promise<boolean> {
    if (seesWholeOrganisation(user.role)) return true;
    if (user.role !== UserRole.Officer) return false;
    return this.inboxAccess.namesUserWithin(manager, user.organisationId, inboxId, user.id);
  }

  private async maySeeContact(manager: EntityManager, user: AuthenticatedUser, contactId: string): Promise<boolean> {
    if (seesWholeOrganisation(user.role)) return true;
    const query = manager
      .createQueryBuilder(Conversation, 'conversation')
      .where('conversation.organisationId = :organisationId AND conversation.contactId = :contactId', {
        organisationId: user.organisationId,
        contactId,
      });
    return (await whereVisibleTo(query, 'conversation', user).getCount()) > 0;
  }
}
