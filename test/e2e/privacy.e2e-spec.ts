import { UserRole } from '@app/identity';
import { JobName, QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { WebChatVisitor } from '../support/webchat-visitor';

interface ContactExport {
  contact: { id: string; name: string | null; phone: string | null };
  identities: Array<{ kind: string; value: string }>;
  conversations: Array<{ id: string }>;
  messages: Array<{ text: string; contactId: string }>;
  rawPayloads: Array<{ payload: { text: string } }>;
}

const SITE = 'https://www.example.org';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const ERASED_PAYLOAD = JSON.stringify({ providerMessageId: '', sender: {}, text: '', attachments: [] });
const mobile = () => `05${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;

describe('Data-subject requests and retention (PDPL), real PostgreSQL and Redis', () => {
  let wasl: WaslTestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let alphaInbox: { id: string; secret: string };
  const visitors: WebChatVisitor[] = [];

  beforeAll(async () => {
    wasl = await WaslTestApp.start();
    alpha = await wasl.createOrganisation('جمعية ألف');
    beta = await wasl.createOrganisation('جمعية باء');
    alphaInbox = await wasl.createApiInbox(alpha.adminToken);
  });

  afterAll(async () => {
    for (const visitor of visitors) visitor.close();
    await wasl.close();
  });

  const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => wasl.dataSource.query(sql, parameters);

  // A beneficiary writing through the association's app; returns their contact and conversation.
  async function beneficiary(
    inbox: { id: string; secret: string },
    token: string,
    from: Record<string, string>,
    texts: string[],
  ): Promise<{ contactId: string; conversationId: string; messageIds: string[] }> {
    let conversationId = '';
    const messageIds: string[] = [];
    for (const text of texts) {
      const providerId = `m-${randomUUID()}`;
      expect((await wasl.postSigned(inbox, { messageId: providerId, from, text })).status).toBe(202);
      conversationId = await wasl.conversationOfMessage(providerId);
      const [row] = await query<{ id: string }>('SELECT id FROM messages WHERE provider_message_id = $1', [providerId]);
      messageIds.push(row.id);
    }
    const conversation = await wasl.request<{ contact: { id: string } }>('GET', `/api/v1/conversations/${conversationId}`, { token });
    return { contactId: conversation.body.contact.id, conversationId, messageIds };
  }

  async function auditRows(
    organisationId: string,
    action: string,
  ): Promise<Array<{ actor_user_id: string | null; subject_id: string; details: string }>> {
    return query(
      'SELECT actor_user_id, subject_id, details FROM audit_log WHERE organisation_id = $1 AND action = $2 ORDER BY created_at',
      [organisationId, action],
    );
  }

  it('should export everything about a contact as JSON and as escaped right-to-left Arabic HTML, and nothing of another contact', async () => {
    const suffix = randomUUID().slice(0, 8);
    const phone = mobile();
    const sara = await beneficiary(alphaInbox, alpha.adminToken, { id: `sara-${suffix}`, name: '<script>alert(1)</script> سارة', phone }, [
      `طلب مساعدة ${suffix}`,
      `صورة الهوية ${suffix}`,
    ]);
    await beneficiary(alphaInbox, alpha.adminToken, { id: `other-${suffix}`, name: `نورة ${suffix}` }, [`سرّ نورة ${suffix}`]);
    const supervisor = await wasl.createUser(alpha.adminToken, UserRole.Supervisor);

    const exported = await wasl.request<ContactExport>('GET', `/api/v1/contacts/${sara.contactId}/export?format=json`, {
      token: supervisor.token,
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('cache-control')).toBe('no-store');
    expect(exported.body.contact).toMatchObject({ id: sara.contactId, name: '<script>alert(1)</script> سارة' });
    expect(exported.body.messages.map((message) => message.text)).toEqual([`طلب مساعدة ${suffix}`, `صورة الهوية ${suffix}`]);
    expect(exported.body.identities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'external', value: `sara-${suffix}` }),
        expect.objectContaining({ kind: 'phone', value: `+966${phone.slice(1)}` }),
      ]),
    );
    expect(exported.body.conversations.map((conversation) => conversation.id)).toEqual([sara.conversationId]);
    expect(exported.body.rawPayloads.map((raw) => raw.payload.text)).toContain(`طلب مساعدة ${suffix}`);
    const everything = JSON.stringify(exported.body);
    expect(everything).not.toContain('نورة');
    expect(everything).not.toContain(`other-${suffix}`);

    const page = await fetch(`${wasl.url}/api/v1/contacts/${sara.contactId}/export?format=html`, {
      headers: { authorization: `Bearer ${alpha.adminToken}` },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    const html = await page.text();
    expect(html).toMatch(/^<!doctype html>\s*<html lang="ar" dir="rtl">/);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; سارة');
    expect(html).toContain(`صورة الهوية ${suffix}`);
    expect(html).not.toContain('نورة');
    // Gregorian and Umm al-Qura dates, e.g. «… 2026 …» and «… 1448 هـ …».
    expect(html).toMatch(/\d{4} هـ/);
    expect(html).toMatch(/20\d\d/);
    expect(html).not.toMatch(/<link|src=|https?:\/\//);

    const audited = await auditRows(alpha.id, 'contact.exported');
    expect(audited.filter((row) => row.subject_id === sara.contactId).map((row) => row.actor_user_id)).toEqual([
      supervisor.id,
      alpha.adminId,
    ]);
    expect(audited.map((row) => row.details).join()).not.toContain(suffix);
  });

  it('should let only administrators correct and erase, supervisors also export, and hide other organisations’ contacts', async () => {
    const person = await beneficiary(alphaInbox, alpha.adminToken, { id: `roles-${randomUUID()}`, name: 'خالد' }, ['استفسار']);
    const officer = await wasl.createUser(alpha.adminToken, UserRole.Officer);
    const supervisor = await wasl.createUser(alpha.adminToken, UserRole.Supervisor);
    const path = `/api/v1/contacts/${person.contactId}`;
    const officerAnswers = [
      await wasl.request('GET', `${path}/export`, { token: officer.token }),
      await wasl.request('PATCH', path, { token: officer.token, body: { name: 'x' } }),
      await wasl.request('POST', `${path}/erase`, { token: officer.token, body: { mode: 'delete', confirm: person.contactId } }),
      await wasl.request('POST', `${path}/erase`, { token: supervisor.token, body: { mode: 'delete', confirm: person.contactId } }),
      await wasl.request('PATCH', path, { token: supervisor.token, body: { name: 'x' } }),
      await wasl.request('GET', '/api/v1/admin/retention', { token: supervisor.token }),
      await wasl.request('POST', '/api/v1/admin/retention/dry-run', { token: officer.token }),
    ];
    expect(officerAnswers.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);

    const otherOrganisation = [
      await wasl.request('GET', `${path}/export`, { token: beta.adminToken }),
      await wasl.request('PATCH', path, { token: beta.adminToken, body: { name: 'x' } }),
      await wasl.request('POST', `${path}/erase`, { token: beta.adminToken, body: { mode: 'delete', confirm: person.contactId } }),
      await wasl.request('GET', `/api/v1/contacts/${randomUUID()}/export`, { token: alpha.adminToken }),
    ];
    expect(otherOrganisation.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);

    const wrongConfirm = await wasl.request<{ fields: Array<{ field: string }> }>('POST', `${path}/erase`, {
      token: alpha.adminToken,
      body: { mode: 'delete', confirm: randomUUID() },
    });
    expect(wrongConfirm.status).toBe(400);
    expect(wrongConfirm.body.fields.map((field) => field.field)).toEqual(['confirm']);
    const badMode = await wasl.request('POST', `${path}/erase`, {
      token: alpha.adminToken,
      body: { mode: 'shred', confirm: person.contactId },
    });
    expect(badMode.status).toBe(400);
    expect(await query('SELECT id FROM messages WHERE contact_id = $1', [person.contactId])).toHaveLength(1);
    expect(await query('SELECT id FROM contacts WHERE id = $1 AND name IS NOT NULL', [person.contactId])).toHaveLength(1);
  });

  it('should correct name, phone and e-mail, keep a typed number unverified, and audit which fields changed', async () => {
    const phone = mobile();
    const person = await beneficiary(alphaInbox, alpha.adminToken, { id: `fix-${randomUUID()}`, name: 'محمد', phone }, ['تصحيح البيانات']);
    const path = `/api/v1/contacts/${person.contactId}`;
    const newPhone = mobile();
    const corrected = await wasl.request<{ name: string; phone: string; phoneVerified: boolean; email: string; emailVerified: boolean }>(
      'PATCH',
      path,
      { token: alpha.adminToken, body: { name: 'محمد العتيبي', phone: newPhone, email: 'Mohammed@Example.org' } },
    );
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      name: 'محمد العتيبي',
      phone: `+966${newPhone.slice(1)}`,
      phoneVerified: false,
      email: 'mohammed@example.org',
      emailVerified: false,
    });
    // Back to the number the provider asserted: verified again, because an identity of this contact backs it.
    const back = await wasl.request<{ phone: string; phoneVerified: boolean }>('PATCH', path, { token: alpha.adminToken, body: { phone } });
    expect(back.body).toMatchObject({ phone: `+966${phone.slice(1)}`, phoneVerified: true });
    const invalid = await wasl.request<{ fields: Array<{ field: string }> }>('PATCH', path, {
      token: alpha.adminToken,
      body: { phone: 'not a number', email: 'nope' },
    });
    expect(invalid.status).toBe(400);
    expect((await wasl.request<{ name: string }>('GET', path, { token: alpha.adminToken })).body.name).toBe('محمد العتيبي');

    // Nothing changed, nothing to audit.
    expect((await wasl.request('PATCH', path, { token: alpha.adminToken, body: { name: 'محمد العتيبي' } })).status).toBe(200);
    const audited = (await auditRows(alpha.id, 'contact.corrected')).filter((row) => row.subject_id === person.contactId);
    expect(audited.map((row) => JSON.parse(row.details))).toEqual([{ fields: ['name', 'phone', 'email'] }, { fields: ['phone'] }]);
    expect(audited.map((row) => row.actor_user_id)).toEqual([alpha.adminId, alpha.adminId]);
  });

  it('should erase a contact completely: messages, identities, raw payloads and attachment files, leaving others untouched', async () => {
    const created = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: alpha.adminToken,
      body: { channel: 'webchat', name: `الموقع ${randomUUID().slice(0, 6)}`, settings: { allowedOrigins: [SITE] } },
    });
    expect(created.status).toBe(201);
    const secretName = `منى-${randomUUID().slice(0, 8)}`;
    const visitor = await WebChatVisitor.connect(
      wasl.url,
      { inboxId: created.body.id, profile: { name: secretName, phone: mobile() } },
      SITE,
    );
    visitors.push(visitor);
    const upload = await fetch(`${wasl.url}/webchat/inboxes/${created.body.id}/attachments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-wasl-visitor-token': visitor.session.visitorToken,
        'x-file-name': encodeURIComponent('الهوية.png'),
        origin: SITE,
      },
      body: new Uint8Array(PNG),
    });
    expect(upload.status).toBe(201);
    const stored = (await upload.json()) as { id: string; url: string };
    const sent = await visitor.send('with-file', `هويتي الوطنية ${secretName}`, [{ id: stored.id }]);
    const second = await visitor.send('second', `رقم حسابي ${secretName}`);
    await eventually(
      async () => (await query('SELECT id FROM messages WHERE id IN ($1, $2)', [sent.id, second.id])).length === 2,
      'the visitor’s messages to be applied',
    );
    const contactId = visitor.session.contactId;
    const [{ conversation_id: conversationId }] = await query<{ conversation_id: string }>(
      'SELECT conversation_id FROM messages WHERE id = $1',
      [sent.id],
    );
    // An officer's reply is part of the person's conversation too.
    expect(
      (
        await wasl.request('POST', `/api/v1/conversations/${conversationId}/messages`, {
          token: alpha.adminToken,
          body: { text: `أهلاً ${secretName}` },
        })
      ).status,
    ).toBe(201);
    const [, inboxId, visitorKey, fileId] = /\/webchat\/files\/([^/]+)\/([^/]+)\/([^?]+)/.exec(stored.url)!;
    const file = resolve('var', 'attachments', inboxId, visitorKey, fileId);
    expect(existsSync(file)).toBe(true);
    const bystander = await beneficiary(alphaInbox, alpha.adminToken, { id: `bystander-${randomUUID()}`, name: 'جار' }, ['رسالة الجار']);

    const erased = await wasl.request<Record<string, unknown>>('POST', `/api/v1/contacts/${contactId}/erase`, {
      token: alpha.adminToken,
      body: { mode: 'delete', confirm: contactId },
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ mode: 'delete', contacts: 1, conversations: 1, payloads: 2, attachments: 1 });
    // The visitor's two messages and the officer's reply (and an automatic greeting, if the inbox sends one).
    expect(erased.body.messages).toBeGreaterThanOrEqual(3);

    expect(await query('SELECT id FROM messages WHERE contact_id = $1 OR conversation_id = $2', [contactId, conversationId])).toEqual([]);
    expect(await query("SELECT id FROM messages WHERE text LIKE '%' || $1 || '%'", [secretName])).toEqual([]);
    expect(await query('SELECT id FROM contact_identities WHERE contact_id = $1', [contactId])).toEqual([]);
    expect(await query('SELECT id FROM contacts WHERE id = $1', [contactId])).toEqual([]);
    expect(await query('SELECT id FROM conversations WHERE id = $1', [conversationId])).toEqual([]);
    expect(await query('SELECT id FROM conversation_events WHERE conversation_id = $1', [conversationId])).toEqual([]);
    const payloads = await query<{ payload: string }>('SELECT payload FROM inbound_events WHERE message_id IN ($1, $2)', [
      sent.id,
      second.id,
    ]);
    expect(payloads.map((row) => row.payload)).toEqual([ERASED_PAYLOAD, ERASED_PAYLOAD]);
    expect(await query("SELECT id FROM inbound_events WHERE payload LIKE '%' || $1 || '%'", [secretName])).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(resolve('var', 'attachments', inboxId, visitorKey))).toBe(false);
    expect((await fetch(wasl.url + stored.url)).status).not.toBe(200);
    expect((await wasl.request('GET', `/api/v1/contacts/${contactId}`, { token: alpha.adminToken })).status).toBe(404);

    // The bystander is untouched.
    expect(await query('SELECT text FROM messages WHERE contact_id = $1', [bystander.contactId])).toEqual([{ text: 'رسالة الجار' }]);
    expect(await query('SELECT id FROM contact_identities WHERE contact_id = $1', [bystander.contactId])).toHaveLength(1);

    // Audited: who, which mode, how much; never the erased data.
    const [audit] = (await auditRows(alpha.id, 'contact.erased')).filter((row) => row.subject_id === contactId);
    expect(audit.actor_user_id).toBe(alpha.adminId);
    expect(JSON.parse(audit.details)).toMatchObject({ mode: 'delete', messages: erased.body.messages, identities: expect.any(Number) });
    expect(audit.details).not.toContain(secretName);
  });

  it('should anonymise a contact and keep the skeleton: conversation and message counts, channel, status and times', async () => {
    const suffix = randomUUID().slice(0, 8);
    const person = await beneficiary(alphaInbox, alpha.adminToken, { id: `anon-${suffix}`, name: `ريم ${suffix}`, phone: mobile() }, [
      `أولى ${suffix}`,
      `ثانية ${suffix}`,
      `ثالثة ${suffix}`,
    ]);
    const before = await query<{ id: string; created_at: Date; type: string }>(
      'SELECT id, created_at, type FROM messages WHERE conversation_id = $1 ORDER BY created_at, sequence',
      [person.conversationId],
    );
    const erased = await wasl.request<Record<string, unknown>>('POST', `/api/v1/contacts/${person.contactId}/erase`, {
      token: alpha.adminToken,
      body: { mode: 'anonymise', confirm: person.contactId },
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ mode: 'anonymise', conversations: 1, messages: 3, payloads: 3 });

    const after = await query<{ id: string; created_at: Date; type: string; text: string; attachments: string }>(
      'SELECT id, created_at, type, text, attachments FROM messages WHERE conversation_id = $1 ORDER BY created_at, sequence',
      [person.conversationId],
    );
    expect(after.map(({ id, created_at, type }) => ({ id, created_at, type }))).toEqual(before);
    expect(after.map((row) => row.text)).toEqual(['', '', '']);
    expect(after.map((row) => row.attachments)).toEqual(['[]', '[]', '[]']);
    expect(await query('SELECT channel, status, last_message_preview FROM conversations WHERE id = $1', [person.conversationId])).toEqual([
      { channel: 'api', status: 'open', last_message_preview: null },
    ]);
    expect(await query('SELECT name, phone, email FROM contacts WHERE id = $1', [person.contactId])).toEqual([
      { name: null, phone: null, email: null },
    ]);
    expect(await query('SELECT id FROM contact_identities WHERE contact_id = $1', [person.contactId])).toEqual([]);
    const payloads = await query<{ payload: string }>('SELECT payload FROM inbound_events WHERE message_id = ANY($1::uuid[])', [
      person.messageIds,
    ]);
    expect(payloads.map((row) => row.payload)).toEqual([ERASED_PAYLOAD, ERASED_PAYLOAD, ERASED_PAYLOAD]);
    expect(await query("SELECT id FROM messages WHERE text LIKE '%' || $1 || '%'", [suffix])).toEqual([]);
  });

  describe('retention', () => {
    let gamma: TestOrganisation;
    let gammaInbox: { id: string; secret: string };

    beforeAll(async () => {
      gamma = await wasl.createOrganisation('جمعية جيم');
      gammaInbox = await wasl.createApiInbox(gamma.adminToken);
    });

    // A conversation resolved (or left open) long ago: its activity, resolution and raw payloads moved back in time.
    async function conversationAged(status: 'resolved' | 'open', monthsAgo: number, texts: string[]) {
      const person = await beneficiary(gammaInbox, gamma.adminToken, { id: `aged-${randomUUID()}`, name: 'مستفيد قديم' }, texts);
      if (status === 'resolved') {
        expect(
          (await wasl.request('PATCH', `/api/v1/conversations/${person.conversationId}`, { token: gamma.adminToken, body: { status } }))
            .status,
        ).toBe(200);
      }
      const at = new Date();
      at.setUTCMonth(at.getUTCMonth() - monthsAgo);
      await query(
        'UPDATE conversations SET last_activity_at = $2::timestamptz, resolved_at = CASE WHEN resolved_at IS NULL THEN NULL ELSE $2::timestamptz END WHERE id = $1',
        [person.conversationId, at],
      );
      await query('UPDATE inbound_events SET received_at = $2 WHERE message_id = ANY($1::uuid[])', [person.messageIds, at]);
      return person;
    }

    async function snapshot() {
      return query('SELECT id, text, attachments FROM messages WHERE organisation_id = $1 ORDER BY id', [gamma.id]).then(
        async (messages) => ({
          messages,
          conversations: await query('SELECT id, last_message_preview FROM conversations WHERE organisation_id = $1 ORDER BY id', [
            gamma.id,
          ]),
          payloads: await query('SELECT id, payload FROM inbound_events WHERE organisation_id = $1 ORDER BY id', [gamma.id]),
        }),
      );
    }

    async function runRetentionJob(): Promise<Record<string, unknown>> {
      const known = (await auditRows(gamma.id, 'retention.applied')).length;
      const queue = wasl.app.get<Queue>(getQueueToken(QueueName.Maintenance), { strict: false });
      await queue.add(JobName.ApplyRetention, { organisationId: gamma.id });
      const rows = await eventually(async () => {
        const found = await auditRows(gamma.id, 'retention.applied');
        return found.length > known ? found : undefined;
      }, 'the retention job to record its figures');
      expect(rows[rows.length - 1].actor_user_id).toBeNull();
      return JSON.parse(rows[rows.length - 1].details) as Record<string, unknown>;
    }

    it('should be off by default, and a dry run should report figures without changing anything', async () => {
      const defaults = await wasl.request('GET', '/api/v1/admin/retention', { token: gamma.adminToken });
      expect(defaults.body).toEqual({ resolvedConversationMonths: null, rawPayloadMonths: null, mode: 'anonymise' });
      const old = await conversationAged('resolved', 14, ['قديمة ١', 'قديمة ٢']);
      await conversationAged('resolved', 1, ['حديثة']);
      await conversationAged('open', 20, ['مفتوحة وقديمة']);
      const off = await wasl.request('POST', '/api/v1/admin/retention/dry-run', { token: gamma.adminToken });
      expect(off.body).toMatchObject({ conversations: 0, messages: 0, payloads: 0 });

      const invalid = await wasl.request('PUT', '/api/v1/admin/retention', {
        token: gamma.adminToken,
        body: { resolvedConversationMonths: 0, mode: 'burn' },
      });
      expect(invalid.status).toBe(400);
      const saved = await wasl.request('PUT', '/api/v1/admin/retention', {
        token: gamma.adminToken,
        body: { resolvedConversationMonths: 12, rawPayloadMonths: 12, mode: 'purge' },
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ resolvedConversationMonths: 12, rawPayloadMonths: 12, mode: 'purge' });
      expect((await auditRows(gamma.id, 'retention.settings_changed')).map((row) => row.actor_user_id)).toEqual([gamma.adminId]);

      const before = await snapshot();
      const dryRun = await wasl.request<Record<string, unknown>>('POST', '/api/v1/admin/retention/dry-run', { token: gamma.adminToken });
      expect(dryRun.status).toBe(200);
      // The old resolved conversation (two messages); payloads: its two and the old open conversation's one.
      expect(dryRun.body).toMatchObject({ mode: 'purge', conversations: 1, messages: 2, payloads: 3 });
      expect(await snapshot()).toEqual(before);
      expect(await query('SELECT id FROM conversations WHERE id = $1', [old.conversationId])).toHaveLength(1);
    });

    it('should purge exactly the conversations closed before the cutoff when the job runs', async () => {
      const conversations = await query<{ id: string; last_activity_at: Date; status: string }>(
        'SELECT id, last_activity_at, status FROM conversations WHERE organisation_id = $1',
        [gamma.id],
      );
      const cutoff = new Date();
      cutoff.setUTCMonth(cutoff.getUTCMonth() - 12);
      const expired = conversations
        .filter((row) => row.status === 'resolved' && new Date(row.last_activity_at) < cutoff)
        .map((row) => row.id);
      expect(expired).toHaveLength(1);
      const figures = await runRetentionJob();
      expect(figures).toMatchObject({ mode: 'purge', conversations: 1, messages: 2, payloads: 3 });
      const left = await query<{ id: string }>('SELECT id FROM conversations WHERE organisation_id = $1', [gamma.id]);
      expect(left.map((row) => row.id).sort()).toEqual(
        conversations
          .map((row) => row.id)
          .filter((id) => !expired.includes(id))
          .sort(),
      );
      expect(await query('SELECT id FROM messages WHERE conversation_id = $1', [expired[0]])).toEqual([]);
      // The old but open conversation keeps its messages; its old raw payload is gone.
      expect(await query("SELECT id FROM messages WHERE organisation_id = $1 AND text = 'مفتوحة وقديمة'", [gamma.id])).toHaveLength(1);
      expect(await query("SELECT id FROM inbound_events WHERE organisation_id = $1 AND payload LIKE '%قديمة%'", [gamma.id])).toEqual([]);
      expect(await query("SELECT id FROM inbound_events WHERE organisation_id = $1 AND payload LIKE '%حديثة%'", [gamma.id])).toHaveLength(
        1,
      );
      // Nothing is left for a second run.
      expect((await wasl.request('POST', '/api/v1/admin/retention/dry-run', { token: gamma.adminToken })).body).toMatchObject({
        conversations: 0,
        payloads: 0,
      });
    });

    it('should anonymise old closed conversations and keep their counts when the organisation chose anonymise', async () => {
      expect(
        (
          await wasl.request('PUT', '/api/v1/admin/retention', {
            token: gamma.adminToken,
            body: { mode: 'anonymise', resolvedConversationMonths: 12, rawPayloadMonths: null },
          })
        ).status,
      ).toBe(200);
      const old = await conversationAged('resolved', 13, ['نص قديم ١', 'نص قديم ٢', 'نص قديم ٣']);
      const recent = await conversationAged('resolved', 2, ['نص حديث']);
      expect((await wasl.request('POST', '/api/v1/admin/retention/dry-run', { token: gamma.adminToken })).body).toMatchObject({
        mode: 'anonymise',
        conversations: 1,
        messages: 3,
        payloads: 0,
      });
      const figures = await runRetentionJob();
      expect(figures).toMatchObject({ mode: 'anonymise', conversations: 1, messages: 3, payloads: 3 });
      expect(await query('SELECT text FROM messages WHERE conversation_id = $1', [old.conversationId])).toEqual([
        { text: '' },
        { text: '' },
        { text: '' },
      ]);
      expect(await query('SELECT status, last_message_preview FROM conversations WHERE id = $1', [old.conversationId])).toEqual([
        { status: 'resolved', last_message_preview: null },
      ]);
      expect(await query('SELECT text FROM messages WHERE conversation_id = $1', [recent.conversationId])).toEqual([{ text: 'نص حديث' }]);
      // Already anonymised conversations are not counted again.
      expect((await wasl.request('POST', '/api/v1/admin/retention/dry-run', { token: gamma.adminToken })).body).toMatchObject({
        conversations: 0,
      });
    });
  });
});

// The laptop install runs the same erasure and retention SQL on its embedded SQLite file.
describe('Data-subject requests and retention on embedded SQLite', () => {
  const directory = mkdtempSync(join(tmpdir(), 'wasl-privacy-sqlite-'));
  let wasl: WaslTestApp;

  beforeAll(async () => {
    wasl = await WaslTestApp.start({ DATABASE_URL: '', SQLITE_PATH: join(directory, 'wasl.sqlite') });
  });

  afterAll(async () => {
    await wasl.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('should export, anonymise and apply retention exactly as on PostgreSQL', async () => {
    const organisation = await wasl.createOrganisation();
    const inbox = await wasl.createApiInbox(organisation.adminToken);
    const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => wasl.dataSource.query(sql, parameters);
    async function send(from: Record<string, string>, text: string): Promise<{ conversationId: string; contactId: string }> {
      const messageId = `m-${randomUUID()}`;
      expect((await wasl.postSigned(inbox, { messageId, from, text })).status).toBe(202);
      const conversationId = await eventually(async () => {
        const rows = await query<{ conversation_id: string }>('SELECT conversation_id FROM messages WHERE provider_message_id = ?', [
          messageId,
        ]);
        return rows[0]?.conversation_id;
      }, 'the message on SQLite');
      const [{ contact_id: contactId }] = await query<{ contact_id: string }>('SELECT contact_id FROM conversations WHERE id = ?', [
        conversationId,
      ]);
      return { conversationId, contactId };
    }
    const token = organisation.adminToken;

    const person = await send({ id: 'sqlite-person', name: 'هند' }, 'بياناتي');
    await send({ id: 'sqlite-person', name: 'هند' }, 'رسالة ثانية');
    const exported = await wasl.request<ContactExport>('GET', `/api/v1/contacts/${person.contactId}/export`, { token });
    expect(exported.body.messages.map((message) => message.text)).toEqual(['بياناتي', 'رسالة ثانية']);
    const erased = await wasl.request('POST', `/api/v1/contacts/${person.contactId}/erase`, {
      token,
      body: { mode: 'anonymise', confirm: person.contactId },
    });
    expect(erased.body).toMatchObject({ conversations: 1, messages: 2, payloads: 2 });
    expect(await query('SELECT text FROM messages WHERE conversation_id = ?', [person.conversationId])).toEqual([
      { text: '' },
      { text: '' },
    ]);
    expect(await query('SELECT payload FROM inbound_events WHERE organisation_id = ?', [organisation.id])).toEqual([
      { payload: ERASED_PAYLOAD },
      { payload: ERASED_PAYLOAD },
    ]);

    const old = await send({ id: 'sqlite-old', name: 'قديم' }, 'قديمة');
    const recent = await send({ id: 'sqlite-recent', name: 'حديث' }, 'حديثة');
    for (const conversation of [old, recent]) {
      await wasl.request('PATCH', `/api/v1/conversations/${conversation.conversationId}`, { token, body: { status: 'resolved' } });
    }
    // TypeORM's SQLite datetime text, so comparisons order it like the stored values.
    await query("UPDATE conversations SET last_activity_at = '2020-01-01 00:00:00.000' WHERE id = ?", [old.conversationId]);
    await wasl.request('PUT', '/api/v1/admin/retention', { token, body: { resolvedConversationMonths: 6, mode: 'purge' } });
    const dryRun = await wasl.request('POST', '/api/v1/admin/retention/dry-run', { token });
    expect(dryRun.body).toMatchObject({ conversations: 1, messages: 1, payloads: 0 });
    await wasl.app
      .get<Queue>(getQueueToken(QueueName.Maintenance), { strict: false })
      .add(JobName.ApplyRetention, { organisationId: organisation.id });
    await eventually(
      async () =>
        (await query("SELECT id FROM audit_log WHERE organisation_id = ? AND action = 'retention.applied'", [organisation.id])).length > 0,
      'retention on SQLite',
    );
    const left = await query<{ id: string }>('SELECT id FROM conversations WHERE organisation_id = ?', [organisation.id]);
    expect(left.map((row) => row.id).sort()).toEqual([person.conversationId, recent.conversationId].sort());
  });
});
