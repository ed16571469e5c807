import { randomBytes, randomUUID } from 'node:crypto';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { uploadReplyAttachment } from '../support/reply-attachment.helper';
import { createTwilioInbox, receiveTwilioSms, saudiMobile } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface MessageItem {
  id: string;
  text: string;
  type: string;
  status: string | null;
  failureCode: string | null;
  failureReason: string | null;
  providerMessageId: string | null;
  attachments: Array<{ url?: string; contentType?: string; sizeBytes?: number; voice?: boolean; providerMediaId?: string }>;
}
interface ReplyOptions {
  window: { open: boolean; closesAt: string | null; whenClosed: string } | null;
  templates: Array<{ id: string; name: string; language: string; parameterCount: number; body: string }>;
}

const ARABIC_TEXT = 'السلام عليكم، أرغب في الاستفسار عن موعد صرف المساعدة';
// The smallest valid PNG and an Ogg page header: what matters is that the bytes arrive intact.
const IMAGE = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const VOICE = Buffer.concat([Buffer.from('OggS'), randomBytes(64)]);

describe('WhatsApp Cloud API, end to end against the Graph sandbox', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string; secret: string };
  const phoneNumberId = String(100_000_000_000 + Math.floor(Math.random() * 1e9));
  const appSecret = randomBytes(16).toString('hex');
  const verifyToken = `verify-${randomBytes(8).toString('hex')}`;

  beforeAll(async () => {
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl();
    organisation = await wasl.createOrganisation();
    const created = await wasl.request<{ id: string; secret: string; webhookUrls: Array<{ purpose: string; url: string }> }>(
      'POST',
      '/api/v1/inboxes',
      {
        token: organisation.adminToken,
        body: {
          channel: 'whatsapp',
          provider: 'cloud',
          name: `WhatsApp ${randomUUID().slice(0, 6)}`,
          settings: {
            phoneNumberId,
            wabaId: '102290129340398',
            accessToken: 'EAAG-sandbox',
            appSecret,
            verifyToken,
            apiBaseUrl: sandbox.url,
          },
        },
      },
    );
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    inbox = created.body;
    expect(created.body.webhookUrls).toEqual([
      { purpose: 'whatsAppCloudCallback', url: `${wasl.url}/webhooks/whatsapp/${inbox.id}`, needsToken: false },
    ]);
    sandbox.graph.registerWhatsAppNumber({
      phoneNumberId,
      wabaId: '102290129340398',
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
  const reply = (conversationId: string, text: string) =>
    wasl.request<MessageItem & { fields?: Array<{ field: string; message: string }> }>(
      'POST',
      `/api/v1/conversations/${conversationId}/messages`,
      {
        token: organisation.adminToken,
        body: { text },
      },
    );
  const messageRow = (id: string) =>
    eventually(async () => {
      const items: MessageItem[] = await wasl.dataSource.query(
        'SELECT status, failure_code AS "failureCode", failure_reason AS "failureReason" FROM messages WHERE id = $1',
        [id],
      );
      return items[0];
    }, `message ${id}`);

  async function conversationWith(from: string, text = ARABIC_TEXT): Promise<string> {
    const played = await sandbox.graph.playWhatsAppInbound({ phoneNumberId, from, name: 'نورة', text });
    expect(played.statuses).toEqual([200]);
    return wasl.conversationOfMessage(played.messageId);
  }

  it("should answer Meta's verification challenge only with the verify token", async () => {
    const challenge = (token: string) =>
      fetch(
        `${wasl.url}/webhooks/whatsapp/${inbox.id}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${encodeURIComponent(token)}`,
      );
    const right = await challenge(verifyToken);
    expect([right.status, await right.text()]).toEqual([200, '1158201444']);
    expect((await challenge('meatyhamhock')).status).toBe(403);
  });

  it('should turn an Arabic WhatsApp message into a conversation of the sender, known by their phone number', async () => {
    const from = saudiMobile('1001');
    const conversationId = await conversationWith(from);
    const conversation = await get<{ channel: string; contact: { phone: string; name: string } }>(
      `/api/v1/conversations/${conversationId}`,
    );
    expect(conversation.body).toMatchObject({ channel: 'whatsapp', contact: { phone: from, name: 'نورة' } });
    expect(await messagesOf(conversationId)).toEqual([expect.objectContaining({ type: 'inbound', text: ARABIC_TEXT })]);
  });

  it('should store one message for one wamid delivered five times in a row and five times at once', async () => {
    const from = saudiMobile('1002');
    const inRow = await sandbox.graph.playWhatsAppInbound({ phoneNumberId, from, text: 'مكرر', times: 5 });
    const atOnce = await sandbox.graph.playWhatsAppInbound({ phoneNumberId, from, text: 'مكرر', times: 5, concurrently: true });
    expect([...inRow.statuses, ...atOnce.statuses]).toEqual(Array(10).fill(200));
    await wasl.conversationOfMessage(inRow.messageId);
    await wasl.conversationOfMessage(atOnce.messageId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [counts]: Array<{ events: number; messages: number }> = await wasl.dataSource.query(
      `SELECT (SELECT count(*)::int FROM inbound_events WHERE inbox_id = $1 AND provider_message_id = ANY($2)) AS events,
              (SELECT count(*)::int FROM messages WHERE inbox_id = $1 AND provider_message_id = ANY($2)) AS messages`,
      [inbox.id, [inRow.messageId, atOnce.messageId]],
    );
    expect(counts).toEqual({ events: 2, messages: 2 });
  });

  it('should refuse a forged or missing signature before anything is stored', async () => {
    const forged = await sandbox.graph.playWhatsAppInbound({
      phoneNumberId,
      from: saudiMobile('1003'),
      text: 'مزور',
      signWith: 'not-the-secret',
    });
    expect(forged.statuses).toEqual([403]);
    const unsigned = await fetch(`${wasl.url}/webhooks/whatsapp/${inbox.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ object: 'whatsapp_business_account', entry: [] }),
    });
    expect(unsigned.status).toBe(403);
    const stored: unknown[] = await wasl.dataSource.query('SELECT 1 FROM inbound_events WHERE provider_message_id = $1', [
      forged.messageId,
    ]);
    expect(stored).toEqual([]);
  });

  it('should deliver a reply and follow its statuses to read, also when they arrive out of order and twice', async () => {
    for (const lastFour of ['1004', '0777']) {
      const from = saudiMobile(lastFour);
      const conversationId = await conversationWith(from);
      const sent = await reply(conversationId, 'وعليكم السلام، سيصلكم الرد قريباً');
      expect(sent.status).toBe(201);
      await eventually(async () => (await messageRow(sent.body.id)).status === 'read', `reply to ${lastFour} to be read`);
      const delivered = sandbox.graph.sent.find((message) => message.to === from.slice(1));
      expect(delivered?.body).toMatchObject({ type: 'text', text: { body: 'وعليكم السلام، سيصلكم الرد قريباً' } });
      // Every status was answered, and none moved the message backwards.
      await eventually(async () => (delivered?.statuses.length ?? 0) >= (lastFour === '0777' ? 4 : 3), 'every status to be posted');
      expect(delivered?.statuses.every((status) => status.httpStatus === 200)).toBe(true);
      expect((await messageRow(sent.body.id)).status).toBe('read');
    }
  });

  it('should fail a permanently refused reply at once, retry a rate-limited one until it is sent, and keep a failed status reason', async () => {
    const undeliverable = await conversationWith(saudiMobile('0400'));
    const refused = await reply(undeliverable, 'رد');
    const failed = await eventually(async () => {
      const row = await messageRow(refused.body.id);
      return row.status === 'failed' && row;
    }, 'the refused reply to fail');
    expect(failed).toMatchObject({ failureCode: 'RECIPIENT_INVALID', failureReason: expect.stringContaining('could not be delivered') });

    const limitedNumber = saudiMobile('0429');
    const limited = await reply(await conversationWith(limitedNumber), 'رد بعد الانتظار');
    await eventually(
      async () => ['sent', 'delivered', 'read'].includes((await messageRow(limited.body.id)).status ?? ''),
      'the rate-limited reply to go out',
    );
    expect(sandbox.graph.sent.filter((message) => message.to === limitedNumber.slice(1))).toHaveLength(1);

    const held = await reply(await conversationWith(saudiMobile('0049')), 'رد');
    const heldRow = await eventually(async () => {
      const row = await messageRow(held.body.id);
      return row.status === 'failed' && row;
    }, 'the failed status to apply');
    expect(heldRow).toMatchObject({ failureCode: '131049', failureReason: expect.stringContaining('protect engagement') });
  });

  it('should refuse free text outside the 24-hour window and send an approved template with its parameters instead', async () => {
    const from = saudiMobile('1005');
    const conversationId = await conversationWith(from);
    const open = await get<ReplyOptions>(`/api/v1/conversations/${conversationId}/reply-options`);
    expect(open.body.window).toMatchObject({ open: true, whenClosed: 'template' });
    expect(Date.parse(open.body.window!.closesAt!) - Date.now()).toBeGreaterThan(23 * 3600_000);
    // The beneficiary wrote 25 hours ago.
    await wasl.dataSource.query("UPDATE messages SET created_at = created_at - interval '25 hours' WHERE conversation_id = $1", [
      conversationId,
    ]);
    const refused = await reply(conversationId, 'رد حر');
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ field: 'text', message: expect.stringContaining('24 hours') }]);

    await eventually(
      async () => (await get<ReplyOptions>(`/api/v1/conversations/${conversationId}/reply-options`)).body.templates.length > 0,
      'templates to be synced',
    );
    const options = await get<ReplyOptions>(`/api/v1/conversations/${conversationId}/reply-options`);
    expect(options.body.window).toMatchObject({ open: false });
    // Only approved templates are offered (the sandbox also lists a pending one).
    expect(options.body.templates.map((template) => template.name).sort()).toEqual(['appointment_reminder', 'request_update']);
    const template = options.body.templates.find((candidate) => candidate.name === 'request_update')!;
    const wrongCount = await wasl.request<{ fields: unknown[] }>('POST', `/api/v1/conversations/${conversationId}/messages/template`, {
      token: organisation.adminToken,
      body: { templateId: template.id, parameters: ['نورة'] },
    });
    expect(wrongCount.status).toBe(400);
    expect(wrongCount.body.fields).toEqual([{ field: 'parameters', message: 'must have 2 values, one per placeholder' }]);
    const sent = await wasl.request<MessageItem>('POST', `/api/v1/conversations/${conversationId}/messages/template`, {
      token: organisation.adminToken,
      body: { templateId: template.id, parameters: ['نورة', '١٠٤٢'] },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.text).toBe('مرحباً نورة، طلبك رقم ١٠٤٢ قيد الدراسة.');
    await eventually(async () => (await messageRow(sent.body.id)).status === 'read', 'the template to be read');
    expect(sandbox.graph.sent.find((message) => message.to === from.slice(1))?.body).toMatchObject({
      type: 'template',
      template: {
        name: 'request_update',
        language: { code: 'ar' },
        components: [{ type: 'body', parameters: [{ text: 'نورة' }, { text: '١٠٤٢' }] }],
      },
    });
  });

  it("should apply a template's status change from its webhook", async () => {
    await eventually(async () => (await get<unknown[]>(`/api/v1/inboxes/${inbox.id}/templates`)).body.length > 0, 'templates to be synced');
    expect(
      await sandbox.graph.playTemplateStatus({
        phoneNumberId,
        name: 'appointment_reminder',
        language: 'ar',
        event: 'PAUSED',
        reason: 'LOW_QUALITY',
      }),
    ).toBe(200);
    const templates = await get<Array<{ name: string; status: string; statusReason: string | null }>>(
      `/api/v1/inboxes/${inbox.id}/templates`,
    );
    expect(templates.body.find((template) => template.name === 'appointment_reminder')).toMatchObject({
      status: 'paused',
      statusReason: 'LOW_QUALITY',
    });
  });

  it('should store a voice note and an image as attachments that staff download intact', async () => {
    const from = saudiMobile('1006');
    const voice = await sandbox.graph.playWhatsAppInbound({ phoneNumberId, from, voice: { content: VOICE, mimeType: 'audio/ogg' } });
    const image = await sandbox.graph.playWhatsAppInbound({
      phoneNumberId,
      from,
      image: { content: IMAGE, mimeType: 'image/png', caption: 'صورة الهوية' },
    });
    const conversationId = await wasl.conversationOfMessage(voice.messageId);
    const stored = await eventually(async () => {
      const items = await messagesOf(conversationId);
      return items.length === 2 && items.every((item) => item.attachments[0]?.url) && items;
    }, 'both files to be fetched');
    const voiceMessage = stored.find((item) => item.providerMessageId === voice.messageId)!;
    const imageMessage = stored.find((item) => item.providerMessageId === image.messageId)!;
    expect(voiceMessage.attachments).toEqual([expect.objectContaining({ contentType: 'audio/ogg', voice: true, sizeBytes: VOICE.length })]);
    expect(imageMessage).toMatchObject({
      text: 'صورة الهوية',
      attachments: [expect.objectContaining({ contentType: 'image/png', sizeBytes: IMAGE.length })],
    });
    expect(voiceMessage.attachments[0].providerMediaId).toBeUndefined();
    for (const [message, bytes] of [
      [voiceMessage, VOICE],
      [imageMessage, IMAGE],
    ] as const) {
      const download = await fetch(`${wasl.url}/api/v1/conversations/${conversationId}/messages/${message.id}/media/0`, {
        headers: { authorization: `Bearer ${organisation.adminToken}` },
      });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    }
    const other = await wasl.createOrganisation('جمعية أخرى');
    const outsider = await fetch(`${wasl.url}/api/v1/conversations/${conversationId}/messages/${voiceMessage.id}/media/0`, {
      headers: { authorization: `Bearer ${other.adminToken}` },
    });
    expect(outsider.status).toBe(404);
  });

  it('should know the same person on WhatsApp and SMS as one contact', async () => {
    const from = saudiMobile('1007');
    const conversationId = await conversationWith(from);
    const whatsAppContact = (await get<{ contact: { id: string } }>(`/api/v1/conversations/${conversationId}`)).body.contact.id;
    const sms = await createTwilioInbox(wasl, organisation.adminToken, 'sms', sandbox.url);
    expect(await receiveTwilioSms(wasl, sms, from, 'نفس الشخص عبر الرسائل النصية')).toBe(whatsAppContact);
  });

  it('should send a photo an officer attaches by uploading it to Meta, and refuse what WhatsApp cannot carry', async () => {
    const from = saudiMobile('1008');
    const conversationId = await conversationWith(from);
    const token = organisation.adminToken;
    const refused = await uploadReplyAttachment(wasl, token, conversationId, Buffer.from('#!/bin/sh\necho hi'), 'run.sh');
    expect(refused.status).toBe(400);
    expect(refused.body.fields?.map((problem) => problem.field)).toEqual(['file']);
    const first = await uploadReplyAttachment(wasl, token, conversationId, IMAGE, 'receipt.png');
    const second = await uploadReplyAttachment(wasl, token, conversationId, IMAGE, 'copy.png');
    expect([first.status, second.status]).toEqual([201, 201]);
    const reply = (body: Record<string, unknown>) =>
      wasl.request<MessageItem & { fields?: unknown[] }>('POST', `/api/v1/conversations/${conversationId}/messages`, { token, body });
    // One file per WhatsApp message, and the text is its caption: WhatsApp's own limits, before anything is queued.
    expect((await reply({ text: 'x', attachmentIds: [first.body.id, second.body.id] })).body.fields).toEqual([
      { field: 'attachments', message: 'WhatsApp Cloud API carries at most 1 files in one reply' },
    ]);
    expect((await reply({ text: 'ن'.repeat(1025), attachmentIds: [first.body.id] })).body.fields).toEqual([
      { field: 'text', message: expect.stringContaining('at most 1024 characters') },
    ]);
    const sent = await reply({ text: 'إيصال الاستلام', attachmentIds: [first.body.id] });
    expect(sent.status).toBe(201);
    await eventually(async () => (await messageRow(sent.body.id)).status === 'read', 'the photo to be read');
    const delivered = sandbox.graph.sent.find((entry) => entry.to === from.slice(1));
    const uploaded = sandbox.graph.uploads.find((entry) => entry.id === (delivered?.body as { image?: { id?: string } }).image?.id);
    expect(delivered?.body).toMatchObject({ type: 'image', image: { caption: 'إيصال الاستلام' } });
    expect(uploaded).toMatchObject({ phoneNumberId, mimeType: 'image/png' });
    expect(uploaded!.bytes).toBeGreaterThan(IMAGE.length);
  });
});
