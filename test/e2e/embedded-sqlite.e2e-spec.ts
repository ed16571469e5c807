import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReplyAttachmentsService } from '@app/conversations';
import { UserRole } from '@app/identity';
import { CallbackServer } from '../support/callback-server';
import { dayFromToday, PDF_BYTES, PNG_BYTES, RENT_SUPPORT_TYPE, uploadDocument, VALID_VALUES } from '../support/support-request.helper';
import { pendingSchemaChanges } from '../support/schema-drift';
import { eventually, WaslTestApp } from '../support/wasl-test-app';

// The laptop install: no DATABASE_URL, so the same code runs on the embedded SQLite file.
describe('Embedded mode on SQLite (one process, gateway and worker)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'wasl-sqlite-'));
  const callbacks = new CallbackServer();
  let wasl: WaslTestApp;

  beforeAll(async () => {
    await callbacks.start();
    wasl = await WaslTestApp.start({ DATABASE_URL: '', SQLITE_PATH: join(directory, 'wasl.sqlite') });
  });

  afterAll(async () => {
    await wasl.close();
    await callbacks.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('should create the whole schema from the SQLite migrations, matching the entities', async () => {
    expect(wasl.dataSource.options.type).toBe('better-sqlite3');
    expect(await pendingSchemaChanges(wasl.dataSource)).toEqual([]);
  });

  it('should ingest, deduplicate, reopen and reply exactly as on PostgreSQL', async () => {
    const organisation = await wasl.createOrganisation();
    const inbox = await wasl.createApiInbox(organisation.adminToken, callbacks.url);
    const from = { id: 'laptop-user', name: 'خالد', phone: '966501234567' };
    const copies = await Promise.all(Array.from({ length: 5 }, () => wasl.postSigned(inbox, { messageId: 'same-1', from, text: 'مرحبا' })));
    expect(copies.map((copy) => copy.status)).toEqual([202, 202, 202, 202, 202]);
    await wasl.postSigned(inbox, { messageId: 'same-2', from, text: 'رسالة ثانية' });

    const page = await eventually(async () => {
      const response = await wasl.request<{ items: { id: string; contact: { phone: string } }[] }>('GET', '/api/v1/conversations', {
        token: organisation.adminToken,
      });
      const [conversation] = response.body.items;
      if (!conversation) return undefined;
      const messages = await wasl.request<{ items: { text: string }[] }>('GET', `/api/v1/conversations/${conversation.id}/messages`, {
        token: organisation.adminToken,
      });
      return messages.body.items.length === 2 && { conversation, messages: messages.body.items };
    }, 'two messages on SQLite');
    expect(page.conversation.contact.phone).toBe('+966501234567');
    expect(page.messages.map((message) => message.text)).toEqual(['مرحبا', 'رسالة ثانية']);
    // The same Arabic-forgiving search as PostgreSQL, from the function registered on the SQLite connection.
    for (const q of ['رساله ثانيه', 'خالد', '0501234567']) {
      const found = await wasl.request<{ items: { id: string }[] }>('GET', `/api/v1/conversations?q=${encodeURIComponent(q)}`, {
        token: organisation.adminToken,
      });
      expect(found.body.items.map((item) => item.id)).toEqual([page.conversation.id]);
    }
    const none = await wasl.request<{ items: unknown[] }>('GET', '/api/v1/conversations?q=_', { token: organisation.adminToken });
    expect(none.body.items).toEqual([]);

    // Unread counts, the read marker and labels over SQLite's text dates and JSON text.
    const token = organisation.adminToken;
    const listed = async (query = '') =>
      (await wasl.request<{ items: Array<{ id: string; unreadCount: number }> }>('GET', `/api/v1/conversations${query}`, { token })).body
        .items;
    expect((await listed())[0].unreadCount).toBe(2);
    expect((await wasl.request('GET', '/api/v1/conversations/unread', { token })).body).toEqual({
      messages: 2,
      conversations: 1,
      more: false,
    });
    expect((await wasl.request('POST', `/api/v1/conversations/${page.conversation.id}/read`, { token })).status).toBe(200);
    expect((await listed())[0].unreadCount).toBe(0);
    expect((await wasl.request('GET', '/api/v1/conversations/unread', { token })).body).toMatchObject({ messages: 0 });
    const labelled = await wasl.request('POST', `/api/v1/conversations/${page.conversation.id}/labels`, {
      token,
      body: { label: 'مساعدة_سكنية' },
    });
    expect(labelled.status).toBe(200);
    expect((await listed(`?label=${encodeURIComponent('مساعدة_سكنية')}`)).map((item) => item.id)).toEqual([page.conversation.id]);
    expect(await listed(`?label=${encodeURIComponent('مساعدة')}`)).toEqual([]);
    const labels = await wasl.request<{ items: unknown[] }>('GET', '/api/v1/conversations/labels', { token });
    expect(labels.body.items).toEqual([{ label: 'مساعدة_سكنية', conversations: 1 }]);

    const reply = await wasl.request<{ id: string }>('POST', `/api/v1/conversations/${page.conversation.id}/messages`, {
      token: organisation.adminToken,
      body: { text: 'وعليكم السلام' },
    });
    await eventually(async () => callbacks.forMessage(reply.body.id).length === 1, 'callback on SQLite');
    await eventually(async () => {
      const messages = await wasl.request<{ items: { id: string; status: string }[] }>(
        'GET',
        `/api/v1/conversations/${page.conversation.id}/messages`,
        {
          token: organisation.adminToken,
        },
      );
      return messages.body.items.find((message) => message.id === reply.body.id)?.status === 'sent';
    }, 'reply marked sent on SQLite');

    await wasl.request('PATCH', `/api/v1/conversations/${page.conversation.id}`, {
      token: organisation.adminToken,
      body: { status: 'resolved' },
    });
    await wasl.postSigned(inbox, { messageId: 'same-3', from, text: 'عدت' });
    await eventually(async () => {
      const response = await wasl.request<{ status: string }>('GET', `/api/v1/conversations/${page.conversation.id}`, {
        token: organisation.adminToken,
      });
      return response.body.status === 'open';
    }, 'reopened on SQLite');
  });

  it('should take an officer’s file on a reply once, link it in the callback and sweep an abandoned upload on SQLite', async () => {
    const organisation = await wasl.createOrganisation('جمعية المرفقات المضمنة');
    const token = organisation.adminToken;
    const inbox = await wasl.createApiInbox(token, callbacks.url);
    await wasl.postSigned(inbox, { messageId: 'files-1', from: { id: 'laptop-files' }, text: 'أرسلوا لي الخطاب' });
    const conversationId: string = await eventually(async () => {
      const rows: Array<{ conversation_id: string }> = await wasl.dataSource.query(
        'SELECT conversation_id FROM messages WHERE provider_message_id = ?',
        ['files-1'],
      );
      return rows[0]?.conversation_id;
    }, 'the message on SQLite');
    const upload = async (content: Buffer, name: string) => {
      const response = await fetch(`${wasl.url}/api/v1/conversations/${conversationId}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
        body: new Uint8Array(content),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const sent = await upload(PDF_BYTES, 'الخطاب.pdf');
    const reply = await wasl.request<{ id: string }>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token,
      body: { text: 'تفضل الخطاب', attachmentIds: [sent] },
    });
    expect(reply.status).toBe(201);
    const again = await wasl.request('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token,
      body: { attachmentIds: [sent] },
    });
    expect(again.status).toBe(400);
    const [callback] = await eventually(
      async () => callbacks.forMessage(reply.body.id).length > 0 && callbacks.forMessage(reply.body.id),
      'the callback',
    );
    const [file] = (JSON.parse(callback.body) as { attachments: Array<{ url: string }> }).attachments;
    const link = new URL(file.url);
    const downloaded = await fetch(`${wasl.url}${link.pathname}${link.search}`);
    expect(Buffer.from(await downloaded.arrayBuffer())).toEqual(PDF_BYTES);

    const abandoned = await upload(PNG_BYTES, 'متروك.png');
    await wasl.dataSource.getRepository('AttachmentUpload').update(abandoned, { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) });
    expect(await wasl.app.get(ReplyAttachmentsService).sweepUnattached()).toBe(1);
    const left: Array<{ id: string }> = await wasl.dataSource.query('SELECT id FROM attachment_uploads WHERE conversation_id = ?', [
      conversationId,
    ]);
    expect(left.map((row) => row.id)).toEqual([sent]);
  });

  it('should take a support request through its checklist, referral and research on SQLite', async () => {
    const organisation = await wasl.createOrganisation();
    const officer = await wasl.createUser(organisation.adminToken, UserRole.Officer);
    const researcher = await wasl.createUser(organisation.adminToken, UserRole.Researcher);
    const type = await wasl.request<{ id: string }>('POST', '/api/v1/request-types', {
      token: organisation.adminToken,
      body: RENT_SUPPORT_TYPE,
    });
    const created = await wasl.request<{ id: string; number: number }>('POST', '/api/v1/requests', {
      token: officer.token,
      body: { typeId: type.body.id, contact: { name: 'خالد', phone: '0501234567' }, values: VALID_VALUES },
    });
    expect(created.body.number).toBe(1);
    const refer = (token: string) =>
      wasl.request<{ state: string; fields?: Array<{ field: string }> }>('POST', `/api/v1/requests/${created.body.id}/referral`, {
        token,
        body: { researcherId: researcher.id },
      });
    expect((await refer(officer.token)).body.fields?.map((problem) => problem.field)).toEqual(['documents.idCard', 'documents.lease']);
    expect((await uploadDocument(wasl, officer.token, created.body.id, 'idCard', PNG_BYTES, dayFromToday(100))).status).toBe(201);
    expect((await uploadDocument(wasl, officer.token, created.body.id, 'lease', PDF_BYTES, dayFromToday(100))).status).toBe(201);
    expect((await refer(officer.token)).body.state).toBe('referred');
    const mine = await wasl.request<{ items: Array<{ id: string }> }>('GET', '/api/v1/requests?view=mine', { token: researcher.token });
    expect(mine.body.items.map((item) => item.id)).toEqual([created.body.id]);
    const accepted = await wasl.request<{ state: string }>('POST', `/api/v1/requests/${created.body.id}/referral/accept`, {
      token: researcher.token,
    });
    expect(accepted.body.state).toBe('in_research');
  });
});
