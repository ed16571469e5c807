import { REPLAY_WHATSAPP_NETWORK, ReplayWhatsAppClient } from '@app/channels';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import chat from '../../libs/channels/src/whatsapp/providers/web/__fixtures__/message-chat-arabic.json';
import group from '../../libs/channels/src/whatsapp/providers/web/__fixtures__/message-group.json';
import image from '../../libs/channels/src/whatsapp/providers/web/__fixtures__/message-image.json';
import location from '../../libs/channels/src/whatsapp/providers/web/__fixtures__/message-location.json';
import ptt from '../../libs/channels/src/whatsapp/providers/web/__fixtures__/message-ptt.json';
import statusBroadcast from '../../libs/channels/src/whatsapp/providers/web/__fixtures__/message-status-broadcast.json';
import { uploadReplyAttachment } from '../support/reply-attachment.helper';
import { saudiMobile } from '../support/twilio-inbox.helper';
import { TEST_DATABASE_URL_VARIABLE, TEST_REDIS_URL } from '../support/test-environment';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface SessionView {
  state: string;
  qr: string | null;
  phone: string | null;
  drivenBy: string | null;
}
interface MessageItem {
  id: string;
  text: string;
  type: string;
  status: string | null;
  providerMessageId: string | null;
  attachments: Array<{ url?: string; contentType?: string; voice?: boolean; sizeBytes?: number }>;
}

// Sessions are checked often and leases are short, so a takeover happens within seconds here.
const SESSION_SETTINGS = { WHATSAPP_WEB_CLIENT: 'replay', CHANNEL_SESSION_LEASE_MS: '2000', CHANNEL_SESSION_CHECK_MS: '200' };
const ASSOCIATION_NUMBER = `9661100${Math.floor(10_000 + Math.random() * 89_999)}`;
const VOICE = Buffer.concat([Buffer.from('OggS'), randomBytes(48)]);
const PHOTO = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), randomBytes(48)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64), Buffer.from('\n%%EOF\n')]);

describe('WhatsApp through a paired phone (whatsapp-web.js), end to end with the replay client', () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inboxId: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    wasl = await WaslTestApp.startOnPublicUrl(SESSION_SETTINGS);
    organisation = await wasl.createOrganisation();
    const created = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'whatsapp', provider: 'web', name: `WhatsApp ${randomUUID().slice(0, 6)}`, settings: { messagesPerMinute: 60 } },
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    inboxId = created.body.id;
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await wasl.close();
  });

  const session = async () =>
    (await wasl.request<SessionView>('GET', `/api/v1/inboxes/${inboxId}/session`, { token: organisation.adminToken })).body;
  const phone = () => eventually(async () => REPLAY_WHATSAPP_NETWORK.client(inboxId), 'the session to start in this process');
  const get = <T>(path: string) => wasl.request<T>('GET', path, { token: organisation.adminToken });
  const messagesOf = async (conversationId: string) =>
    (await get<{ items: MessageItem[] }>(`/api/v1/conversations/${conversationId}/messages`)).body.items;
  const playChat = (client: ReplayWhatsAppClient, from: string, id: string, body = chat.body) =>
    client.receive({
      ...chat,
      from: `${from.slice(1)}@c.us`,
      body,
      id: { fromMe: false, remote: `${from.slice(1)}@c.us`, id, _serialized: `false_${from.slice(1)}@c.us_${id}` },
    });

  it('should show a QR code while pairing, then the paired number once the phone scans it', async () => {
    const pairing = await eventually(async () => {
      const current = await session();
      return current.state === 'pairing' && Boolean(current.qr) && current;
    }, 'a QR code');
    expect(pairing.qr).toMatch(/^2@replay/);
    await (await phone()).scan(ASSOCIATION_NUMBER);
    const connected = await eventually(async () => {
      const current = await session();
      return current.state === 'connected' && current;
    }, 'the session to connect');
    expect(connected).toMatchObject({ phone: `+${ASSOCIATION_NUMBER}`, qr: null });
    // Its credentials are in PostgreSQL, sealed.
    const [row]: Array<{ sealed_data: string }> = await wasl.dataSource.query(
      'SELECT sealed_data FROM channel_sessions WHERE inbox_id = $1',
      [inboxId],
    );
    expect(row.sealed_data).toBeTruthy();
    expect(row.sealed_data).not.toContain(ASSOCIATION_NUMBER);
  });

  it('should turn an Arabic message into a conversation of the sender, once for five deliveries, and ignore groups and status updates', async () => {
    const client = await phone();
    const from = saudiMobile('2001');
    const id = `3A${randomBytes(9).toString('hex').toUpperCase()}`;
    for (let time = 0; time < 5; time += 1) playChat(client, from, id);
    client.receive({ ...group, id: undefined });
    client.receive({ ...statusBroadcast, id: undefined });
    const conversationId = await wasl.conversationOfMessage(`false_${from.slice(1)}@c.us_${id}`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const conversation = await get<{ channel: string; contact: { phone: string; name: string } }>(
      `/api/v1/conversations/${conversationId}`,
    );
    expect(conversation.body).toMatchObject({ channel: 'whatsapp', contact: { phone: from, name: 'أبو محمد' } });
    expect(await messagesOf(conversationId)).toEqual([expect.objectContaining({ type: 'inbound', text: chat.body })]);
    const ignored: unknown[] = await wasl.dataSource.query(
      "SELECT 1 FROM inbound_events WHERE inbox_id = $1 AND (payload::text LIKE '%مجموعة%' OR payload::text LIKE '%حالة%')",
      [inboxId],
    );
    expect(ignored).toEqual([]);
  });

  it('should send a reply through the paired phone and follow its acknowledgements to read', async () => {
    const client = await phone();
    const from = saudiMobile('2002');
    playChat(client, from, `3A${randomBytes(9).toString('hex').toUpperCase()}`, 'هل من جديد؟');
    const conversationId = await eventually(async () => {
      const rows: Array<{ conversation_id: string }> = await wasl.dataSource.query(
        "SELECT m.conversation_id FROM messages m JOIN contacts c ON c.id = m.contact_id WHERE c.phone = $1 AND m.type = 'inbound'",
        [from],
      );
      return rows[0]?.conversation_id;
    }, 'the message');
    const sent = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'نعم، تمت الموافقة على طلبك' },
    });
    await eventually(async () => {
      const [row]: Array<{ status: string }> = await wasl.dataSource.query('SELECT status FROM messages WHERE id = $1', [sent.body.id]);
      return row.status === 'read';
    }, 'the reply to be read');
    expect(client.sent).toEqual([expect.objectContaining({ chatId: `${from.slice(1)}@c.us`, content: 'نعم، تمت الموافقة على طلبك' })]);
  });

  it('should send the PDF an officer attaches through the paired phone as a document with the reply as its caption', async () => {
    const client = await phone();
    const from = saudiMobile('2003');
    playChat(client, from, `3A${randomBytes(9).toString('hex').toUpperCase()}`, 'أرسلوا لي النموذج من فضلكم');
    const conversationId = await eventually(async () => {
      const rows: Array<{ conversation_id: string }> = await wasl.dataSource.query(
        "SELECT m.conversation_id FROM messages m JOIN contacts c ON c.id = m.contact_id WHERE c.phone = $1 AND m.type = 'inbound'",
        [from],
      );
      return rows[0]?.conversation_id;
    }, 'the message');
    const token = organisation.adminToken;
    const refused = await uploadReplyAttachment(wasl, token, conversationId, Buffer.from('PK\x03\x04 a zip'), 'forms.zip');
    expect(refused.status).toBe(400);
    const form = await uploadReplyAttachment(wasl, token, conversationId, PDF, 'نموذج الطلب.pdf');
    expect(form.status).toBe(201);
    const sent = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token,
      body: { text: 'هذا نموذج طلب الدعم', attachmentIds: [form.body.id] },
    });
    expect(sent.status).toBe(201);
    await eventually(async () => {
      const [row]: Array<{ status: string }> = await wasl.dataSource.query('SELECT status FROM messages WHERE id = $1', [sent.body.id]);
      return row.status === 'read';
    }, 'the document to be read');
    expect(client.sent.filter((entry) => entry.chatId === `${from.slice(1)}@c.us`)).toEqual([
      expect.objectContaining({
        content: 'هذا نموذج طلب الدعم',
        media: { mimetype: 'application/pdf', filename: 'نموذج الطلب.pdf', bytes: PDF.length },
      }),
    ]);
  });

  it('should store a voice note and a photo as attachments, and a location as text', async () => {
    const client = await phone();
    const from = saudiMobile('2003');
    const chatId = `${from.slice(1)}@c.us`;
    const voice = client.receive(
      { ...ptt, id: undefined, from: chatId },
      { mimetype: 'audio/ogg; codecs=opus', data: VOICE.toString('base64') },
    );
    client.receive({ ...image, from: chatId }, { mimetype: 'image/jpeg', data: PHOTO.toString('base64') });
    client.receive({ ...location, from: chatId });
    const conversationId = await wasl.conversationOfMessage(voice.id._serialized);
    const stored = await eventually(async () => {
      const items = await messagesOf(conversationId);
      return items.length === 3 && items.filter((item) => item.attachments[0]?.url).length === 2 && items;
    }, 'the files to be fetched through the session');
    expect(stored.find((item) => item.providerMessageId === voice.id._serialized)?.attachments).toEqual([
      expect.objectContaining({ contentType: 'audio/ogg', voice: true, sizeBytes: VOICE.length }),
    ]);
    expect(stored.find((item) => item.text === 'صورة الفاتورة')?.attachments).toEqual([
      expect.objectContaining({ contentType: 'image/jpeg', sizeBytes: PHOTO.length }),
    ]);
    expect(stored.find((item) => item.text.startsWith('📍'))?.text).toBe('📍 مقر الجمعية\nhttps://maps.google.com/?q=24.7136,46.6753');
  });

  it('should resume the session after a restart without pairing again', async () => {
    const config = wasl.config;
    await wasl.close();
    wasl = await WaslTestApp.start({}, config);
    const resumed = await phone();
    await eventually(async () => (await session()).state === 'connected' && (await session()).drivenBy !== null, 'the session to resume');
    expect(resumed.qrCount).toBe(0);
    expect((await session()).phone).toBe(`+${ASSOCIATION_NUMBER}`);
  });

  it('should be taken over by another worker when the worker driving it is killed', async () => {
    const config = wasl.config;
    // The session moves to a separate worker process …
    await wasl.close();
    const child = spawn(process.execPath, [join(__dirname, '../../scripts/run-ts.js'), join(__dirname, '../../apps/worker/src/main.ts')], {
      env: {
        PATH: process.env.PATH,
        WASL_ROLE: 'worker',
        DATABASE_URL: process.env[TEST_DATABASE_URL_VARIABLE],
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: config.redis.queuePrefix,
        WASL_ENCRYPTION_KEY: config.security.encryptionKey.toString('hex'),
        WASL_JWT_SECRET: randomBytes(32).toString('hex'),
        WORKER_NICENESS: '0',
        LOG_LEVEL: 'warn',
        ...SESSION_SETTINGS,
      },
      stdio: 'ignore',
    });
    children.push(child);
    // This process's app is closed: PostgreSQL is read directly meanwhile.
    const database = new Client({ connectionString: process.env[TEST_DATABASE_URL_VARIABLE] });
    await database.connect();
    try {
      await eventually(
        async () => {
          const { rows } = await database.query<{ driven_by: string; state: string }>(
            'SELECT driven_by, state FROM channel_sessions WHERE inbox_id = $1',
            [inboxId],
          );
          return rows[0]?.driven_by?.includes(`-${child.pid}-`) && rows[0].state === 'connected';
        },
        'the separate worker to drive the session',
        60_000,
      );
    } finally {
      await database.end();
    }
    expect(REPLAY_WHATSAPP_NETWORK.client(inboxId)).toBeUndefined();
    // … a worker in this process waits for it, and takes over once it is killed without a word.
    wasl = await WaslTestApp.start({}, config);
    child.kill('SIGKILL');
    const takenOver = await eventually(async () => REPLAY_WHATSAPP_NETWORK.client(inboxId), 'the takeover', 20_000);
    await eventually(async () => {
      const current = await session();
      return current.state === 'connected' && !current.drivenBy?.includes(`-${child.pid}-`);
    }, 'this process to report the session connected');
    expect(takenOver.qrCount).toBe(0);
    const from = saudiMobile('2004');
    const id = `3A${randomBytes(9).toString('hex').toUpperCase()}`;
    playChat(takenOver, from, id, 'بعد الانتقال');
    await wasl.conversationOfMessage(`false_${from.slice(1)}@c.us_${id}`);
  }, 120_000);
});
