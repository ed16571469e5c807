import { InboundMessage } from '@app/channels';
import { ContactsService } from '@app/contacts';
import type { Contact } from '@app/contacts/entities';
import { WaslConfig } from '@app/config';
import { InboxesService } from '@app/inboxes';
import type { Inbox } from '@app/inboxes/entities';
import { reserveConversationNumbers } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ConversationEvent } from '../entities/conversation-event.entity';
import { Conversation } from '../entities/conversation.entity';
import { Message } from '../entities/message.entity';
import { decideInbound } from '../rules/inbound-decision.rule';
import { newConversation } from '../rules/new-conversation.rule';
import { newInboundMessage } from '../rules/new-inbound-message.rule';

export interface AppliedInbound {
  conversation: Conversation;
  contact: Contact;
  message: Message;
  opened: boolean;
}

interface ClaimedEvent {
  id: number;
  organisationId: string;
  inbox: Inbox;
  providerMessageId: string;
  payload: InboundMessage;
  receivedAt: Date;
  messageId: string;
}

interface ClaimedRow {
  id: number;
  organisation_id: string;
  inbox_id: string;
  provider_message_id: string;
  payload: string;
  received_at: Date;
  message_id: string;
}

type NewEvent = Pick<ConversationEvent, 'conversationId' | 'type' | 'details' | 'createdAt' | 'organisationId'>;

// Applies many inbound events in one PostgreSQL transaction with set-based statements (about ten round trips
// whatever the batch size), deciding with the same rule functions as InboundMessageHandler's one-by-one path
// (decideInbound, newConversation, newInboundMessage), which stays the fallback and the SQLite path. On this
// 2-core machine the per-message transaction tops out near 200/s in PostgreSQL itself; batching is what lets
// ingestion keep up with bursts.
@Injectable()
export class InboundBatchApplier {
  constructor(
    private readonly contacts: ContactsService,
    private readonly inboxes: InboxesService,
    private readonly config: WaslConfig,
  ) {}

  async apply(
    manager: EntityManager,
    jobs: Array<{ organisationId: string; inboundEventId: number }>,
  ): Promise<Map<number, AppliedInbound>> {
    const now = new Date();
    // Derived rows: see InboundMessageHandler for why this commit need not wait for the WAL flush.
    await manager.query('SET LOCAL synchronous_commit = off');
    // Claiming marks the events processed and locks them; a concurrent duplicate job waits, then claims nothing.
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [ClaimedRow[], number] = await manager.query(
      `UPDATE inbound_events SET processed_at = $2 WHERE id = ANY($1::bigint[]) AND processed_at IS NULL
       RETURNING id, organisation_id, inbox_id, provider_message_id, payload, received_at, message_id`,
      [jobs.map((job) => job.inboundEventId), now],
    );
    const jobOrganisation = new Map(jobs.map((job) => [job.inboundEventId, job.organisationId]));
    const events: ClaimedEvent[] = [];
    for (const row of rows.sort((left, right) => left.id - right.id)) {
      if (jobOrganisation.get(row.id) !== row.organisation_id) throw new Error(`Inbound event ${row.id} belongs to another organisation`);
      const found = await this.inboxes.findWithSecrets(row.inbox_id, manager);
      if (!found || found.inbox.organisationId !== row.organisation_id)
        throw new Error(`Inbox ${row.inbox_id} of inbound event ${row.id} is gone`);
      events.push({
        id: row.id,
        organisationId: row.organisation_id,
        inbox: found.inbox,
        providerMessageId: row.provider_message_id,
        payload: JSON.parse(row.payload) as InboundMessage,
        receivedAt: new Date(row.received_at),
        messageId: row.message_id,
      });
    }
    const applied = new Map<number, AppliedInbound>();
    if (events.length === 0) return applied;

    const contacts = await this.contacts.resolveSenders(
      manager,
      events.map((event) => ({ organisationId: event.organisationId, inboxId: event.inbox.id, sender: event.payload.sender })),
    );
    const latest = await this.latestConversations(manager, events, contacts);

    const touched = new Map<string, { conversation: Conversation; isNew: boolean }>();
    const messages: Message[] = [];
    const conversationEvents: NewEvent[] = [];
    const windowHours = this.config.conversations.reopenWindowHours;
    for (const [index, event] of events.entries()) {
      const contact = contacts[index];
      const key = `${contact.id}|${event.inbox.id}`;
      let entry = touched.get(key) ?? (latest.has(key) ? { conversation: latest.get(key)!, isNew: false } : undefined);
      const decision = decideInbound(
        entry?.conversation ?? null,
        { receivedAt: event.receivedAt, text: event.payload.text, channel: event.inbox.channel },
        windowHours,
      );
      const opened = decision.routing === 'open';
      if (opened || !entry) {
        const conversation = newConversation({
          organisationId: event.organisationId,
          number: 0,
          inbox: event.inbox,
          contactId: contact.id,
          at: event.receivedAt,
        });
        entry = { conversation, isNew: true };
      }
      touched.set(key, entry);
      const conversation = Object.assign(entry.conversation, decision.patch, { updatedAt: now });
      for (const item of decision.events) {
        conversationEvents.push({
          organisationId: event.organisationId,
          conversationId: conversation.id,
          createdAt: event.receivedAt,
          ...item,
        });
      }
      const message = newInboundMessage({
        id: event.messageId,
        organisationId: event.organisationId,
        conversationId: conversation.id,
        inboxId: event.inbox.id,
        contactId: contact.id,
        providerMessageId: event.providerMessageId,
        payload: event.payload,
        receivedAt: event.receivedAt,
        sequence: event.id,
        storedAt: now,
      });
      messages.push(message);
      applied.set(event.id, { conversation, contact, message, opened });
    }

    const created = [...touched.values()].filter((entry) => entry.isNew).map((entry) => entry.conversation);
    await this.numberConversations(manager, created);
    if (created.length > 0) await manager.insert(Conversation, created);
    await this.updateConversations(
      manager,
      [...touched.values()].filter((entry) => !entry.isNew).map((entry) => entry.conversation),
    );
    await this.insertMessages(manager, messages);
    if (conversationEvents.length > 0) {
      await manager.insert(
        ConversationEvent,
        conversationEvents.map((item) => ({ id: randomUUID(), actorUserId: null, ...item })),
      );
    }
    return applied;
  }

  // Column arrays through unnest: building a multi-row VALUES list for hundreds of rows costs more CPU in
  // TypeORM's query builder than the database spends inserting them.
  private async insertMessages(manager: EntityManager, messages: Message[]): Promise<void> {
    await manager.query(
      `INSERT INTO messages (id, organisation_id, conversation_id, inbox_id, contact_id, type, text, attachments, sender_user_id,
                             provider_message_id, status, failure_code, failure_reason, created_at, sequence, stored_at, updated_at)
       SELECT id, organisation_id, conversation_id, inbox_id, contact_id, type, text, attachments, NULL, provider_message_id,
              NULL, NULL, NULL, created_at, sequence, stored_at, updated_at
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::varchar[], $7::text[], $8::text[],
                     $9::varchar[], $10::timestamptz[], $11::bigint[], $12::timestamptz[], $13::timestamptz[])
           AS row(id, organisation_id, conversation_id, inbox_id, contact_id, type, text, attachments, provider_message_id,
                  created_at, sequence, stored_at, updated_at)`,
      [
        messages.map((message) => message.id),
        messages.map((message) => message.organisationId),
        messages.map((message) => message.conversationId),
        messages.map((message) => message.inboxId),
        messages.map((message) => message.contactId),
        messages.map((message) => message.type),
        messages.map((message) => message.text),
        messages.map((message) => JSON.stringify(message.attachments)),
        messages.map((message) => message.providerMessageId),
        messages.map((message) => message.createdAt),
        messages.map((message) => message.sequence),
        messages.map((message) => message.storedAt),
        messages.map((message) => message.updatedAt),
      ],
    );
  }

  private async latestConversations(
    manager: EntityManager,
    events: ClaimedEvent[],
    contacts: Contact[],
  ): Promise<Map<string, Conversation>> {
    const pairs = [
      ...new Map(events.map((event, index) => [`${contacts[index].id}|${event.inbox.id}`, { event, contact: contacts[index] }])).values(),
    ];
    const rows = await manager
      .createQueryBuilder(Conversation, 'conversation')
      .distinctOn(['conversation.contact_id', 'conversation.inbox_id'])
      .where(
        '(conversation.organisation_id, conversation.contact_id, conversation.inbox_id) IN (SELECT * FROM unnest(:organisations::uuid[], :contacts::uuid[], :inboxes::uuid[]))',
        {
          organisations: pairs.map((pair) => pair.event.organisationId),
          contacts: pairs.map((pair) => pair.contact.id),
          inboxes: pairs.map((pair) => pair.event.inbox.id),
        },
      )
      .orderBy('conversation.contact_id')
      .addOrderBy('conversation.inbox_id')
      .addOrderBy('conversation.created_at', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [`${row.contactId}|${row.inboxId}`, row]));
  }

  // One counter update per organisation for all its new conversations, numbered in acceptance order.
  private async numberConversations(manager: EntityManager, created: Conversation[]): Promise<void> {
    const byOrganisation = new Map<string, Conversation[]>();
    for (const conversation of created)
      byOrganisation.set(conversation.organisationId, [...(byOrganisation.get(conversation.organisationId) ?? []), conversation]);
    for (const [organisationId, conversations] of byOrganisation) {
      const last = await reserveConversationNumbers(manager, organisationId, conversations.length);
      conversations.forEach((conversation, index) => (conversation.number = last - conversations.length + index + 1));
    }
  }

  private async updateConversations(manager: EntityManager, conversations: Conversation[]): Promise<void> {
    if (conversations.length === 0) return;
    await manager.query(
      `UPDATE conversations AS conversation
          SET status = patch.status, resolved_at = patch.resolved_at, last_activity_at = patch.last_activity_at,
              last_message_preview = patch.preview, waiting_since = patch.waiting_since, updated_at = patch.updated_at
         FROM unnest($1::uuid[], $2::varchar[], $3::timestamptz[], $4::timestamptz[], $5::varchar[], $6::timestamptz[], $7::timestamptz[])
           AS patch(id, status, resolved_at, last_activity_at, preview, waiting_since, updated_at)
        WHERE conversation.id = patch.id`,
      [
        conversations.map((conversation) => conversation.id),
        conversations.map((conversation) => conversation.status),
        conversations.map((conversation) => conversation.resolvedAt),
        conversations.map((conversation) => conversation.lastActivityAt),
        conversations.map((conversation) => conversation.lastMessagePreview),
        conversations.map((conversation) => conversation.waitingSince),
        conversations.map((conversation) => conversation.updatedAt),
      ],
    );
  }
}
