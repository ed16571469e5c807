import { InboxesService } from '@app/inboxes';
import { UserRole } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { WebChatVisitor } from '../support/webchat-visitor';

interface AuditPage {
  items: Array<{ action: string; subjectId: string; actorUserId: string | null; details: Record<string, unknown> | null }>;
}
interface InboxBody {
  id: string;
  name: string;
  active: boolean;
  settings: Record<string, unknown>;
  conversationCount: number;
  secret?: string;
  code?: string;
  fields?: Array<{ field: string; message: string }>;
}

const SITE = 'https://www.albir.org.sa';

// Editing, rotating the secret of and deleting inboxes (PATCH, POST …/secret, DELETE /api/v1/inboxes/:id).
describe('Inbox administration: edit settings, rotate the secret, delete (real PostgreSQL and Redis)', () => {
  let wasl: WaslTestApp;
  // A second gateway on the same database and Redis, with its own inbox cache.
  let other: WaslTestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let supervisorToken: string;

  beforeAll(async () => {
    wasl = await WaslTestApp.start();
    other = await WaslTestApp.start({ WASL_ROLE: 'gateway' }, wasl.config);
    alpha = await wasl.createOrganisation('جمعية ألف');
    beta = await wasl.createOrganisation('جمعية باء');
    supervisorToken = (await wasl.createUser(alpha.adminToken, UserRole.Supervisor)).token;
  });

  afterAll(async () => {
    await other?.close();
    await wasl?.close();
  });

  async function createInbox(body: Record<string, unknown>): Promise<InboxBody> {
    const created = await wasl.request<InboxBody>('POST', '/api/v1/inboxes', {
      token: alpha.adminToken,
      body: { name: `صندوق ${randomUUID().slice(0, 8)}`, ...body },
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  const patch = (id: string, body: unknown, token = alpha.adminToken) =>
    wasl.request<InboxBody>('PATCH', `/api/v1/inboxes/${id}`, { token, body });

  async function auditOf(inboxId: string, action: string): Promise<AuditPage['items']> {
    const page = await wasl.request<AuditPage>('GET', `/api/v1/admin/audit-log?subjectId=${inboxId}&action=${action}`, {
      token: alpha.adminToken,
    });
    return page.body.items;
  }

  const sealedOf = async (inboxId: string) => (await wasl.app.get(InboxesService).findWithSecrets(inboxId))!.secrets;

  it('should validate edited settings exactly as at creation, naming the field, and change nothing when refused', async () => {
    const taqnyat = await createInbox({ channel: 'sms', provider: 'taqnyat', settings: { apiToken: 'taqnyat-token', sender: 'AlBir' } });
    const tooLong = await patch(taqnyat.id, { settings: { sender: 'جمعية البر الخيرية' } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields).toEqual([expect.objectContaining({ field: 'settings.sender' })]);
    const unknown = await patch(taqnyat.id, { settings: { sender: 'AlBir', senderName: 'x' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields?.map((problem) => problem.field)).toEqual(['settings.senderName']);

    const webChat = await createInbox({ channel: 'webchat', settings: { allowedOrigins: [SITE] } });
    const zone = await patch(webChat.id, { settings: { allowedOrigins: [SITE], workingHours: { timeZone: 'Asia/Nowhere' } } });
    expect(zone.status).toBe(400);
    expect(zone.body.fields).toEqual([
      { field: 'settings.workingHours.timeZone', message: 'must be an IANA time zone such as Asia/Riyadh' },
    ]);
    const verification = await patch(webChat.id, { settings: { phoneVerification: { smsInboxId: randomUUID() } } });
    expect(verification.status).toBe(400);
    expect(verification.body.fields?.[0].field).toBe('settings.phoneVerification.smsInboxId');

    const api = await createInbox({ channel: 'api', callbackUrl: 'https://app.albir.org.sa/wasl' });
    const badUrl = await patch(api.id, { callbackUrl: 'not a url' });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.fields?.[0].field).toBe('callbackUrl');
    const credentials = await patch(api.id, { callbackUrl: 'https://user:password@app.albir.org.sa/wasl' });
    expect(credentials.status).toBe(400);
    expect(credentials.body.fields?.[0].field).toBe('callbackUrl');

    const stored = await wasl.request<InboxBody>('GET', `/api/v1/inboxes/${taqnyat.id}`, { token: alpha.adminToken });
    expect(stored.body.settings).toMatchObject({ sender: 'AlBir' });
    expect((await wasl.request<InboxBody>('GET', `/api/v1/inboxes/${api.id}`, { token: alpha.adminToken })).body.settings).toEqual({
      callbackUrl: 'https://app.albir.org.sa/wasl',
    });
  });

  it('should keep a sealed credential left out of an edit, replace one given again, and audit field names only', async () => {
    const twilio = await createInbox({
      channel: 'sms',
      provider: 'twilio',
      settings: { accountSid: `AC${'1'.repeat(32)}`, authToken: 'the-first-auth-token', phoneNumber: '+966110000001' },
    });
    const renumbered = await patch(twilio.id, { settings: { accountSid: `AC${'1'.repeat(32)}`, phoneNumber: '+966110000002' } });
    expect(renumbered.status).toBe(200);
    expect(renumbered.body.settings).toMatchObject({ phoneNumber: '+966110000002' });
    expect(renumbered.body.settings).not.toHaveProperty('authToken');
    expect((await sealedOf(twilio.id)).authToken).toBe('the-first-auth-token');

    const newToken = await patch(twilio.id, {
      name: 'رسائل الجمعية',
      settings: { accountSid: `AC${'1'.repeat(32)}`, phoneNumber: '+966110000002', authToken: 'the-second-auth-token' },
    });
    expect(newToken.status).toBe(200);
    expect(newToken.body.name).toBe('رسائل الجمعية');
    const sealed = await sealedOf(twilio.id);
    expect(sealed.authToken).toBe('the-second-auth-token');
    // The signing secret is not a setting: an edit never touches it.
    expect(sealed.signingSecret).toBe(twilio.secret);

    const rows = await auditOf(twilio.id, 'inbox.updated');
    expect(rows.map((row) => row.details)).toEqual([
      { changed: ['name', 'settings'], name: 'رسائل الجمعية', replacedSecrets: ['authToken'] },
      { changed: ['settings'] },
    ]);
    expect(JSON.stringify(rows)).not.toContain('auth-token');
    expect(rows[0].actorUserId).toBe(alpha.adminId);
  });

  it('should refuse another organisation’s inbox as not found and other roles as forbidden, on every new route', async () => {
    const inbox = await createInbox({ channel: 'api', callbackUrl: 'https://app.albir.org.sa/wasl' });
    for (const [method, path, body] of [
      ['PATCH', `/api/v1/inboxes/${inbox.id}`, { name: 'تغيير' }],
      ['POST', `/api/v1/inboxes/${inbox.id}/secret`, undefined],
      ['DELETE', `/api/v1/inboxes/${inbox.id}`, undefined],
    ] as const) {
      expect((await wasl.request(method, path, { token: beta.adminToken, body })).status).toBe(404);
      expect((await wasl.request(method, path, { token: supervisorToken, body })).status).toBe(403);
    }
    expect((await wasl.request('GET', `/api/v1/inboxes/${inbox.id}`, { token: alpha.adminToken })).status).toBe(200);
    expect(
      (await wasl.postSigned(inbox as { id: string; secret: string }, { messageId: 'm-1', from: { id: 'u-1' }, text: 'سلام' })).status,
    ).toBe(202);
  });

  it('should rotate an API inbox’s secret: shown once, the old one refused at once on every gateway, the new one accepted', async () => {
    const inbox = (await createInbox({ channel: 'api', callbackUrl: 'https://app.albir.org.sa/wasl' })) as InboxBody & { secret: string };
    const message = () => ({ messageId: `m-${randomUUID()}`, from: { id: 'user-7' }, text: 'السلام عليكم' });
    // Both gateways have the inbox in their cache now.
    expect((await wasl.postSigned(inbox, message())).status).toBe(202);
    expect((await other.postSigned(inbox, message())).status).toBe(202);

    const rotated = await wasl.request<InboxBody>('POST', `/api/v1/inboxes/${inbox.id}/secret`, { token: alpha.adminToken });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.body.secret).not.toBe(inbox.secret);
    const renewed = { id: inbox.id, secret: rotated.body.secret! };
    expect((await wasl.postSigned(inbox, message())).status).toBe(401);
    // Well within the other gateway's 10-second cache: the change was announced to it.
    await eventually(
      async () => (await other.postSigned(inbox, message())).status === 401,
      'the other gateway to refuse the old secret',
      2_000,
    );
    expect((await other.postSigned(renewed, message())).status).toBe(202);
    expect((await wasl.postSigned(renewed, message())).status).toBe(202);
    // Never shown again.
    const listed = await wasl.request<InboxBody[]>('GET', '/api/v1/inboxes', { token: alpha.adminToken });
    expect(JSON.stringify(listed.body)).not.toContain(renewed.secret);
    expect(await auditOf(inbox.id, 'inbox.secret_rotated')).toEqual([
      expect.objectContaining({ actorUserId: alpha.adminId, details: { channel: 'api' } }),
    ]);
  });

  it('should end a web chat inbox’s visitor tokens and connections when its secret is rotated', async () => {
    const inbox = await createInbox({
      channel: 'webchat',
      settings: { allowedOrigins: [SITE], preChat: { name: 'optional', phone: 'hidden', email: 'hidden' } },
    });
    const visitor = await WebChatVisitor.connect(wasl.url, { inboxId: inbox.id, profile: { name: 'سارة' } }, SITE);
    expect((await visitor.send('first', 'مرحبا')).id).toEqual(expect.any(String));
    const disconnected = new Promise((resolve) => visitor.socket.once('disconnect', resolve));

    expect((await wasl.request('POST', `/api/v1/inboxes/${inbox.id}/secret`, { token: alpha.adminToken })).status).toBe(200);
    await disconnected;
    const refusal = await WebChatVisitor.refusal(wasl.url, { inboxId: inbox.id, visitorToken: visitor.session.visitorToken }, SITE);
    expect(refusal.code).toBe('TOKEN_INVALID');
    // A new visit starts over, as a new anonymous visitor.
    const again = await WebChatVisitor.connect(wasl.url, { inboxId: inbox.id, profile: { name: 'سارة' } }, SITE);
    expect(again.session.contactId).not.toBe(visitor.session.contactId);
    again.close();
    visitor.close();
  });

  it('should refuse a Saudi SMS webhook URL with the old ?token= once the secret is rotated', async () => {
    const inbox = await createInbox({ channel: 'sms', provider: 'taqnyat', settings: { apiToken: 'taqnyat-token', sender: 'AlBir' } });
    const deliver = (token: string) =>
      fetch(`${wasl.url}/webhooks/taqnyat/${inbox.id}/sms?token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          messageId: String(5_460_000_000 + Math.floor(Math.random() * 1e9)),
          from: '966551234567',
          to: '966110000000',
          body: 'السلام عليكم',
          receivedAt: new Date().toISOString(),
        }),
      });
    expect((await deliver(inbox.secret!)).status).toBe(200);
    const rotated = await wasl.request<InboxBody>('POST', `/api/v1/inboxes/${inbox.id}/secret`, { token: alpha.adminToken });
    expect((await deliver(inbox.secret!)).status).toBe(403);
    expect((await deliver(rotated.body.secret!)).status).toBe(200);
  });

  it('should delete only an inbox that holds nothing, keep one with conversations (disable it instead), and audit it', async () => {
    const used = (await createInbox({ channel: 'api', callbackUrl: 'https://app.albir.org.sa/wasl' })) as InboxBody & { secret: string };
    const messageId = `m-${randomUUID()}`;
    expect((await wasl.postSigned(used, { messageId, from: { id: 'user-9' }, text: 'طلب مساعدة' })).status).toBe(202);
    await wasl.conversationOfMessage(messageId);
    const refused = await wasl.request<InboxBody>('DELETE', `/api/v1/inboxes/${used.id}`, { token: alpha.adminToken });
    expect(refused.status).toBe(409);
    expect(refused.body.fields).toEqual([{ field: 'id', message: 'holds 1 conversations' }]);
    const kept = await wasl.request<InboxBody>('GET', `/api/v1/inboxes/${used.id}`, { token: alpha.adminToken });
    expect(kept.body).toMatchObject({ active: true, conversationCount: 1 });

    const sms = await createInbox({ channel: 'sms', provider: 'log' });
    const webChat = await createInbox({ channel: 'webchat', settings: { phoneVerification: { smsInboxId: sms.id } } });
    const verifying = await wasl.request<InboxBody>('DELETE', `/api/v1/inboxes/${sms.id}`, { token: alpha.adminToken });
    expect(verifying.status).toBe(409);
    expect(verifying.body.fields?.[0].field).toBe('id');

    const officer = await wasl.createUser(alpha.adminToken, UserRole.Officer);
    expect(
      (
        await wasl.request('PUT', `/api/v1/inboxes/${webChat.id}/access`, {
          token: alpha.adminToken,
          body: { teamIds: [], userIds: [officer.id] },
        })
      ).status,
    ).toBe(200);
    expect((await wasl.request('DELETE', `/api/v1/inboxes/${webChat.id}`, { token: alpha.adminToken })).status).toBe(204);
    expect((await wasl.request('GET', `/api/v1/inboxes/${webChat.id}`, { token: alpha.adminToken })).status).toBe(404);
    const access: unknown[] = await wasl.dataSource.query('SELECT 1 FROM inbox_access WHERE inbox_id = $1', [webChat.id]);
    expect(access).toEqual([]);
    expect(await WebChatVisitor.refusal(wasl.url, { inboxId: webChat.id, profile: { name: 'x' } }, SITE)).toMatchObject({
      code: 'INBOX_NOT_FOUND',
    });
    // With the web chat gone, its verification SMS inbox can go too.
    expect((await wasl.request('DELETE', `/api/v1/inboxes/${sms.id}`, { token: alpha.adminToken })).status).toBe(204);
    expect(await auditOf(webChat.id, 'inbox.deleted')).toEqual([
      expect.objectContaining({ actorUserId: alpha.adminId, details: { channel: 'webchat', name: webChat.name } }),
    ]);
  });

  it('should let the visitors of a disabled web chat go at once', async () => {
    const inbox = await createInbox({
      channel: 'webchat',
      settings: { allowedOrigins: [SITE], preChat: { name: 'optional', phone: 'hidden', email: 'hidden' } },
    });
    const visitor = await WebChatVisitor.connect(wasl.url, { inboxId: inbox.id, profile: { name: 'نورة' } }, SITE);
    const disconnected = new Promise((resolve) => visitor.socket.once('disconnect', resolve));
    expect((await patch(inbox.id, { active: false })).status).toBe(200);
    await disconnected;
    visitor.close();
  });
});
