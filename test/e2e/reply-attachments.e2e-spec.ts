import { isValidSignature } from '@app/common';
import { JobName, JobQueue } from '@app/queue';
import { AttachmentStore } from '@app/storage';
import { randomUUID } from 'node:crypto';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { CallbackServer } from '../support/callback-server';
import { createTwilioInbox, receiveTwilioSms, saudiMobile, TwilioTestInbox } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { WebChatVisitor } from '../support/webchat-visitor';

const SITE = 'https://www.example.org';
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x41), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512, 3)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(900, 5)]);
// Visitors' links live two seconds here, and providers' three, so the suite watches them expire.
const VISITOR_LINK_SECONDS = 2;
const PROVIDER_LINK_SECONDS = 3;

interface Upload {
  id: string;
  conversationId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

interface StoredMessage {
  id: string;
  type: string;
  text: string;
  status: string | null;
  attachments: Array<{ url: string; fileName: string; contentType: string; sizeBytes: number }>;
}

interface Refusal {
  code?: string;
  fields?: Array<{ field: string; message: string }>;
}

describe('Officers attach files to replies: uploads, channel rules, signed links on web chat, the API channel and Twilio MMS', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 10 });
  const callbacks = new CallbackServer();
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let other: TestOrganisation;
  let webChatConversation: string;
  let visitor: WebChatVisitor;

  async function upload(conversationId: string, content: Buffer, fileName: string, token = organisation.adminToken) {
    const response = await fetch(`${wasl.url}/api/v1/conversations/${conversationId}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(fileName),
      },
      body: new Uint8Array(content),
    });
    return { status: response.status, body: (await response.json()) as Upload & Refusal };
  }

  const reply = (conversationId: string, body: Record<string, unknown>, token = organisation.adminToken) =>
    wasl.request<StoredMessage & Refusal>('POST', `/api/v1/conversations/${conversationId}/messages`, { token, body });

  async function uploaded(conversationId: string, content: Buffer, fileName: string): Promise<Upload> {
    const answer = await upload(conversationId, content, fileName);
    expect(answer.status).toBe(201);
    return answer.body;
  }

  beforeAll(async () => {
    await sandbox.start();
    await callbacks.start();
    wasl = await WaslTestApp.startOnPublicUrl({
      WEBCHAT_ATTACHMENT_LINK_SECONDS: String(VISITOR_LINK_SECONDS),
      REPLY_ATTACHMENT_LINK_SECONDS: String(PROVIDER_LINK_SECONDS),
    });
    organisation = await wasl.createOrganisation();
    other = await wasl.createOrganisation('جمعية أخرى');
    const inbox = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'webchat', name: `الموقع ${randomUUID().slice(0, 6)}`, settings: { allowedOrigins: [SITE] } },
    });
    expect(inbox.status).toBe(201);
    visitor = await WebChatVisitor.connect(
      wasl.url,
      { inboxId: inbox.body.id, profile: { name: 'سارة', phone: `05${Math.floor(10_000_000 + Math.random() * 89_999_999)}` } },
      SITE,
    );
    const sent = await visitor.send(`first-${randomUUID().slice(0, 6)}`, 'أرسلوا لي إفادة القبول لو سمحتم');
    webChatConversation = await eventually(async () => {
      const rows: Array<{ conversation_id: string }> = await wasl.dataSource.query('SELECT conversation_id FROM messages WHERE id = $1', [
        sent.id,
      ]);
      return rows[0]?.conversation_id;
    }, 'the visitor’s message to be stored');
  });

  afterAll(async () => {
    visitor?.close();
    await wasl.close();
    await callbacks.stop();
    await sandbox.stop();
  });

  it('should bring a PDF reply to the visitor’s socket with a working signed link that expires, and mint a fresh one in history', async () => {
    const pdf = await uploaded(webChatConversation, PDF, 'إفادة القبول.pdf');
    expect(pdf).toMatchObject({ conversationId: webChatConversation, fileName: 'إفادة القبول.pdf', contentType: 'application/pdf' });
    expect(pdf.sizeBytes).toBe(PDF.length);

    const answered = await reply(webChatConversation, { text: 'تفضلي الإفادة', attachmentIds: [pdf.id] });
    expect(answered.status).toBe(201);
    const [stored] = answered.body.attachments;
    // The row keeps a bare path, which opens nothing by itself.
    expect(stored).toEqual({
      url: expect.stringMatching(/^\/files\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.pdf$/),
      fileName: 'إفادة القبول.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect((await fetch(wasl.url + stored.url)).status).toBe(404);

    const received = await eventually(
      async () => visitor.received.find((message) => message.id === answered.body.id),
      'the reply on the socket',
    );
    expect(received).toMatchObject({ sender: 'agent', text: 'تفضلي الإفادة' });
    const link = received.attachments![0].url!;
    expect(link).toMatch(/^\/files\/.+\.pdf\?expires=\d{13}&signature=[0-9a-f]{64}$/);
    expect(received.attachments![0]).toMatchObject({ fileName: 'إفادة القبول.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
    const fetched = await fetch(new URL(link, wasl.url));
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('application/pdf');
    expect(fetched.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('إفادة القبول.pdf')}`);
    expect(fetched.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(PDF);
    // A forged expiry breaks the signature.
    const expires = Number(new URL(link, wasl.url).searchParams.get('expires'));
    expect((await fetch(new URL(link.replace(/expires=\d+/, `expires=${expires + 86_400_000}`), wasl.url))).status).toBe(404);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expires - Date.now()) + 300));
    expect((await fetch(new URL(link, wasl.url))).status).toBe(403);
    const fromHistory = (await visitor.history()).find((message) => message.id === answered.body.id);
    const fresh = await fetch(new URL(fromHistory!.attachments![0].url!, wasl.url));
    expect(fresh.status).toBe(200);
    expect(Buffer.from(await fresh.arrayBuffer())).toEqual(PDF);
  });

  it('should let staff open the reply’s file with their session through the message’s attachment route, audited', async () => {
    const image = await uploaded(webChatConversation, PNG, 'صورة.png');
    const answered = await reply(webChatConversation, { attachmentIds: [image.id] });
    expect(answered.status).toBe(201);
    expect(answered.body.text).toBe('');
    const staff = await fetch(`${wasl.url}/api/v1/conversations/${webChatConversation}/messages/${answered.body.id}/attachments/0`, {
      headers: { authorization: `Bearer ${organisation.adminToken}` },
    });
    expect(staff.status).toBe(200);
    expect(staff.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await staff.arrayBuffer())).toEqual(PNG);
    const audited: Array<{ action: string }> = await eventually(async () => {
      const rows: Array<{ action: string }> = await wasl.dataSource.query(
        "SELECT action FROM audit_log WHERE subject_id = $1 AND action IN ('attachment.downloaded', 'attachment.uploaded')",
        [webChatConversation],
      );
      return rows.some((row) => row.action === 'attachment.downloaded') && rows;
    }, 'the download to be audited');
    expect(audited.map((row) => row.action)).toContain('attachment.uploaded');
    // The conversation's list shows a file-only reply by its name.
    const conversation = await wasl.request<{ lastMessagePreview: string }>('GET', `/api/v1/conversations/${webChatConversation}`, {
      token: organisation.adminToken,
    });
    expect(conversation.body.lastMessagePreview).toBe('📎 صورة.png');
  });

  it('should refuse a file by its bytes, not its name, one over the channel’s size, and no name, each on its field', async () => {
    const page = await upload(webChatConversation, Buffer.from('<html><script>alert(1)</script></html>'), 'report.pdf');
    expect(page.status).toBe(400);
    expect(page.body.fields).toEqual([{ field: 'file', message: expect.stringContaining('told by its content') }]);

    const tooLarge = await upload(webChatConversation, Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]), 'كبير.pdf');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.fields).toEqual([{ field: 'file', message: 'must be at most 5 MB' }]);
    // Streamed without a declared length, the store stops at the limit.
    const streamed = await fetch(`${wasl.url}/api/v1/conversations/${webChatConversation}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${organisation.adminToken}`, 'content-type': 'application/octet-stream', 'x-file-name': 'big.pdf' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(PDF));
          for (let index = 0; index < 6; index += 1) controller.enqueue(new Uint8Array(1024 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);

    const nameless = await fetch(`${wasl.url}/api/v1/conversations/${webChatConversation}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${organisation.adminToken}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(PDF),
    });
    expect(nameless.status).toBe(400);
    expect(((await nameless.json()) as Refusal).fields?.map((problem) => problem.field)).toEqual(['fileName']);
    const rows: Array<{ count: string }> = await wasl.dataSource.query(
      "SELECT count(*)::text AS count FROM attachment_uploads WHERE conversation_id = $1 AND file_name IN ('report.pdf', 'كبير.pdf', 'big.pdf')",
      [webChatConversation],
    );
    expect(rows[0].count).toBe('0');
  });

  it('should refuse another organisation’s upload, another conversation’s, one used twice and too many for the channel', async () => {
    const theirInbox = await wasl.createApiInbox(other.adminToken);
    const messageId = `theirs-${randomUUID()}`;
    expect((await wasl.postSigned(theirInbox, { messageId, from: { id: `user-${randomUUID()}` }, text: 'مرحبا' })).status).toBe(202);
    const theirConversation = await wasl.conversationOfMessage(messageId);
    const theirs = await upload(theirConversation, PDF, 'لهم.pdf', other.adminToken);
    expect(theirs.status).toBe(201);
    // Their conversation is not ours to upload to, and their upload is not ours to attach.
    expect((await upload(theirConversation, PDF, 'x.pdf')).status).toBe(404);
    const foreign = await reply(webChatConversation, { text: 'مرفق', attachmentIds: [theirs.body.id] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields).toEqual([{ field: 'attachmentIds', message: expect.stringContaining('not one of this conversation') }]);

    const once = await uploaded(webChatConversation, JPEG, 'مرة.jpg');
    expect((await reply(webChatConversation, { text: 'الأولى', attachmentIds: [once.id] })).status).toBe(201);
    const twice = await reply(webChatConversation, { text: 'الثانية', attachmentIds: [once.id] });
    expect(twice.status).toBe(400);
    expect(twice.body.fields).toEqual([{ field: 'attachmentIds', message: expect.stringContaining('already attached') }]);

    const six = [];
    for (let index = 0; index < 6; index += 1) six.push((await uploaded(webChatConversation, PNG, `${index}.png`)).id);
    const many = await reply(webChatConversation, { text: 'صور', attachmentIds: six });
    expect(many.status).toBe(400);
    expect(many.body.fields).toEqual([{ field: 'attachments', message: 'Web chat carries at most 5 files in one reply' }]);
    // Nothing was taken: the same uploads can still go, five of them.
    expect((await reply(webChatConversation, { text: 'صور', attachmentIds: six.slice(0, 5) })).status).toBe(201);
    expect((await reply(webChatConversation, { text: '   ' })).body.fields).toEqual([{ field: 'text', message: 'text must not be blank' }]);
  });

  it('should put a download link in the API channel’s signed callback that fetches the file until it expires', async () => {
    const inbox = await wasl.createApiInbox(organisation.adminToken, callbacks.url);
    const messageId = `app-${randomUUID()}`;
    expect((await wasl.postSigned(inbox, { messageId, from: { id: `user-${randomUUID()}` }, text: 'أين وصل طلبي؟' })).status).toBe(202);
    const conversationId = await wasl.conversationOfMessage(messageId);
    const rules = await wasl.request<{ reply: { maxCount: number } | null }>(
      'GET',
      `/api/v1/conversations/${conversationId}/attachment-rules`,
      {
        token: organisation.adminToken,
      },
    );
    expect(rules.body.reply).toMatchObject({ maxCount: 10 });
    const pdf = await uploaded(conversationId, PDF, 'قرار اللجنة.pdf');
    const answered = await reply(conversationId, { text: 'صدر قرار اللجنة', attachmentIds: [pdf.id] });
    expect(answered.status).toBe(201);

    const [callback] = await eventually(
      async () => callbacks.forMessage(answered.body.id).length > 0 && callbacks.forMessage(answered.body.id),
      'the callback',
    );
    expect(isValidSignature(Buffer.from(callback.body), inbox.secret, callback.signature)).toBe(true);
    const body = JSON.parse(callback.body) as {
      text: string;
      attachments: Array<{ id: string; url: string; expiresAt: string; fileName: string }>;
    };
    expect(body.text).toBe('صدر قرار اللجنة');
    expect(body.attachments).toEqual([
      {
        id: pdf.id,
        url: expect.stringMatching(new RegExp(`^${wasl.url}/files/.+\\.pdf\\?expires=\\d{13}&signature=[0-9a-f]{64}$`)),
        expiresAt: expect.any(String),
        contentType: 'application/pdf',
        fileName: 'قرار اللجنة.pdf',
        sizeBytes: PDF.length,
      },
    ]);
    const [attachment] = body.attachments;
    expect(Number(new URL(attachment.url).searchParams.get('expires'))).toBe(Date.parse(attachment.expiresAt));
    const downloaded = await fetch(attachment.url);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer())).toEqual(PDF);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(attachment.expiresAt) - Date.now()) + 300));
    expect((await fetch(attachment.url)).status).toBe(403);
  });

  describe('SMS', () => {
    let twilio: TwilioTestInbox;

    beforeAll(async () => {
      twilio = await createTwilioInbox(wasl, organisation.adminToken, 'sms', sandbox.url);
    });

    it('should send a Twilio SMS reply’s photo as a mediaUrl that the sandbox fetches, by GET and HEAD', async () => {
      const from = saudiMobile('4001');
      await receiveTwilioSms(wasl, twilio, from, 'أرسلوا لي صورة الإيصال');
      const conversationId: string = (
        await wasl.dataSource.query(
          `SELECT conversation.id FROM conversations conversation JOIN contacts contact ON contact.id = conversation.contact_id
           WHERE conversation.inbox_id = $1 AND contact.phone = $2`,
          [twilio.id, from],
        )
      )[0].id;
      const photo = await uploaded(conversationId, JPEG, 'receipt.jpg');
      const answered = await reply(conversationId, { text: 'تفضل الإيصال', attachmentIds: [photo.id] });
      expect(answered.status).toBe(201);

      const atSandbox = await eventually(
        async () => sandbox.messages.find((message) => message.to === from && message.media),
        'the MMS at the sandbox',
      );
      expect(atSandbox).toMatchObject({ provider: 'twilio', body: 'تفضل الإيصال' });
      expect(atSandbox.media).toEqual([
        {
          url: expect.stringMatching(
            new RegExp(`^${wasl.url}/files/${twilio.id}/${conversationId}/${photo.id}\\.jpg\\?expires=\\d{13}&signature=`),
          ),
          httpStatus: 200,
          contentType: 'image/jpeg',
          sizeBytes: JPEG.length,
          contentDisposition: "inline; filename*=UTF-8''receipt.jpg",
        },
      ]);
      // Twilio also checks the type with HEAD before it sends.
      const head = await fetch(atSandbox.media![0].url, { method: 'HEAD' });
      expect([head.status, head.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
      await eventually(async () => {
        const rows: Array<{ status: string }> = await wasl.dataSource.query('SELECT status FROM messages WHERE id = $1', [
          answered.body.id,
        ]);
        return rows[0]?.status === 'delivered';
      }, 'the MMS to be delivered');
    });

    it('should refuse a reply with a file on a Unifonic inbox with a 400 naming attachments, and keep it in a private note', async () => {
      const created = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
        token: organisation.adminToken,
        body: {
          channel: 'sms',
          provider: 'unifonic',
          name: `unifonic ${randomUUID().slice(0, 6)}`,
          settings: { appSid: `app-${randomUUID()}`, senderId: 'Jameiati', apiBaseUrl: sandbox.url },
        },
      });
      expect(created.status).toBe(201);
      const started = await wasl.request<{ conversation: { id: string } }>('POST', '/api/v1/outreach/sms', {
        token: organisation.adminToken,
        body: { inboxId: created.body.id, phone: saudiMobile('4002'), text: 'موعد المقابلة غداً' },
      });
      expect(started.status).toBe(201);
      const conversationId = started.body.conversation.id;
      const rules = await wasl.request<{ reply: unknown; upload: { maxBytes: number } }>(
        'GET',
        `/api/v1/conversations/${conversationId}/attachment-rules`,
        {
          token: organisation.adminToken,
        },
      );
      expect(rules.body.reply).toBeNull();
      expect(rules.body.upload.maxBytes).toBe(10 * 1024 * 1024);

      const scan = await uploaded(conversationId, PDF, 'تقرير البحث.pdf');
      const refused = await reply(conversationId, { text: 'مرفق التقرير', attachmentIds: [scan.id] });
      expect(refused.status).toBe(400);
      expect(refused.body.fields).toEqual([{ field: 'attachments', message: expect.stringContaining('Unifonic SMS cannot carry files') }]);
      const note = await reply(conversationId, { text: 'التقرير للزملاء', private: true, attachmentIds: [scan.id] });
      expect(note.status).toBe(201);
      expect(note.body).toMatchObject({ type: 'note', status: null, attachments: [{ fileName: 'تقرير البحث.pdf' }] });
      const sentToUnifonic = sandbox.messages.filter((message) => message.provider === 'unifonic' && message.body.includes('التقرير'));
      expect(sentToUnifonic).toEqual([]);
    });
  });

  it('should sweep uploads no message took within a day, through the maintenance queue, and keep attached ones', async () => {
    const abandoned = await uploaded(webChatConversation, PNG, 'متروك.png');
    const kept = await uploaded(webChatConversation, PNG, 'مرسل.png');
    expect((await reply(webChatConversation, { text: 'صورة', attachmentIds: [kept.id] })).status).toBe(201);
    const fresh = await uploaded(webChatConversation, PNG, 'جديد.png');
    await wasl.dataSource.query("UPDATE attachment_uploads SET created_at = now() - interval '25 hours' WHERE id IN ($1, $2)", [
      abandoned.id,
      kept.id,
    ]);
    const store = wasl.app.get(AttachmentStore);
    const keyOf = (upload: Upload) =>
      wasl.dataSource
        .query('SELECT inbox_id FROM attachment_uploads WHERE id = $1', [upload.id])
        .then((rows: Array<{ inbox_id: string }>) => `${rows[0].inbox_id}/${webChatConversation}/${upload.id}.png`);
    const abandonedKey = await keyOf(abandoned);
    expect(await store.size(abandonedKey)).toBe(PNG.length);

    await wasl.app.get(JobQueue).enqueue(JobName.SweepAttachmentUploads, {});
    await eventually(async () => {
      const rows: Array<{ id: string }> = await wasl.dataSource.query('SELECT id FROM attachment_uploads WHERE id = $1', [abandoned.id]);
      return rows.length === 0;
    }, 'the abandoned upload to be swept');
    expect(await store.size(abandonedKey)).toBeUndefined();
    expect(await store.size(await keyOf(kept))).toBe(PNG.length);
    expect(await store.size(await keyOf(fresh))).toBe(PNG.length);
  });
  it('should remove an erased person’s reply files and uploads with their conversations', async () => {
    const inbox = await wasl.createApiInbox(organisation.adminToken, callbacks.url);
    const messageId = `erased-${randomUUID()}`;
    expect((await wasl.postSigned(inbox, { messageId, from: { id: `user-${randomUUID()}` }, text: 'احذفوا بياناتي' })).status).toBe(202);
    const conversationId = await wasl.conversationOfMessage(messageId);
    const sent = await uploaded(conversationId, PDF, 'مرسل.pdf');
    expect((await reply(conversationId, { text: 'مرفق', attachmentIds: [sent.id] })).status).toBe(201);
    const kept = await uploaded(conversationId, PNG, 'لم يرسل.png');
    const store = wasl.app.get(AttachmentStore);
    const keys = [`${inbox.id}/${conversationId}/${sent.id}.pdf`, `${inbox.id}/${conversationId}/${kept.id}.png`];
    for (const key of keys) expect(await store.size(key)).toBeGreaterThan(0);
    const [{ contact_id: contactId }]: Array<{ contact_id: string }> = await wasl.dataSource.query(
      'SELECT contact_id FROM conversations WHERE id = $1',
      [conversationId],
    );
    const erased = await wasl.request('POST', `/api/v1/contacts/${contactId}/erase`, {
      token: organisation.adminToken,
      body: { mode: 'delete', confirm: contactId },
    });
    expect(erased.status).toBe(200);
    for (const key of keys) expect(await store.size(key)).toBeUndefined();
    const rows: unknown[] = await wasl.dataSource.query('SELECT id FROM attachment_uploads WHERE conversation_id = $1', [conversationId]);
    expect(rows).toEqual([]);
  });
});
