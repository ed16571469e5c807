import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { isValidSignature } from '@app/common';
import { InboundRecoveryService } from '@app/conversations';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { CallbackServer } from '../support/callback-server';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface ConversationItem {
  id: string;
  number: number;
  status: string;
  contact: { id: string; name: string | null; phone: string | null };
}
interface MessageItem {
  id: string;
  type: string;
  text: string;
  status: string | null;
  providerMessageId: string | null;
  failureCode: string | null;
  failureReason: string | null;
}

const OUTBOUND_BACKOFF_MILLISECONDS = 300;

describe('API channel, end to end (gateway + worker on PostgreSQL and Redis)', () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string; secret: string };
  const callbacks = new CallbackServer();

  beforeAll(async () => {
    await callbacks.start();
    // A backoff long enough that the waits it adds stand out from a loaded machine's scheduling noise.
    wasl = await WaslTestApp.start({ OUTBOUND_ATTEMPTS: '3', OUTBOUND_BACKOFF_MS: String(OUTBOUND_BACKOFF_MILLISECONDS) });
    organisation = await wasl.createOrganisation();
    inbox = await wasl.createApiInbox(organisation.adminToken, callbacks.url);
  });

  afterAll(async () => {
    await wasl.close();
    await callbacks.stop();
  });

  const sender = () => ({
    id: `user-${randomUUID()}`,
    name: 'سارة القحطاني',
    phone: `05${Math.floor(10_000_000 + Math.random() * 89_999_999)}`,
  });

  async function messagesOf(conversationId: string): Promise<MessageItem[]> {
    const response = await wasl.request<{ items: MessageItem[] }>('GET', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
    });
    return response.body.items;
  }

  it('should accept a signed Arabic message and open a conversation with a normalised contact', async () => {
    const from = { ...sender(), phone: '0551230001' };
    const response = await wasl.postSigned(inbox, { messageId: 'first-1', from, text: 'السلام عليكم، متى يصدر قرار لجنة البحث؟' });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: true });

    const conversationId = await wasl.conversationOfMessage('first-1');
    const detail = await wasl.request<ConversationItem & { channel: string; inboxId: string }>(
      'GET',
      `/api/v1/conversations/${conversationId}`,
      {
        token: organisation.adminToken,
      },
    );
    expect(detail.body).toMatchObject({
      status: 'open',
      channel: 'api',
      inboxId: inbox.id,
      contact: { name: 'سارة القحطاني', phone: '+966551230001' },
    });
    expect(detail.body.number).toBeGreaterThan(0);
    const messages = await messagesOf(conversationId);
    expect(messages).toEqual([
      expect.objectContaining({ type: 'inbound', text: 'السلام عليكم، متى يصدر قرار لجنة البحث؟', providerMessageId: 'first-1' }),
    ]);
  });

  it('should refuse a wrong or missing signature with 401 and store nothing', async () => {
    const body = { messageId: 'forged-1', from: sender(), text: 'forged' };
    const wrong = await wasl.postSigned(inbox, body, 'sha256=' + '0'.repeat(64));
    const missing = await wasl.request('POST', `/webhooks/api/${inbox.id}/messages`, { body });
    const otherSecret = await wasl.postSigned({ id: inbox.id, secret: 'not-the-secret' }, body);
    expect([wrong.status, missing.status, otherSecret.status]).toEqual([401, 401, 401]);
    expect(wrong.body.code).toBe('SIGNATURE_INVALID');
    const stored = await wasl.dataSource.query('SELECT count(*)::int AS count FROM inbound_events WHERE provider_message_id = $1', [
      'forged-1',
    ]);
    expect(stored[0].count).toBe(0);
  });

  it('should answer 400 naming the fields at fault, 404 for an unknown inbox and 413 for a body over 1 MiB', async () => {
    const malformed = await wasl.postSigned(inbox, { messageId: 'bad-1', from: { name: 'no id' }, text: '' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    expect(malformed.body.fields?.map((field) => field.field)).toEqual(expect.arrayContaining(['from.id', 'text']));

    const notJson = await wasl.request<{ code: string }>('POST', `/webhooks/api/${inbox.id}/messages`, {
      body: '{"messageId":',
      headers: { 'x-wasl-signature': 'sha256=00' },
    });
    expect(notJson.status).toBe(400);

    const unknown = await wasl.postSigned({ id: randomUUID(), secret: inbox.secret }, { messageId: 'x', from: sender(), text: 'x' });
    expect(unknown.status).toBe(404);
    const notAnId = await wasl.postSigned({ id: 'not-a-uuid', secret: inbox.secret }, { messageId: 'x', from: sender(), text: 'x' });
    expect(notAnId.status).toBe(404);

    const huge = await wasl.postSigned(inbox, { messageId: 'huge-1', from: sender(), text: 'ب'.repeat(600_000) });
    expect(huge.status).toBe(413);
    expect((huge.body as { code?: string }).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('should store one message for ten concurrent copies and for a copy days later', async () => {
    const body = { messageId: `dup-${randomUUID()}`, from: sender(), text: 'رسالة مكررة' };
    const responses = await Promise.all(Array.from({ length: 10 }, () => wasl.postSigned(inbox, body)));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(202));
    const conversationId = await wasl.conversationOfMessage(body.messageId);

    // Much later: the job is long gone from Redis, the database still knows the id.
    await wasl.dataSource.query("UPDATE inbound_events SET received_at = received_at - interval '3 days' WHERE provider_message_id = $1", [
      body.messageId,
    ]);
    expect((await wasl.postSigned(inbox, body)).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const rows = await wasl.dataSource.query('SELECT count(*)::int AS count FROM messages WHERE provider_message_id = $1', [
      body.messageId,
    ]);
    expect(rows[0].count).toBe(1);
    expect(await messagesOf(conversationId)).toHaveLength(1);
  });

  it('should keep the order in which messages of one conversation were accepted', async () => {
    const from = sender();
    const texts = Array.from({ length: 15 }, (_, index) => `الرسالة رقم ${index + 1}`);
    for (const [index, text] of texts.entries()) {
      expect((await wasl.postSigned(inbox, { messageId: `order-${from.id}-${index}`, from, text })).status).toBe(202);
    }
    const conversationId = await wasl.conversationOfMessage(`order-${from.id}-0`);
    const messages = await eventually(async () => {
      const items = await messagesOf(conversationId);
      return items.length === texts.length && items;
    }, 'all ordered messages');
    expect(messages.map((message) => message.text)).toEqual(texts);
    const conversations = await wasl.dataSource.query(
      'SELECT count(*)::int AS count FROM conversations WHERE contact_id = (SELECT contact_id FROM messages WHERE provider_message_id = $1)',
      [`order-${from.id}-0`],
    );
    expect(conversations[0].count).toBe(1);
  });

  it('should keep accepting and ordering messages once the intake counter passes 2^31', async () => {
    const from = sender();
    await wasl.dataSource.query(
      "SELECT setval('inbound_events_id_seq', greatest((SELECT last_value FROM inbound_events_id_seq), 2147483646))",
    );
    const texts = ['قبل الحد', 'بعد الحد', 'بعده أيضاً'];
    for (const [index, text] of texts.entries()) {
      expect((await wasl.postSigned(inbox, { messageId: `wide-${from.id}-${index}`, from, text })).status).toBe(202);
    }
    const conversationId = await wasl.conversationOfMessage(`wide-${from.id}-0`);
    const messages = await eventually(async () => {
      const items = await messagesOf(conversationId);
      return items.length === texts.length && items;
    }, 'messages past 2^31');
    expect(messages.map((message) => message.text)).toEqual(texts);
    const rows: { sequence: number }[] = await wasl.dataSource.query(
      'SELECT sequence FROM messages WHERE provider_message_id = ANY($1) ORDER BY sequence',
      [texts.map((_, index) => `wide-${from.id}-${index}`)],
    );
    expect(rows[rows.length - 1].sequence).toBeGreaterThan(2 ** 31);
    expect(typeof rows[0].sequence).toBe('number');
  });

  it('should reopen a resolved conversation within the window and open a new one after it', async () => {
    const from = sender();
    await wasl.postSigned(inbox, { messageId: `reopen-${from.id}-1`, from, text: 'أول طلب' });
    const first = await wasl.conversationOfMessage(`reopen-${from.id}-1`);
    const resolved = await wasl.request<{ status: string }>('PATCH', `/api/v1/conversations/${first}`, {
      token: organisation.adminToken,
      body: { status: 'resolved' },
    });
    expect(resolved.body.status).toBe('resolved');

    await wasl.postSigned(inbox, { messageId: `reopen-${from.id}-2`, from, text: 'عندي سؤال آخر' });
    expect(await wasl.conversationOfMessage(`reopen-${from.id}-2`)).toBe(first);
    const reopened = await wasl.request<{ status: string }>('GET', `/api/v1/conversations/${first}`, { token: organisation.adminToken });
    expect(reopened.body.status).toBe('open');
    const events = await wasl.request<{ type: string }[]>('GET', `/api/v1/conversations/${first}/events`, {
      token: organisation.adminToken,
    });
    expect(events.body.map((event) => event.type)).toEqual(['created', 'status_changed', 'reopened']);

    // Resolved longer ago than REOPEN_WINDOW_HOURS (72 by default): the next message starts a new conversation.
    await wasl.request('PATCH', `/api/v1/conversations/${first}`, { token: organisation.adminToken, body: { status: 'resolved' } });
    await wasl.dataSource.query("UPDATE conversations SET resolved_at = now() - interval '100 hours' WHERE id = $1", [first]);
    await wasl.postSigned(inbox, { messageId: `reopen-${from.id}-3`, from, text: 'طلب جديد بعد أسبوع' });
    const second = await wasl.conversationOfMessage(`reopen-${from.id}-3`);
    expect(second).not.toBe(first);

    // A closed conversation is never reopened, whatever the window.
    await wasl.request('PATCH', `/api/v1/conversations/${second}`, { token: organisation.adminToken, body: { status: 'closed' } });
    await wasl.postSigned(inbox, { messageId: `reopen-${from.id}-4`, from, text: 'بعد الإغلاق' });
    const third = await wasl.conversationOfMessage(`reopen-${from.id}-4`);
    expect([first, second]).not.toContain(third);
  });

  it('should send an officer reply to the callback URL, signed, and mark it sent', async () => {
    const from = sender();
    await wasl.postSigned(inbox, { messageId: `reply-${from.id}`, from, text: 'أحتاج مساعدة' });
    const conversationId = await wasl.conversationOfMessage(`reply-${from.id}`);
    callbacks.script([], 200);
    const reply = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'أهلاً بك، نحن في خدمتك' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.status).toBe('queued');

    const sent = await eventually(async () => {
      const items = await messagesOf(conversationId);
      return items.find((message) => message.id === reply.body.id && message.status === 'sent');
    }, 'the reply to be sent');
    expect(sent.failureCode).toBeNull();
    const [callback] = callbacks.forMessage(reply.body.id);
    expect(isValidSignature(callback.body, inbox.secret, callback.signature)).toBe(true);
    expect(JSON.parse(callback.body)).toMatchObject({
      event: 'message.created',
      conversationId,
      to: { id: from.id },
      text: 'أهلاً بك، نحن في خدمتك',
    });

    const note = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'ملاحظة داخلية للباحث الاجتماعي', private: true },
    });
    expect(note.body).toMatchObject({ type: 'note', status: null });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(callbacks.forMessage(note.body.id)).toHaveLength(0);
  });

  it('should retry a failing callback with backoff and succeed, or end as failed and be listed for admins', async () => {
    const from = sender();
    await wasl.postSigned(inbox, { messageId: `retry-${from.id}`, from, text: 'هل وصل ردكم؟' });
    const conversationId = await wasl.conversationOfMessage(`retry-${from.id}`);

    callbacks.script([503, 500], 200);
    const recovered = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'المحاولة تنجح' },
    });
    await eventually(
      async () => (await messagesOf(conversationId)).find((message) => message.id === recovered.body.id && message.status === 'sent'),
      'retried reply to be sent',
    );
    expect(callbacks.forMessage(recovered.body.id)).toHaveLength(3);

    callbacks.script([], 500);
    const doomed = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'لن تصل' },
    });
    const failed = await eventually(
      async () => (await messagesOf(conversationId)).find((message) => message.id === doomed.body.id && message.status === 'failed'),
      'reply to fail',
    );
    expect(failed.failureCode).toBe('TEMPORARY');
    expect(failed.failureReason).toContain('HTTP 500');
    const attempts = callbacks.forMessage(doomed.body.id);
    expect(attempts).toHaveLength(3);
    // Exponential: at least the backoff before the second attempt and twice it before the third (lower bounds hold
    // however slow the machine; comparing the two gaps did not, as scheduling noise can be larger than the backoff).
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(OUTBOUND_BACKOFF_MILLISECONDS);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(2 * OUTBOUND_BACKOFF_MILLISECONDS);
    callbacks.script([], 200);

    const failedJobs = await wasl.request<{ items: { queue: string; data: { messageId?: string }; failedReason: string }[] }>(
      'GET',
      '/api/v1/admin/failed-jobs',
      {
        token: organisation.adminToken,
      },
    );
    expect(failedJobs.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ queue: 'channel-outbound', data: expect.objectContaining({ messageId: doomed.body.id }) }),
      ]),
    );
    expect(JSON.stringify(failedJobs.body)).not.toContain(inbox.secret);
  });

  it("should wait as long as the app's Retry-After asks before retrying a rate-limited callback", async () => {
    const from = sender();
    await wasl.postSigned(inbox, { messageId: `busy-${from.id}`, from, text: 'هل من جديد؟' });
    const conversationId = await wasl.conversationOfMessage(`busy-${from.id}`);
    callbacks.script([{ status: 429, headers: { 'retry-after': '30' } }], 200);
    const reply = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'سنرد عليكم قريباً' },
    });
    const outbound = wasl.app.get<Queue>(getQueueToken('channel-outbound'));
    const job = await eventually(async () => {
      const found = await outbound.getJob(`out-${reply.body.id}`);
      return found && (await found.getState()) === 'delayed' && found;
    }, 'the rate-limited reply to wait');
    // The backoff alone would retry after 50 ms; the app asked for 30 s.
    expect(job.delay).toBeGreaterThanOrEqual(29_000);
    expect((await messagesOf(conversationId)).find((message) => message.id === reply.body.id)).toMatchObject({
      status: 'queued',
      failureCode: 'RATE_LIMITED',
    });
    await job.promote();
    await eventually(
      async () => (await messagesOf(conversationId)).find((message) => message.id === reply.body.id && message.status === 'sent'),
      'the promoted reply to be sent',
    );
    expect(callbacks.forMessage(reply.body.id)).toHaveLength(2);
  });

  it('should apply an accepted message whose job was lost, once, when the recovery sweep runs', async () => {
    const body = { messageId: `lost-${randomUUID()}`, from: sender(), text: 'رسالة فقدت وظيفتها' };
    await wasl.postSigned(inbox, body);
    const conversationId = await wasl.conversationOfMessage(body.messageId);
    // Simulate a crash that lost the worker's (asynchronously committed) effects after the job completed.
    await wasl.dataSource.query('DELETE FROM messages WHERE provider_message_id = $1', [body.messageId]);
    await wasl.dataSource.query(
      "UPDATE inbound_events SET processed_at = NULL, received_at = received_at - interval '10 minutes' WHERE provider_message_id = $1",
      [body.messageId],
    );

    const recovery = wasl.app.get(InboundRecoveryService);
    expect(await recovery.requeueStale(60_000)).toBe(1);
    expect(await wasl.conversationOfMessage(body.messageId)).toBe(conversationId);
    // A second sweep finds nothing left to do.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await recovery.requeueStale(60_000)).toBe(0);
    const rows = await wasl.dataSource.query('SELECT count(*)::int AS count FROM messages WHERE provider_message_id = $1', [
      body.messageId,
    ]);
    expect(rows[0].count).toBe(1);
  });

  it('should push conversation and message events to staff of the same organisation only', async () => {
    const other = await wasl.createOrganisation('جمعية أخرى');
    const connect = (token: string) =>
      new Promise<Socket>((resolve, reject) => {
        const socket = io(`${wasl.url}/agents`, { auth: { token }, transports: ['websocket'], forceNew: true });
        socket.once('ready', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    const mine = await connect(organisation.adminToken);
    const theirs = await connect(other.adminToken);
    const seenByMine: string[] = [];
    const seenByTheirs: string[] = [];
    mine.onAny((event: string) => seenByMine.push(event));
    theirs.onAny((event: string) => seenByTheirs.push(event));

    const created = new Promise<{ contact: { name: string } }>((resolve) => mine.once('conversation.created', resolve));
    const message = new Promise<{ text: string }>((resolve) => mine.once('message.created', resolve));
    await wasl.postSigned(inbox, { messageId: `live-${randomUUID()}`, from: { ...sender(), name: 'عميل مباشر' }, text: 'رسالة مباشرة' });
    expect((await created).contact.name).toBe('عميل مباشر');
    expect((await message).text).toBe('رسالة مباشرة');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seenByTheirs).toEqual([]);

    const refused = io(`${wasl.url}/agents`, { auth: { token: 'forged' }, transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve) => refused.once('disconnect', () => resolve()));
    for (const socket of [mine, theirs, refused]) socket.close();
  });
});
