import { randomBytes, randomUUID } from 'node:crypto';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { uploadReplyAttachment } from '../support/reply-attachment.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface MessageItem {
  id: string;
  text: string;
  type: string;
  status: string | null;
  failureCode: string | null;
  providerMessageId: string | null;
  attachments: Array<{ url?: string; contentType?: string; sizeBytes?: number; voice?: boolean }>;
}

const ARABIC_TEXT = 'مرحبا، أريد تحديث بيانات أسرتي';
const PHOTO = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), randomBytes(128)]);
const VOICE = Buffer.concat([Buffer.from('OggS'), randomBytes(64)]);

describe('Telegram bot, end to end against the Bot API sandbox', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string; secret: string };
  const botToken = `${Math.floor(1e9 + Math.random() * 8e9)}:AAH${randomBytes(16).toString('hex')}`;
  const userId = (lastDigits: string) => Number(`${Math.floor(100_000 + Math.random() * 800_000)}${lastDigits}`);

  beforeAll(async () => {
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl();
    organisation = await wasl.createOrganisation();
    const created = await wasl.request<{ id: string; secret: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'telegram', name: `Telegram ${randomUUID().slice(0, 6)}`, settings: { botToken, apiBaseUrl: sandbox.url } },
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    inbox = created.body;
  });

  afterAll(async () => {
    await wasl.close();
    await sandbox.stop();
  });

  const get = <T>(path: string) => wasl.request<T>('GET', path, { token: organisation.adminToken });
  const messagesOf = async (conversationId: string) =>
    (await get<{ items: MessageItem[] }>(`/api/v1/conversations/${conversationId}/messages`)).body.items;
  const statusOf = async (id: string) =>
    ((await wasl.dataSource.query('SELECT status, failure_code AS "failureCode" FROM messages WHERE id = $1', [id])) as MessageItem[])[0];

  it('should register its webhook with setWebhook and the inbox secret as the secret token, in a job', async () => {
    const webhook = await eventually(async () => sandbox.telegram.webhooks.get(botToken), 'setWebhook to be called');
    expect(webhook).toEqual({ url: `${wasl.url}/webhooks/telegram/${inbox.id}`, secretToken: inbox.secret });
  });

  it('should turn an Arabic message into a conversation of the Telegram user, once however often the update comes', async () => {
    await eventually(async () => sandbox.telegram.webhooks.get(botToken), 'setWebhook');
    const user = userId('001');
    const played = await sandbox.telegram.playUpdate({ botToken, userId: user, firstName: 'خالد', text: ARABIC_TEXT, times: 5 });
    const again = await sandbox.telegram.playUpdate({
      botToken,
      userId: user,
      firstName: 'خالد',
      text: ARABIC_TEXT,
      updateId: played.updateId,
      times: 5,
      concurrently: true,
    });
    expect([...played.statuses, ...again.statuses]).toEqual(Array(10).fill(200));
    const conversationId = await wasl.conversationOfMessage(String(played.updateId));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const conversation = await get<{ channel: string; contact: { id: string; name: string } }>(`/api/v1/conversations/${conversationId}`);
    expect(conversation.body).toMatchObject({ channel: 'telegram', contact: { name: 'خالد' } });
    expect(await messagesOf(conversationId)).toEqual([expect.objectContaining({ type: 'inbound', text: ARABIC_TEXT })]);
    const identities: Array<{ kind: string; value: string }> = await wasl.dataSource.query(
      'SELECT kind, value FROM contact_identities WHERE contact_id = $1',
      [conversation.body.contact.id],
    );
    expect(identities).toEqual([{ kind: 'external', value: String(user) }]);
  });

  it('should refuse an update without the right secret token before anything is stored', async () => {
    const forged = await sandbox.telegram.playUpdate({
      botToken,
      userId: userId('002'),
      firstName: 'x',
      text: 'مزور',
      secretToken: 'guess',
    });
    expect(forged.statuses).toEqual([403]);
    const stored: unknown[] = await wasl.dataSource.query('SELECT 1 FROM inbound_events WHERE inbox_id = $1 AND provider_message_id = $2', [
      inbox.id,
      String(forged.updateId),
    ]);
    expect(stored).toEqual([]);
  });

  it('should send a reply, retry it when Telegram says 429, and fail at once for a user who blocked the bot', async () => {
    await eventually(async () => sandbox.telegram.webhooks.get(botToken), 'setWebhook');
    const reply = async (lastDigits: string) => {
      const user = userId(lastDigits);
      const played = await sandbox.telegram.playUpdate({ botToken, userId: user, firstName: 'سارة', text: 'سؤال' });
      const conversationId = await wasl.conversationOfMessage(String(played.updateId));
      const sent = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
        token: organisation.adminToken,
        body: { text: `أهلاً بك ${lastDigits}` },
      });
      expect(sent.status).toBe(201);
      return { user, id: sent.body.id };
    };
    const ordinary = await reply('004');
    await eventually(async () => (await statusOf(ordinary.id)).status === 'sent', 'the reply to be sent');
    expect(sandbox.telegram.sent.filter((message) => message.chatId === String(ordinary.user))).toEqual([
      expect.objectContaining({ text: 'أهلاً بك 004' }),
    ]);
    const limited = await reply('429');
    await eventually(async () => (await statusOf(limited.id)).status === 'sent', 'the rate-limited reply to be sent');
    const blocked = await reply('403');
    await eventually(async () => (await statusOf(blocked.id)).status === 'failed', 'the blocked reply to fail');
    expect(await statusOf(blocked.id)).toMatchObject({ failureCode: 'RECIPIENT_INVALID' });
  });

  it('should store a photo and a voice note as attachments staff can download', async () => {
    await eventually(async () => sandbox.telegram.webhooks.get(botToken), 'setWebhook');
    const user = userId('005');
    const photo = await sandbox.telegram.playUpdate({
      botToken,
      userId: user,
      firstName: 'منى',
      photo: { content: PHOTO, mimeType: 'image/jpeg' },
    });
    const voice = await sandbox.telegram.playUpdate({
      botToken,
      userId: user,
      firstName: 'منى',
      voice: { content: VOICE, mimeType: 'audio/ogg' },
    });
    const conversationId = await wasl.conversationOfMessage(String(photo.updateId));
    const stored = await eventually(async () => {
      const items = await messagesOf(conversationId);
      return items.length === 2 && items.every((item) => item.attachments[0]?.url) && items;
    }, 'both files to be fetched');
    const byId = (updateId: number) => stored.find((item) => item.providerMessageId === String(updateId))!;
    expect(byId(voice.updateId).attachments).toEqual([
      expect.objectContaining({ contentType: 'audio/ogg', voice: true, sizeBytes: VOICE.length }),
    ]);
    for (const [message, bytes] of [
      [byId(photo.updateId), PHOTO],
      [byId(voice.updateId), VOICE],
    ] as const) {
      const download = await fetch(`${wasl.url}/api/v1/conversations/${conversationId}/messages/${message.id}/media/0`, {
        headers: { authorization: `Bearer ${organisation.adminToken}` },
      });
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it('should send a photo an officer attaches with sendPhoto, its text as the caption', async () => {
    await eventually(async () => sandbox.telegram.webhooks.get(botToken), 'setWebhook');
    const user = userId('006');
    const played = await sandbox.telegram.playUpdate({ botToken, userId: user, firstName: 'هند', text: 'أرسلوا لي النموذج' });
    const conversationId = await wasl.conversationOfMessage(String(played.updateId));
    const upload = await uploadReplyAttachment(wasl, organisation.adminToken, conversationId, PHOTO, 'النموذج.jpg');
    expect(upload.status).toBe(201);
    const sent = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'النموذج المطلوب', attachmentIds: [upload.body.id] },
    });
    expect(sent.status).toBe(201);
    const message = sent.body;
    await eventually(async () => (await statusOf(message.id)).status === 'sent', 'the photo to be sent');
    expect(sandbox.telegram.sent.filter((entry) => entry.chatId === String(user))).toEqual([
      expect.objectContaining({ text: '[sendPhoto] النموذج المطلوب' }),
    ]);
  });
});
