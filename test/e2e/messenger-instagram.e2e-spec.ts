import { randomBytes, randomUUID } from 'node:crypto';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface MessageItem {
  id: string;
  text: string;
  type: string;
  status: string | null;
  providerMessageId: string | null;
  attachments: Array<{ url?: string; contentType?: string }>;
}

const ARABIC_TEXT = 'السلام عليكم، هل التسجيل في برنامج الأيتام مفتوح؟';

describe.each(['messenger', 'instagram'] as const)('%s, end to end against the Graph sandbox', (channel) => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string };
  const accountId = String(200_000_000_000 + Math.floor(Math.random() * 1e9));
  const appSecret = randomBytes(16).toString('hex');
  const verifyToken = `verify-${randomBytes(8).toString('hex')}`;
  const pageAccessToken = `EAAP${randomBytes(12).toString('hex')}`;
  const personId = (lastFour: string) => `${Math.floor(1e12 + Math.random() * 8e12)}${lastFour}`;

  beforeAll(async () => {
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl();
    organisation = await wasl.createOrganisation();
    const created = await wasl.request<{ id: string; webhookUrls: Array<{ url: string }> }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: {
        channel,
        name: `${channel} ${randomUUID().slice(0, 6)}`,
        settings: { accountId, pageAccessToken, appSecret, verifyToken, apiBaseUrl: sandbox.url },
      },
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    inbox = created.body;
    expect(created.body.webhookUrls.map((entry) => entry.url)).toEqual([`${wasl.url}/webhooks/${channel}/${inbox.id}`]);
    sandbox.graph.registerPage({
      object: channel === 'messenger' ? 'page' : 'instagram',
      accountId,
      pageAccessToken,
      appSecret,
      webhookUrl: created.body.webhookUrls[0].url,
    });
  });

  afterAll(async () => {
    await wasl.close();
    await sandbox.stop();
  });

  const get = <T>(path: string) => wasl.request<T>('GET', path, { token: organisation.adminToken });
  const messagesOf = async (conversationId: string) =>
    (await get<{ items: MessageItem[] }>(`/api/v1/conversations/${conversationId}/messages`)).body.items;
  const statusOf = async (id: string) =>
    (
      (await wasl.dataSource.query('SELECT status, failure_code AS "failureCode" FROM messages WHERE id = $1', [id])) as Array<{
        status: string;
        failureCode: string;
      }>
    )[0];
  const reply = (conversationId: string, text: string) =>
    wasl.request<MessageItem & { fields?: Array<{ field: string; message: string }> }>(
      'POST',
      `/api/v1/conversations/${conversationId}/messages`,
      {
        token: organisation.adminToken,
        body: { text },
      },
    );
  async function conversationWith(senderId: string, text = ARABIC_TEXT): Promise<string> {
    const played = await sandbox.graph.playPageInbound({ accountId, senderId, text });
    expect(played.statuses).toEqual([200]);
    return wasl.conversationOfMessage(played.mid);
  }

  it("should answer Meta's verification challenge only with the verify token", async () => {
    const challenge = (token: string) =>
      fetch(`${wasl.url}/webhooks/${channel}/${inbox.id}?hub.mode=subscribe&hub.challenge=42&hub.verify_token=${token}`);
    const right = await challenge(verifyToken);
    expect([right.status, await right.text()]).toEqual([200, '42']);
    expect((await challenge('wrong-token')).status).toBe(403);
  });

  it("should turn an Arabic message into a conversation of the person, named from the Graph profile, and ignore the account's own echoes", async () => {
    const sender = personId('1001');
    sandbox.graph.setProfile(sender, channel === 'messenger' ? { first_name: 'ريم', last_name: 'العتيبي' } : { name: 'ريم العتيبي' });
    const conversationId = await conversationWith(sender);
    const named = await eventually(async () => {
      const conversation = await get<{ channel: string; contact: { name: string | null } }>(`/api/v1/conversations/${conversationId}`);
      return conversation.body.contact.name && conversation.body;
    }, 'the name to be fetched');
    expect(named).toMatchObject({ channel, contact: { name: 'ريم العتيبي' } });
    const echo = await sandbox.graph.playPageInbound({ accountId, senderId: accountId, text: 'صدى', echo: true });
    expect(echo.statuses).toEqual([200]);
    const stored: unknown[] = await wasl.dataSource.query('SELECT 1 FROM inbound_events WHERE provider_message_id = $1', [echo.mid]);
    expect(stored).toEqual([]);
    expect(await messagesOf(conversationId)).toEqual([expect.objectContaining({ type: 'inbound', text: ARABIC_TEXT })]);
  });

  it('should keep the profile picture Meta shares, shown to staff through the audited contact route, and fetch none from elsewhere', async () => {
    const picture = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(64)]);
    const pictured = personId('1003');
    sandbox.graph.setProfile(pictured, { name: 'نورة القحطاني' }, { content: picture, mimeType: 'image/png' });
    const elsewhere = personId('1004');
    sandbox.graph.setProfile(elsewhere, { name: 'هند الشهري', profile_pic: 'https://pictures.example.org/hind.png' });
    const contactOf = async (conversationId: string) =>
      eventually(async () => {
        const conversation = await get<{ contact: { id: string; name: string | null } }>(`/api/v1/conversations/${conversationId}`);
        return conversation.body.contact.name ? conversation.body.contact : undefined;
      }, 'the profile to be fetched');
    const withPicture = await contactOf(await conversationWith(pictured));
    const withoutPicture = await contactOf(await conversationWith(elsewhere));
    const detail = await get<{ name: string; pictureUrl: string | null }>(`/api/v1/contacts/${withPicture.id}`);
    expect(detail.body).toMatchObject({ name: 'نورة القحطاني', pictureUrl: `/api/v1/contacts/${withPicture.id}/picture` });
    const served = await fetch(`${wasl.url}${detail.body.pictureUrl}`, { headers: { authorization: `Bearer ${organisation.adminToken}` } });
    expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await served.arrayBuffer()).equals(picture)).toBe(true);
    // Reads are written to the audit log in batches, a moment after the answer.
    await eventually(async () => {
      const audited: unknown[] = await wasl.dataSource.query(
        "SELECT 1 FROM audit_log WHERE subject_id = $1 AND action = 'contact.viewed' AND details::jsonb->>'part' = 'picture'",
        [withPicture.id],
      );
      return audited.length === 1;
    }, 'the picture read to be audited');
    // The name still comes; a picture outside Meta's hosts is not fetched.
    expect((await get<{ name: string; pictureUrl: string | null }>(`/api/v1/contacts/${withoutPicture.id}`)).body).toMatchObject({
      name: 'هند الشهري',
      pictureUrl: null,
    });
    expect((await fetch(`${wasl.url}/api/v1/contacts/${withPicture.id}/picture`)).status).toBe(401);
    const stranger = await wasl.createOrganisation();
    const foreign = await fetch(`${wasl.url}/api/v1/contacts/${withPicture.id}/picture`, {
      headers: { authorization: `Bearer ${stranger.adminToken}` },
    });
    expect(foreign.status).toBe(404);
    // Erasing the person removes the picture with the record.
    const erased = await wasl.request('POST', `/api/v1/contacts/${withPicture.id}/erase`, {
      token: organisation.adminToken,
      body: { mode: 'anonymise', confirm: withPicture.id },
    });
    expect(erased.status).toBe(200);
    const after = await fetch(`${wasl.url}/api/v1/contacts/${withPicture.id}/picture`, {
      headers: { authorization: `Bearer ${organisation.adminToken}` },
    });
    expect(after.status).toBe(404);
  });

  it('should store one message for one mid delivered five times in a row and five times at once, and refuse a forged signature', async () => {
    const sender = personId('1002');
    const inRow = await sandbox.graph.playPageInbound({ accountId, senderId: sender, text: 'مكرر', times: 5 });
    const atOnce = await sandbox.graph.playPageInbound({ accountId, senderId: sender, text: 'مكرر', times: 5, concurrently: true });
    expect([...inRow.statuses, ...atOnce.statuses]).toEqual(Array(10).fill(200));
    await wasl.conversationOfMessage(inRow.mid);
    await wasl.conversationOfMessage(atOnce.mid);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [counted]: Array<{ count: number }> = await wasl.dataSource.query(
      'SELECT count(*)::int AS count FROM messages WHERE inbox_id = $1 AND provider_message_id = ANY($2)',
      [inbox.id, [inRow.mid, atOnce.mid]],
    );
    expect(counted.count).toBe(2);
    const forged = await sandbox.graph.playPageInbound({ accountId, senderId: sender, text: 'مزور', signWith: 'guess' });
    expect(forged.statuses).toEqual([403]);
    expect(await wasl.dataSource.query('SELECT 1 FROM inbound_events WHERE provider_message_id = $1', [forged.mid])).toEqual([]);
  });

  it('should reply as a RESPONSE within 24 hours, with the HUMAN_AGENT tag after that, and refuse after 7 days', async () => {
    const sender = personId('1003');
    const conversationId = await conversationWith(sender);
    const first = await reply(conversationId, 'أهلاً، نعم التسجيل مفتوح');
    await eventually(async () => (await statusOf(first.body.id)).status === 'delivered', 'the reply to be delivered');
    expect(sandbox.graph.pageMessages.find((message) => message.text === 'أهلاً، نعم التسجيل مفتوح')).toMatchObject({
      recipientId: sender,
      messagingType: 'RESPONSE',
    });
    await wasl.dataSource.query(
      "UPDATE messages SET created_at = created_at - interval '30 hours' WHERE conversation_id = $1 AND type = 'inbound'",
      [conversationId],
    );
    const options = await get<{ window: { open: boolean; closesAt: string } }>(`/api/v1/conversations/${conversationId}/reply-options`);
    expect(options.body.window.open).toBe(true);
    const tagged = await reply(conversationId, 'متابعة بعد يوم');
    await eventually(async () => (await statusOf(tagged.body.id)).status === 'delivered', 'the tagged reply');
    expect(sandbox.graph.pageMessages.find((message) => message.text === 'متابعة بعد يوم')).toMatchObject({
      messagingType: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });
    await wasl.dataSource.query(
      "UPDATE messages SET created_at = created_at - interval '7 days' WHERE conversation_id = $1 AND type = 'inbound'",
      [conversationId],
    );
    const refused = await reply(conversationId, 'متأخر');
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ field: 'text', message: expect.stringContaining('7 days') }]);
  });

  it('should fail a reply to an unavailable person at once and retry one that hit the rate limit', async () => {
    const unavailable = await reply(await conversationWith(personId('0551')), 'رد');
    await eventually(async () => (await statusOf(unavailable.body.id)).status === 'failed', 'the refused reply to fail');
    expect(await statusOf(unavailable.body.id)).toMatchObject({ failureCode: 'RECIPIENT_INVALID' });
    const limitedSender = personId('0004');
    const limited = await reply(await conversationWith(limitedSender), 'رد بعد الانتظار');
    await eventually(async () => ['sent', 'delivered'].includes((await statusOf(limited.body.id)).status), 'the rate-limited reply');
    expect(sandbox.graph.pageMessages.filter((message) => message.recipientId === limitedSender)).toHaveLength(1);
  });

  it('should keep an image as an attachment', async () => {
    const played = await sandbox.graph.playPageInbound({
      accountId,
      senderId: personId('1005'),
      imageUrl: `${sandbox.url}/graph-media-files/photo-1`,
    });
    const conversationId = await wasl.conversationOfMessage(played.mid);
    expect((await messagesOf(conversationId))[0].attachments).toEqual([
      { url: `${sandbox.url}/graph-media-files/photo-1`, contentType: 'image/jpeg' },
    ]);
  });
});
