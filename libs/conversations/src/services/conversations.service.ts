import { AttachedFile, attachmentRuleProblems, OutboundTemplate } from '@app/channels';
import { ApiException } from '@app/common';
import { ContactScope, ContactsService } from '@app/contacts';
import { WaslConfig } from '@app/config';
import { containsPattern, TransactionRunner } from '@app/database';
import { AuthenticatedUser, INBOX_ROLES, TeamsService, UsersService } from '@app/identity';
import { RealtimePublisher } from '@app/realtime';
import { ConversationListItemView, ConversationView, MessageView, RealtimeEvent } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { CreateMessageDto, ListConversationsQuery, UpdateConversationDto } from '../dto/conversation.dto';
import { ConversationEvent, ConversationEventType } from '../entities/conversation-event.entity';
import { Conversation, ConversationStatus } from '../entities/conversation.entity';
import { Message } from '../entities/message.entity';
import { findVisibleConversation, seesWholeOrganisation, whereVisibleTo } from './conversation-access.util';
import { ConversationReadsService } from './conversation-reads.service';
import { previewOf, toConversationView, toMessageView } from './conversation-view';
import { decodeCursor, encodeCursor, Page } from './pagination-cursor.util';
import { newStaffMessage } from '../rules/new-staff-message.rule';
import { ChannelSendRules } from './channel-send-rules.service';
import { ReplyAttachmentsService } from './reply-attachments.service';
import { NOTE_ATTACHMENT_RULE } from '../rules/note-attachment-rule.constant';
import { OutboundSendQueue } from './outbound-send.queue';

type NewEvent = Pick<ConversationEvent, 'type' | 'details'>;

// As many as UpdateConversationDto accepts in one list.
const MAX_LABELS = 20;
// The label picker reads the labels of the most recently active labelled conversations, not the whole history.
const LABEL_SCAN_LIMIT = 5000;

// Who a message is written by: a staff member, or Wasl itself (userId null) for automatic messages.
export interface MessageAuthor {
  organisationId: string;
  userId: string | null;
}

@Injectable()
export class ConversationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    @InjectRepository(Conversation) private readonly conversations: Repository<Conversation>,
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    @InjectRepository(ConversationEvent) private readonly events: Repository<ConversationEvent>,
    private readonly outboundSends: OutboundSendQueue,
    private readonly users: UsersService,
    private readonly teams: TeamsService,
    private readonly realtime: RealtimePublisher,
    private readonly config: WaslConfig,
    private readonly sendRules: ChannelSendRules,
    private readonly reads: ConversationReadsService,
    private readonly replyAttachments: ReplyAttachmentsService,
    private readonly contacts: ContactsService,
  ) {}

  // Newest activity first, keyset-paginated; every filter is scoped to the caller's organisation.
  async list(user: AuthenticatedUser, filters: ListConversationsQuery): Promise<Page<ConversationListItemView>> {
    const limit = filters.limit ?? 25;
    const query = this.conversations
      .createQueryBuilder('conversation')
      .where('conversation.organisationId = :organisationId', { organisationId: user.organisationId })
      .orderBy('conversation.lastActivityAt', 'DESC')
      .addOrderBy('conversation.id', 'DESC')
      .take(limit + 1);
    whereVisibleTo(query, 'conversation', user);
    if (filters.status) query.andWhere('conversation.status = :status', { status: filters.status });
    if (filters.channel) query.andWhere('conversation.channel = :channel', { channel: filters.channel });
    if (filters.inboxId) query.andWhere('conversation.inboxId = :inboxId', { inboxId: filters.inboxId });
    if (filters.assigneeId) query.andWhere('conversation.assigneeId = :assigneeId', { assigneeId: filters.assigneeId });
    if (filters.teamId) query.andWhere('conversation.teamId = :teamId', { teamId: filters.teamId });
    if (filters.unassigned === 'true') query.andWhere('conversation.assigneeId IS NULL');
    if (filters.unassigned === 'false') query.andWhere('conversation.assigneeId IS NOT NULL');
    if (filters.label) {
      // Labels are stored as a JSON array: the label's own JSON string, quotes included, matches it exactly.
      const quoted = JSON.stringify(filters.label.trim()).replace(/[\\%_]/g, (character) => `\\${character}`);
      query.andWhere(`conversation.labels LIKE :label ESCAPE '\\'`, { label: `%${quoted}%` });
    }
    const term = filters.q?.trim();
    if (term) {
      // The contact's name or number as a sub-query the contacts module builds.
      const named = this.contacts.nameOrNumberMatchScope(user.organisationId, term);
      query.andWhere(
        new Brackets((any) => {
          any.where(`conversation.contactId IN (${named.contactIdsSql})`, named.parameters);
          // search_text is the stored fold of the text. IN, not a correlated EXISTS: the organisation's messages are
          // read once, not once per conversation.
          any.orWhere(
            `conversation.id IN (SELECT searched.conversation_id FROM messages searched
              WHERE searched.organisation_id = :organisationId AND searched.search_text LIKE :term ESCAPE '\\')`,
            { term: containsPattern(term) },
          );
        }),
      );
    }
    if (filters.cursor) {
      const after = decodeCursor(filters.cursor);
      query.andWhere(
        new Brackets((page) =>
          page
            .where('conversation.lastActivityAt < :at', { at: after.at })
            .orWhere('(conversation.lastActivityAt = :at AND conversation.id < :id)', { id: after.id }),
        ),
      );
    }
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const unread = await this.reads.unreadCounts(
      user,
      items.map((row) => row.id),
    );
    // The page's contacts in one query over at most its limit, rather than a join into the list's query.
    const cards = await this.contacts.cardsOf(
      user.organisationId,
      items.map((row) => row.contactId),
    );
    const contacts = new Map(cards.map((card) => [card.id, card]));
    return {
      items: items.map((row) => ({ ...toConversationView(row, contacts.get(row.contactId)), unreadCount: unread.get(row.id) ?? 0 })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.lastActivityAt, last.id) : null,
    };
  }

  async get(user: AuthenticatedUser, conversationId: string): Promise<ConversationView> {
    const conversation = await this.require(user, conversationId);
    const contact = await this.contacts.findInOrganisation(user.organisationId, conversation.contactId);
    return toConversationView(conversation, contact);
  }

  async listMessages(user: AuthenticatedUser, conversationId: string, limit = 500): Promise<{ items: MessageView[] }> {
    await this.require(user, conversationId);
    const messages = await this.messages.find({
      where: { conversationId, organisationId: user.organisationId },
      order: { createdAt: 'ASC', sequence: 'ASC', id: 'ASC' },
      take: Math.min(limit, 1000),
    });
    return { items: messages.map(toMessageView) };
  }

  async listEvents(user: AuthenticatedUser, conversationId: string): Promise<ConversationEvent[]> {
    await this.require(user, conversationId);
    return this.events.find({ where: { conversationId, organisationId: user.organisationId }, order: { createdAt: 'ASC' } });
  }

  // An officer's reply is stored as queued and sent by the worker; a private note is only stored. A template reply
  // (TemplateRepliesService) carries its name and parameters and is not held to the reply window.
  async addMessage(
    user: AuthenticatedUser,
    conversationId: string,
    input: CreateMessageDto,
    extra: { template?: OutboundTemplate } = {},
  ): Promise<MessageView> {
    const { template } = extra;
    const now = new Date();
    const isNote = input.private === true;
    const text = input.text ?? '';
    const uploadIds = input.attachmentIds ?? [];
    if (!text.trim() && uploadIds.length === 0) throw ApiException.validation([{ field: 'text', message: 'text must not be blank' }]);
    const { message, conversation } = await this.transactions.run(async (manager) => {
      const conversation = await findVisibleConversation(manager, user, conversationId);
      if (!isNote) await this.sendRules.assertSendable(user.organisationId, conversation, text, manager, { template: Boolean(template) });
      const id = randomUUID();
      // A note is never sent, so only private notes' own rule applies to its files; a reply's go through its channel.
      const check = isNote
        ? (files: AttachedFile[]) => attachmentRuleProblems(NOTE_ATTACHMENT_RULE, files, 'A private note')
        : await this.sendRules.attachmentChecker(user.organisationId, conversation.inboxId, text);
      const attachments = await this.replyAttachments.attach(manager, user, conversation, uploadIds, id, check);
      const message = newStaffMessage(
        {
          organisationId: user.organisationId,
          conversationId,
          inboxId: conversation.inboxId,
          contactId: conversation.contactId,
          senderUserId: user.id,
          text,
          note: isNote,
          at: now,
          attachments,
        },
        id,
      );
      if (template && !isNote) message.template = template;
      await manager.insert(Message, message);
      if (!isNote) {
        const patch: Partial<Conversation> = {
          lastActivityAt: now,
          lastMessagePreview: previewOf(text.trim() ? text : attachments.map((file) => `📎 ${file.fileName}`).join('، ')),
          waitingSince: null,
          updatedAt: now,
        };
        const events: NewEvent[] = [];
        if (!conversation.firstResponseAt) {
          patch.firstResponseAt = now;
          events.push({
            type: ConversationEventType.FirstResponse,
            details: { messageId: message.id, waitedSince: conversation.createdAt.toISOString() },
          });
        }
        await manager.update(Conversation, { id: conversationId }, patch);
        await this.insertEvents(manager, user, conversationId, events, now);
        Object.assign(conversation, patch);
      }
      return { message, conversation };
    });
    if (!isNote) {
      this.outboundSends.queueSend(user.organisationId, message.id);
      this.realtime.toConversationAudience(conversation, RealtimeEvent.ConversationUpdated, toConversationView(conversation));
    }
    const view = toMessageView(message);
    this.realtime.toConversationAudience(conversation, RealtimeEvent.MessageCreated, view);
    return view;
  }

  // A reply written for a purpose other code has already checked (a support request's officer or researcher answering
  // its beneficiary), or by Wasl itself (`userId` null: an automatic message, never attributed to staff). It counts as
  // an answer to the beneficiary like any reply, except that an automatic one is not the first response.
  async postAs(author: MessageAuthor, conversationId: string, text: string): Promise<MessageView> {
    const now = new Date();
    const { message, conversation } = await this.transactions.run(async (manager) => {
      const conversation = await manager.findOneBy(Conversation, { id: conversationId, organisationId: author.organisationId });
      if (!conversation) throw ApiException.notFound('Conversation');
      await this.sendRules.assertSendable(author.organisationId, conversation, text, manager);
      const message = newStaffMessage(
        {
          organisationId: author.organisationId,
          conversationId,
          inboxId: conversation.inboxId,
          contactId: conversation.contactId,
          senderUserId: author.userId,
          text,
          note: false,
          at: now,
        },
        randomUUID(),
      );
      await manager.insert(Message, message);
      const patch: Partial<Conversation> = { lastActivityAt: now, lastMessagePreview: previewOf(text), updatedAt: now };
      if (author.userId) patch.waitingSince = null;
      if (author.userId && !conversation.firstResponseAt) {
        patch.firstResponseAt = now;
        await this.insertEvents(
          manager,
          { id: author.userId, organisationId: author.organisationId },
          conversationId,
          [
            {
              type: ConversationEventType.FirstResponse,
              details: { messageId: message.id, waitedSince: conversation.createdAt.toISOString() },
            },
          ],
          now,
        );
      }
      await manager.update(Conversation, { id: conversationId }, patch);
      return { message, conversation: Object.assign(conversation, patch) };
    });
    this.outboundSends.queueSend(author.organisationId, message.id);
    this.realtime.toConversationAudience(conversation, RealtimeEvent.ConversationUpdated, toConversationView(conversation));
    const view = toMessageView(message);
    this.realtime.toConversationAudience(conversation, RealtimeEvent.MessageCreated, view);
    return view;
  }

  async update(user: AuthenticatedUser, conversationId: string, input: UpdateConversationDto): Promise<ConversationView> {
    if (input.assigneeId) {
      const assignee = await this.users.findInOrganisation(user.organisationId, input.assigneeId);
      if (!assignee || !assignee.active || !INBOX_ROLES.includes(assignee.role)) {
        throw ApiException.validation([{ field: 'assigneeId', message: 'is not an active staff member of this organisation' }]);
      }
    }
    if (input.teamId && !(await this.teams.exists(user.organisationId, input.teamId))) {
      throw ApiException.validation([{ field: 'teamId', message: 'is not a team of this organisation' }]);
    }
    const now = new Date();
    const conversation = await this.transactions.run(async (manager) => {
      const conversation = await findVisibleConversation(manager, user, conversationId);
      const patch: Partial<Conversation> = {};
      const events: NewEvent[] = [];
      if (input.status && input.status !== conversation.status) {
        patch.status = input.status;
        patch.resolvedAt =
          input.status === ConversationStatus.Resolved
            ? now
            : input.status === ConversationStatus.Closed
              ? (conversation.resolvedAt ?? now)
              : null;
        events.push({ type: ConversationEventType.StatusChanged, details: { from: conversation.status, to: input.status } });
      }
      if (input.priority && input.priority !== conversation.priority) {
        patch.priority = input.priority;
        events.push({ type: ConversationEventType.PriorityChanged, details: { from: conversation.priority, to: input.priority } });
      }
      if (input.assigneeId !== undefined && input.assigneeId !== conversation.assigneeId) {
        patch.assigneeId = input.assigneeId;
        events.push({
          type: input.assigneeId ? ConversationEventType.Assigned : ConversationEventType.Unassigned,
          details: { from: conversation.assigneeId, to: input.assigneeId },
        });
      }
      if (input.teamId !== undefined && input.teamId !== conversation.teamId) {
        patch.teamId = input.teamId;
        events.push({ type: ConversationEventType.TeamChanged, details: { from: conversation.teamId, to: input.teamId } });
      }
      if (input.labels) {
        const labels = [...new Set(input.labels.map((label) => label.trim()).filter(Boolean))].sort();
        if (labels.join('\n') !== [...conversation.labels].sort().join('\n')) {
          patch.labels = labels;
          events.push({ type: ConversationEventType.LabelsChanged, details: { from: conversation.labels, to: labels } });
        }
      }
      if (events.length === 0) return conversation;
      patch.updatedAt = now;
      await manager.update(Conversation, { id: conversationId }, patch);
      await this.insertEvents(manager, user, conversationId, events, now);
      return Object.assign(conversation, patch);
    });
    const contact = await this.contacts.findInOrganisation(user.organisationId, conversation.contactId);
    const view = toConversationView(conversation, contact);
    this.realtime.toConversationAudience(conversation, RealtimeEvent.ConversationUpdated, view);
    return view;
  }

  // One label added or removed under the conversation's row lock, so two officers labelling at once both count
  // (a PATCH of the whole list would keep only the last one).
  async addLabel(user: AuthenticatedUser, conversationId: string, label: string): Promise<ConversationView> {
    const added = label.trim();
    return this.editLabels(user, conversationId, (labels) => {
      if (labels.includes(added)) return labels;
      if (labels.length >= MAX_LABELS) {
        throw ApiException.validation([{ field: 'label', message: `a conversation carries at most ${MAX_LABELS} labels` }]);
      }
      return [...labels, added].sort();
    });
  }

  async removeLabel(user: AuthenticatedUser, conversationId: string, label: string): Promise<ConversationView> {
    const removed = label.trim();
    return this.editLabels(user, conversationId, (labels) => labels.filter((existing) => existing !== removed));
  }

  // The labels in use on the conversations the user may see, most used first: what the label picker offers.
  async labelsInUse(user: AuthenticatedUser): Promise<Array<{ label: string; conversations: number }>> {
    const query = this.conversations
      .createQueryBuilder('conversation')
      .select('conversation.labels', 'labels')
      .where('conversation.organisationId = :organisationId', { organisationId: user.organisationId })
      .andWhere("conversation.labels <> '[]'")
      .orderBy('conversation.lastActivityAt', 'DESC')
      .limit(LABEL_SCAN_LIMIT);
    const rows: Array<{ labels: string }> = await whereVisibleTo(query, 'conversation', user).getRawMany();
    const counts = new Map<string, number>();
    for (const row of rows) {
      const labels = JSON.parse(row.labels) as unknown;
      if (!Array.isArray(labels)) continue;
      for (const label of labels) if (typeof label === 'string') counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    return [...counts]
      .map(([label, conversations]) => ({ label, conversations }))
      .sort((first, second) => second.conversations - first.conversations || first.label.localeCompare(second.label));
  }

  // A contact's conversations that the user may see; the others are left out, not announced.
  async listForContact(user: AuthenticatedUser, contactId: string): Promise<ConversationView[]> {
    const query = this.conversations
      .createQueryBuilder('conversation')
      .where('conversation.organisationId = :organisationId', { organisationId: user.organisationId })
      .andWhere('conversation.contactId = :contactId', { contactId })
      .orderBy('conversation.lastActivityAt', 'DESC')
      .take(200);
    const conversations = await whereVisibleTo(query, 'conversation', user).getMany();
    return conversations.map((conversation) => toConversationView(conversation));
  }

  // The contacts a user may see (PDPL, purpose-bound): those with a conversation the user may see. Undefined for
  // administrators and supervisors, who oversee the whole organisation.
  contactScopeFor(user: AuthenticatedUser): ContactScope | undefined {
    if (seesWholeOrganisation(user.role)) return undefined;
    const query = this.conversations
      .createQueryBuilder('scoped')
      .select('scoped.contactId')
      .where('scoped.organisationId = :scopeOrganisationId', { scopeOrganisationId: user.organisationId });
    const visible = whereVisibleTo(query, 'scoped', user);
    return { contactIdsSql: visible.getQuery(), parameters: visible.getParameters() };
  }

  async canSeeContact(user: AuthenticatedUser, contactId: string): Promise<boolean> {
    if (seesWholeOrganisation(user.role)) return true;
    const query = this.conversations
      .createQueryBuilder('conversation')
      .where('conversation.organisationId = :organisationId', { organisationId: user.organisationId })
      .andWhere('conversation.contactId = :contactId', { contactId });
    return (await whereVisibleTo(query, 'conversation', user).getCount()) > 0;
  }

  private async editLabels(
    user: AuthenticatedUser,
    conversationId: string,
    edit: (labels: string[]) => string[],
  ): Promise<ConversationView> {
    const now = new Date();
    const { conversation, changed } = await this.transactions.run(async (manager) => {
      await findVisibleConversation(manager, user, conversationId);
      const conversation = await manager.findOneOrFail(Conversation, {
        where: { id: conversationId, organisationId: user.organisationId },
        lock: this.transactions.isPostgres ? { mode: 'pessimistic_write' } : undefined,
      });
      const labels = edit(conversation.labels);
      if (labels.join('\n') === conversation.labels.join('\n')) return { conversation, changed: false };
      await manager.update(Conversation, { id: conversationId }, { labels, updatedAt: now });
      await this.insertEvents(
        manager,
        user,
        conversationId,
        [{ type: ConversationEventType.LabelsChanged, details: { from: conversation.labels, to: labels } }],
        now,
      );
      return { conversation: Object.assign(conversation, { labels, updatedAt: now }), changed: true };
    });
    const contact = await this.contacts.findInOrganisation(user.organisationId, conversation.contactId);
    const view = toConversationView(conversation, contact);
    if (changed) this.realtime.toConversationAudience(conversation, RealtimeEvent.ConversationUpdated, view);
    return view;
  }

  private async require(user: AuthenticatedUser, conversationId: string): Promise<Conversation> {
    return findVisibleConversation(this.conversations.manager, user, conversationId);
  }

  private async insertEvents(
    manager: EntityManager,
    user: Pick<AuthenticatedUser, 'id' | 'organisationId'>,
    conversationId: string,
    events: NewEvent[],
    at: Date,
  ): Promise<void> {
    if (events.length === 0) return;
    await manager.insert(
      ConversationEvent,
      events.map((event) => ({
        id: randomUUID(),
        organisationId: user.organisationId,
        conversationId,
        actorUserId: user.id,
        createdAt: at,
        ...event,
      })),
    );
  }
}
