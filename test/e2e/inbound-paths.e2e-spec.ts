import { InboundMessageHandler } from '@app/conversations';
import { JobStatus } from '@app/queue';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

type InboxName = 'app' | 'site' | 'doomed';

interface World {
  organisation: TestOrganisation;
  inboxes: Record<InboxName, { id: string; secret: string }>;
  // Provider message id → inbound event id.
  events: Map<string, number>;
}

interface ScriptedMessage {
  messageId: string;
  inbox: InboxName;
  from: { id: string; name?: string; phone?: string; email?: string };
  text: string;
}

// Acceptance times are set by the test, the same in both organisations, so every time the rules derive from them
// (conversation activity, waiting since, creation, events) must be equal too.
const SEEDED_AT = Date.parse('2026-11-01T08:00:00Z');
const ANSWERED_AT = Date.parse('2026-11-10T08:00:00Z');
const HOUR = 3_600_000;

// Six beneficiaries write for the first time: six contacts, six conversations numbered in acceptance order.
const SEED: ScriptedMessage[] = [
  { messageId: 'amal-1', inbox: 'app', from: { id: 'amal', name: 'أمل', phone: '0551000001' }, text: 'السلام عليكم' },
  { messageId: 'badr-1', inbox: 'app', from: { id: 'badr', name: 'بدر' }, text: 'أرغب في الاستفسار عن طلبي' },
  { messageId: 'dana-1', inbox: 'app', from: { id: 'dana' }, text: 'متى يصدر القرار؟' },
  { messageId: 'fahad-1', inbox: 'app', from: { id: 'fahad' }, text: 'شكرًا لكم' },
  { messageId: 'huda-1', inbox: 'app', from: { id: 'huda' }, text: 'هل وصلت أوراقي؟' },
  { messageId: 'khalid-1', inbox: 'app', from: { id: 'khalid' }, text: 'مرحبًا' },
];

// After the officers' work (see below), every rule of routing an inbound message once.
const ANSWERS: ScriptedMessage[] = [
  // Open: appended.
  { messageId: 'amal-2', inbox: 'app', from: { id: 'amal', phone: '0551000001' }, text: 'هل من جديد؟' },
  // Resolved an hour ago: reopened, then appended to.
  { messageId: 'badr-2', inbox: 'app', from: { id: 'badr' }, text: 'لم تصلني الرسالة' },
  { messageId: 'badr-3', inbox: 'app', from: { id: 'badr' }, text: 'أعيدوا إرسالها من فضلكم' },
  // Resolved 100 hours ago, past REOPEN_WINDOW_HOURS (72): a new conversation.
  { messageId: 'dana-2', inbox: 'app', from: { id: 'dana' }, text: 'لدي طلب جديد' },
  // Closed: a new conversation.
  { messageId: 'fahad-2', inbox: 'app', from: { id: 'fahad' }, text: 'عندي سؤال آخر' },
  // Pending (waiting on the beneficiary): back to open.
  { messageId: 'huda-2', inbox: 'app', from: { id: 'huda' }, text: 'أرسلت الصورة المطلوبة' },
  // A known contact gives a name and an e-mail for the first time.
  { messageId: 'khalid-2', inbox: 'app', from: { id: 'khalid', name: 'خالد', email: 'Khalid@Example.org' }, text: 'هذا بريدي' },
  // A new sender, then another device of the same person (the same number) in the same batch: one contact.
  { messageId: 'nour-1', inbox: 'app', from: { id: 'nour', phone: '0551000009' }, text: 'أحتاج مساعدة' },
  { messageId: 'nour-2', inbox: 'app', from: { id: 'nour-tablet', name: 'نور', phone: '0551000009' }, text: 'من جهازي الآخر' },
  // A known person on another inbox, found by the number: a conversation of its own there.
  { messageId: 'amal-site-1', inbox: 'site', from: { id: 'amal-on-site', phone: '0551000001' }, text: 'من موقع الجمعية' },
];

// A batch that fails for real: one event's inbox is deleted before it is applied. The others must be applied one by
// one, exactly as the one-by-one path applies them. Senders differ, and only one conversation is new, because the
// fallback applies them concurrently: their order, and so the numbers, must not depend on it.
const WITH_A_GONE_INBOX: ScriptedMessage[] = [
  { messageId: 'amal-3', inbox: 'app', from: { id: 'amal', phone: '0551000001' }, text: 'شكرًا' },
  { messageId: 'nour-3', inbox: 'app', from: { id: 'nour', phone: '0551000009' }, text: 'تم' },
  { messageId: 'sara-1', inbox: 'app', from: { id: 'sara', name: 'سارة' }, text: 'أول رسالة لي' },
  { messageId: 'ghost-1', inbox: 'doomed', from: { id: 'ghost' }, text: 'لن تطبق' },
];

type Outcome = JobStatus | 'failed';

describe('Inbound events applied in a batch and one by one give the same rows (PostgreSQL)', () => {
  // Accepts the webhooks and applies nothing (no worker): every event waits for the test to apply it.
  let intake: WaslTestApp;
  // A second process whose InboundMessageHandler the test drives; it has never cached the inbox deleted below.
  let applier: WaslTestApp;
  let handler: InboundMessageHandler;
  let batch: World;
  let single: World;

  beforeAll(async () => {
    // One deployment: both processes open the inboxes' sealed secrets with the same key.
    const deployment = { WASL_ROLE: 'gateway', WASL_ENCRYPTION_KEY: randomBytes(32).toString('hex') };
    intake = await WaslTestApp.start(deployment);
    applier = await WaslTestApp.start(deployment);
    handler = applier.app.get(InboundMessageHandler);
    batch = await world('جمعية الدفعات');
    single = await world('جمعية الرسائل المفردة');
  });

  afterAll(async () => {
    // The event left unapplied on purpose would be swept up by the recovery tests of suites sharing this database.
    for (const target of [batch, single].filter(Boolean)) {
      await intake?.dataSource.query('DELETE FROM inbound_events WHERE organisation_id = $1 AND processed_at IS NULL', [
        target.organisation.id,
      ]);
    }
    await applier?.close();
    await intake?.close();
  });

  async function world(name: string): Promise<World> {
    const organisation = await intake.createOrganisation(name);
    const inboxes = {
      app: await intake.createApiInbox(organisation.adminToken),
      site: await intake.createApiInbox(organisation.adminToken),
      doomed: await intake.createApiInbox(organisation.adminToken),
    };
    return { organisation, inboxes, events: new Map() };
  }

  // Through the real webhook and intake, then at the scripted acceptance time.
  async function accept(target: World, messages: ScriptedMessage[], firstAt: number): Promise<number[]> {
    const ids: number[] = [];
    for (const [index, message] of messages.entries()) {
      const inbox = target.inboxes[message.inbox];
      const response = await intake.postSigned(inbox, { messageId: message.messageId, from: message.from, text: message.text });
      expect(response.status).toBe(202);
      // TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affected].
      const [[row]]: [Array<{ id: string }>, number] = await intake.dataSource.query(
        'UPDATE inbound_events SET received_at = $3 WHERE inbox_id = $1 AND provider_message_id = $2 RETURNING id',
        [inbox.id, message.messageId, new Date(firstAt + index * 1_000)],
      );
      target.events.set(message.messageId, Number(row.id));
      ids.push(Number(row.id));
    }
    return ids;
  }

  // Every job handed over in the same turn of the event loop, as the worker does with the jobs in flight: one batch.
  async function applyAsBatch(target: World, ids: number[]): Promise<Outcome[]> {
    const settled = await Promise.allSettled(ids.map((id) => handler.handle(target.organisation.id, id)));
    return settled.map((result) => (result.status === 'fulfilled' ? result.value : 'failed'));
  }

  async function applyOneByOne(target: World, ids: number[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const id of ids) outcomes.push(await handler.handleOne(target.organisation.id, id).catch((): Outcome => 'failed'));
    return outcomes;
  }

  // The officers' work between the two rounds, the same in both organisations; the times it sets are fixed so they
  // are equal in both.
  async function workConversations(target: World): Promise<void> {
    const set = async (messageId: string, status: string, resolvedAt?: number) => {
      const [{ conversation_id: conversationId }]: Array<{ conversation_id: string }> = await intake.dataSource.query(
        'SELECT conversation_id FROM messages WHERE inbox_id = $1 AND provider_message_id = $2',
        [target.inboxes.app.id, messageId],
      );
      const response = await intake.request('PATCH', `/api/v1/conversations/${conversationId}`, {
        token: target.organisation.adminToken,
        body: { status },
      });
      expect(response.status).toBe(200);
      if (resolvedAt !== undefined) {
        await intake.dataSource.query('UPDATE conversations SET resolved_at = $2 WHERE id = $1', [conversationId, new Date(resolvedAt)]);
      }
    };
    await set('badr-1', 'resolved', ANSWERED_AT - HOUR);
    await set('dana-1', 'resolved', ANSWERED_AT - 100 * HOUR);
    await set('fahad-1', 'closed', ANSWERED_AT - 2 * HOUR);
    await set('huda-1', 'pending');
  }

  it('should open, append, reopen and move pending to open alike, and fall back to one by one when a batch fails', async () => {
    const outcomes: Record<'batch' | 'single', Outcome[][]> = { batch: [], single: [] };

    outcomes.batch.push(await applyAsBatch(batch, await accept(batch, SEED, SEEDED_AT)));
    outcomes.single.push(await applyOneByOne(single, await accept(single, SEED, SEEDED_AT)));
    await workConversations(batch);
    await workConversations(single);

    outcomes.batch.push(await applyAsBatch(batch, await accept(batch, ANSWERS, ANSWERED_AT)));
    outcomes.single.push(await applyOneByOne(single, await accept(single, ANSWERS, ANSWERED_AT)));

    const batchFailing = await accept(batch, WITH_A_GONE_INBOX, ANSWERED_AT + HOUR);
    const singleFailing = await accept(single, WITH_A_GONE_INBOX, ANSWERED_AT + HOUR);
    for (const target of [batch, single]) {
      await intake.dataSource.query('DELETE FROM inboxes WHERE id = $1', [target.inboxes.doomed.id]);
    }
    // An event applied earlier rides along: both paths skip it.
    outcomes.batch.push(await applyAsBatch(batch, [...batchFailing, batch.events.get('amal-1')!]));
    outcomes.single.push(await applyOneByOne(single, [...singleFailing, single.events.get('amal-1')!]));

    const applied = JobStatus.Applied;
    expect(outcomes.batch).toEqual([
      SEED.map(() => applied),
      ANSWERS.map(() => applied),
      [applied, applied, applied, 'failed', JobStatus.Skipped],
    ]);
    expect(outcomes.single).toEqual(outcomes.batch);

    const fromBatch = await snapshot(applier.dataSource, batch);
    const fromSingle = await snapshot(applier.dataSource, single);
    expect(fromBatch).toEqual(fromSingle);

    // The rows compared above are the ones the rules should give, not merely equal.
    const conversationsOf = (contact: string) => fromBatch.conversations.filter((conversation) => conversation.contact === contact);
    expect(conversationsOf('external:app:badr')).toEqual([
      expect.objectContaining({ number: 2, status: 'open', resolvedAt: null, lastMessagePreview: 'أعيدوا إرسالها من فضلكم' }),
    ]);
    expect(conversationsOf('external:app:dana').map((conversation) => [conversation.number, conversation.status])).toEqual([
      [3, 'resolved'],
      [7, 'open'],
    ]);
    expect(conversationsOf('external:app:fahad').map((conversation) => [conversation.number, conversation.status])).toEqual([
      [4, 'closed'],
      [8, 'open'],
    ]);
    expect(conversationsOf('external:app:huda')).toEqual([expect.objectContaining({ number: 5, status: 'open' })]);
    const amal = 'external:app:amal external:site:amal-on-site phone:-:+966551000001';
    expect(conversationsOf(amal).map((conversation) => [conversation.number, conversation.inbox, conversation.lastMessagePreview])).toEqual(
      [
        [1, 'app', 'شكرًا'],
        [10, 'site', 'من موقع الجمعية'],
      ],
    );
    const nour = 'external:app:nour external:app:nour-tablet phone:-:+966551000009';
    expect(conversationsOf(nour)).toEqual([expect.objectContaining({ number: 9, status: 'open', waitingSince: iso(ANSWERED_AT + 7_000) })]);
    expect(conversationsOf('external:app:sara')).toEqual([expect.objectContaining({ number: 11 })]);
    expect(fromBatch.contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: nour, name: 'نور', phone: '+966551000009', phoneVerified: true }),
        expect.objectContaining({
          label: 'email:-:khalid@example.org external:app:khalid',
          name: 'خالد',
          email: 'khalid@example.org',
          emailVerified: true,
        }),
      ]),
    );
    expect(fromBatch.contacts).toHaveLength(8);
    const eventsOf = (number: number) =>
      fromBatch.conversationEvents.filter((event) => event.conversation === number && event.actor === null).map((event) => event.type);
    expect(eventsOf(2)).toEqual(['created', 'reopened']);
    expect(eventsOf(5)).toEqual(['created', 'status_changed']);
    expect(fromBatch.inboundEvents.filter((event) => !event.processed).map((event) => event.providerMessageId)).toEqual(['ghost-1']);

    // The second round was one batch: one claim, one processing time for all its events.
    const claimed: Array<{ processed_at: Date }> = await applier.dataSource.query(
      'SELECT DISTINCT processed_at FROM inbound_events WHERE id = ANY($1::bigint[])',
      [ANSWERS.map((message) => batch.events.get(message.messageId))],
    );
    expect(claimed).toHaveLength(1);
  });
});

function iso(value: Date | number | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

// An organisation's rows with the ids that must differ between two organisations replaced by what identifies the
// row in its scenario: inboxes by name, contacts by their identities, conversations by number, messages and events
// by provider id, the acceptance counter by rank. Write times (stored_at, updated_at, processed_at, a contact's
// created_at, the officers' own status changes) are the machine's clock and left out; everything the rules derive
// from the acceptance times is compared.
async function snapshot(dataSource: DataSource, target: World) {
  const organisationId = target.organisation.id;
  const inboxLabel = new Map(Object.entries(target.inboxes).map(([name, inbox]) => [inbox.id, name]));
  const rows = (sql: string) => dataSource.query(sql, [organisationId]) as Promise<Array<Record<string, never>>>;

  const identities = await rows('SELECT contact_id, kind, scope, value FROM contact_identities WHERE organisation_id = $1');
  const identitiesOf = new Map<string, string[]>();
  for (const identity of identities) {
    const scope = identity.scope ? inboxLabel.get(identity.scope) : '-';
    identitiesOf.set(identity.contact_id, [
      ...(identitiesOf.get(identity.contact_id) ?? []),
      `${identity.kind}:${scope}:${identity.value}`,
    ]);
  }
  const contactLabel = (id: string) => [...(identitiesOf.get(id) ?? [`no identity ${id}`])].sort().join(' ');
  const contacts = (
    await rows('SELECT id, name, phone, phone_verified, email, email_verified, merged_into_id FROM contacts WHERE organisation_id = $1')
  ).map((contact) => ({
    label: contactLabel(contact.id),
    name: contact.name,
    phone: contact.phone,
    phoneVerified: contact.phone_verified,
    email: contact.email,
    emailVerified: contact.email_verified,
    mergedInto: contact.merged_into_id,
  }));

  const conversationRows = await rows(
    `SELECT id, number, inbox_id, contact_id, channel, status, priority, assignee_id, team_id, labels, last_message_preview,
            last_activity_at, waiting_since, first_response_at, resolved_at, created_at
       FROM conversations WHERE organisation_id = $1`,
  );
  const numberOf = new Map(conversationRows.map((conversation) => [conversation.id as string, conversation.number as number]));
  const conversations = conversationRows.map((conversation) => ({
    number: conversation.number,
    inbox: inboxLabel.get(conversation.inbox_id),
    contact: contactLabel(conversation.contact_id),
    channel: conversation.channel,
    status: conversation.status,
    priority: conversation.priority,
    assignee: conversation.assignee_id,
    team: conversation.team_id,
    labels: JSON.parse(conversation.labels),
    lastMessagePreview: conversation.last_message_preview,
    lastActivityAt: iso(conversation.last_activity_at),
    waitingSince: iso(conversation.waiting_since),
    firstResponseAt: iso(conversation.first_response_at),
    resolvedAt: iso(conversation.resolved_at),
    createdAt: iso(conversation.created_at),
  }));

  const eventRows = await rows(
    'SELECT id, inbox_id, provider_message_id, message_id, received_at, processed_at FROM inbound_events WHERE organisation_id = $1',
  );
  const rankOf = new Map(
    eventRows
      .map((event) => Number(event.id))
      .sort((left, right) => left - right)
      .map((id, rank) => [id, rank]),
  );
  const inboundEvents = eventRows.map((event) => ({
    inbox: inboxLabel.get(event.inbox_id) ?? 'gone',
    providerMessageId: event.provider_message_id,
    rank: rankOf.get(Number(event.id)),
    receivedAt: iso(event.received_at),
    processed: event.processed_at !== null,
  }));
  const eventOfMessage = new Map(eventRows.map((event) => [event.message_id as string, Number(event.id)]));

  const messages = (
    await rows(
      `SELECT id, conversation_id, inbox_id, contact_id, type, text, attachments, sender_user_id, provider_message_id, status,
              failure_code, failure_reason, created_at, sequence
         FROM messages WHERE organisation_id = $1`,
    )
  ).map((message) => ({
    // The id the gateway allocated at acceptance, and the acceptance counter as its sequence.
    idIsTheAcceptedOne: eventOfMessage.has(message.id),
    sequenceIsTheEvent: eventOfMessage.get(message.id) === Number(message.sequence),
    conversation: numberOf.get(message.conversation_id),
    inbox: inboxLabel.get(message.inbox_id),
    contact: contactLabel(message.contact_id),
    type: message.type,
    text: message.text,
    attachments: JSON.parse(message.attachments),
    sender: message.sender_user_id,
    providerMessageId: message.provider_message_id,
    status: message.status,
    failure: [message.failure_code, message.failure_reason],
    createdAt: iso(message.created_at),
    rank: rankOf.get(Number(message.sequence)),
  }));

  const conversationEvents = (
    await rows('SELECT conversation_id, type, actor_user_id, details, created_at FROM conversation_events WHERE organisation_id = $1')
  ).map((event) => ({
    conversation: numberOf.get(event.conversation_id),
    type: event.type,
    actor: event.actor_user_id === null ? null : event.actor_user_id === target.organisation.adminId ? 'admin' : 'someone else',
    details: JSON.parse(event.details),
    // The officers' changes happen at the machine's clock; the rules' events at the message's acceptance time.
    createdAt: event.actor_user_id === null ? iso(event.created_at) : 'when the officer acted',
  }));

  const byKey = <T>(items: T[], key: (item: T) => string) => [...items].sort((left, right) => key(left).localeCompare(key(right)));
  return {
    contacts: byKey(contacts, (contact) => contact.label),
    conversations: byKey(conversations, (conversation) => String(conversation.number).padStart(4, '0')),
    messages: byKey(messages, (message) => `${message.inbox}|${message.providerMessageId}`),
    conversationEvents: byKey(
      conversationEvents,
      (event) => `${String(event.conversation).padStart(4, '0')}|${event.createdAt}|${event.type}|${event.actor}`,
    ),
    inboundEvents: byKey(inboundEvents, (event) => String(event.rank).padStart(4, '0')),
  };
}
