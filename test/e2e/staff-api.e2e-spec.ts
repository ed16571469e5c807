import { UserRole } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface Conversation {
  id: string;
  status: string;
  assigneeId: string | null;
  labels: string[];
  contact: { id: string; name: string | null; phone: string | null };
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('Staff API: roles, tenant isolation, filters, merge (real PostgreSQL and Redis)', () => {
  let wasl: WaslTestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let alphaInbox: { id: string; secret: string };

  beforeAll(async () => {
    wasl = await WaslTestApp.start({ LOGIN_MAX_FAILURES: '3' });
    alpha = await wasl.createOrganisation('جمعية ألف');
    beta = await wasl.createOrganisation('جمعية باء');
    alphaInbox = await wasl.createApiInbox(alpha.adminToken);
  });

  afterAll(() => wasl.close());

  async function inbound(inbox: { id: string; secret: string }, from: Record<string, string>, text: string): Promise<string> {
    const messageId = `m-${randomUUID()}`;
    expect((await wasl.postSigned(inbox, { messageId, from, text })).status).toBe(202);
    return wasl.conversationOfMessage(messageId);
  }

  it('should refuse requests without a valid token and routes outside the caller role', async () => {
    expect((await wasl.request('GET', '/api/v1/conversations')).status).toBe(401);
    expect((await wasl.request('GET', '/api/v1/conversations', { token: 'forged.token.value' })).status).toBe(401);

    const officer = await wasl.createUser(alpha.adminToken, UserRole.Officer);
    const committee = await wasl.createUser(alpha.adminToken, UserRole.Committee);
    expect((await wasl.request('GET', '/api/v1/conversations', { token: officer.token })).status).toBe(200);
    expect((await wasl.request('GET', '/api/v1/conversations', { token: committee.token })).status).toBe(403);
    expect((await wasl.request('GET', '/api/v1/contacts', { token: committee.token })).status).toBe(403);

    const forbidden = [
      await wasl.request('POST', '/api/v1/inboxes', {
        token: officer.token,
        body: { channel: 'api', name: 'x', callbackUrl: 'http://127.0.0.1:9/x' },
      }),
      await wasl.request('POST', '/api/v1/users', {
        token: officer.token,
        body: { email: 'x@example.org', name: 'x', role: 'admin', password: 'x'.repeat(12) },
      }),
      await wasl.request('POST', '/api/v1/teams', { token: officer.token, body: { name: 'x' } }),
      await wasl.request('GET', '/api/v1/admin/failed-jobs', { token: officer.token }),
      await wasl.request('GET', '/api/v1/admin/audit-log', { token: officer.token }),
      await wasl.request('GET', '/api/v1/inboxes', { token: officer.token }),
    ];
    expect(forbidden.map((response) => response.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect((forbidden[0].body as { code: string }).code).toBe('FORBIDDEN');
  });

  it('should never show one organisation another one’s data, through any route', async () => {
    const conversationId = await inbound(
      alphaInbox,
      { id: 'alpha-user', name: 'مستفيد ألف', phone: '0501110000' },
      'بيانات خاصة بجمعية ألف',
    );
    const contactId = (await wasl.request<Conversation>('GET', `/api/v1/conversations/${conversationId}`, { token: alpha.adminToken })).body
      .contact.id;
    const team = await wasl.request<{ id: string }>('POST', '/api/v1/teams', {
      token: alpha.adminToken,
      body: { name: 'مكتب الرياض', isBranch: true },
    });
    const betaContactConversation = await inbound(
      await wasl.createApiInbox(beta.adminToken),
      { id: 'beta-user', name: 'مستفيد باء' },
      'باء',
    );
    const betaContactId = (
      await wasl.request<Conversation>('GET', `/api/v1/conversations/${betaContactConversation}`, { token: beta.adminToken })
    ).body.contact.id;

    const token = beta.adminToken;
    const notFound = [
      await wasl.request('GET', `/api/v1/conversations/${conversationId}`, { token }),
      await wasl.request('GET', `/api/v1/conversations/${conversationId}/messages`, { token }),
      await wasl.request('GET', `/api/v1/conversations/${conversationId}/events`, { token }),
      await wasl.request('POST', `/api/v1/conversations/${conversationId}/messages`, { token, body: { text: 'تسلل' } }),
      await wasl.request('PATCH', `/api/v1/conversations/${conversationId}`, { token, body: { status: 'closed' } }),
      await wasl.request('GET', `/api/v1/contacts/${contactId}`, { token }),
      await wasl.request('POST', `/api/v1/contacts/${contactId}/merge`, { token, body: { sourceContactId: betaContactId } }),
    ];
    expect(notFound.map((response) => response.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    const mergeFromOther = await wasl.request('POST', `/api/v1/contacts/${betaContactId}/merge`, {
      token,
      body: { sourceContactId: contactId },
    });
    expect(mergeFromOther.status).toBe(400);

    const lists = {
      conversations: await wasl.request<Page<{ id: string }>>('GET', '/api/v1/conversations?limit=100', { token }),
      contacts: await wasl.request<Page<{ id: string }>>('GET', '/api/v1/contacts?limit=100', { token }),
      inboxes: await wasl.request<{ id: string }[]>('GET', '/api/v1/inboxes', { token }),
      users: await wasl.request<{ id: string }[]>('GET', '/api/v1/users', { token }),
      teams: await wasl.request<{ id: string }[]>('GET', '/api/v1/teams', { token }),
      audit: await wasl.request<{ items: { subjectId: string }[] }>('GET', '/api/v1/admin/audit-log', { token }),
    };
    const everything = JSON.stringify(lists);
    for (const alphaId of [conversationId, contactId, alphaInbox.id, alpha.adminId, team.body.id])
      expect(everything).not.toContain(alphaId);
    expect(lists.conversations.body.items.map((item) => item.id)).toEqual([betaContactConversation]);

    // Alpha cannot hand its conversation to Beta's staff or teams either.
    const betaOfficer = await wasl.createUser(beta.adminToken, UserRole.Officer);
    const assign = await wasl.request<{ fields: { field: string }[] }>('PATCH', `/api/v1/conversations/${conversationId}`, {
      token: alpha.adminToken,
      body: { assigneeId: betaOfficer.id },
    });
    expect(assign.status).toBe(400);
    expect(assign.body.fields[0].field).toBe('assigneeId');

    // Staff realtime tokens are organisation-bound as well: see api-channel.e2e-spec.ts.
  });

  it('should filter by status, assignee and text, and page with a stable cursor', async () => {
    const officer = await wasl.createUser(alpha.adminToken, UserRole.Officer);
    // An officer sees the inboxes they are on (inbox-access.e2e-spec.ts).
    const access = { teamIds: [], userIds: [officer.id] };
    const granted = await wasl.request('PUT', `/api/v1/inboxes/${alphaInbox.id}/access`, { token: alpha.adminToken, body: access });
    expect(granted.status).toBe(200);
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      ids.push(
        await inbound(
          alphaInbox,
          { id: `filter-${index}-${randomUUID()}`, name: `مستفيد ${index}`, phone: `050222${String(index).padStart(4, '0')}` },
          `طلب رقم ${index} عن السكن التنموي`,
        ),
      );
    }
    await wasl.request('PATCH', `/api/v1/conversations/${ids[0]}`, {
      token: alpha.adminToken,
      body: { assigneeId: officer.id, labels: ['سكن', 'عاجل', 'سكن'] },
    });
    await wasl.request('PATCH', `/api/v1/conversations/${ids[1]}`, {
      token: alpha.adminToken,
      body: { status: 'pending', priority: 'high' },
    });

    const assigned = await wasl.request<Page<Conversation>>('GET', `/api/v1/conversations?assigneeId=${officer.id}`, {
      token: officer.token,
    });
    expect(assigned.body.items.map((item) => item.id)).toEqual([ids[0]]);
    expect(assigned.body.items[0].labels).toEqual(['سكن', 'عاجل']);
    const pending = await wasl.request<Page<Conversation>>('GET', '/api/v1/conversations?status=pending', { token: officer.token });
    expect(pending.body.items.map((item) => item.id)).toEqual([ids[1]]);
    const unassigned = await wasl.request<Page<Conversation>>('GET', '/api/v1/conversations?unassigned=true&limit=100', {
      token: officer.token,
    });
    expect(unassigned.body.items.map((item) => item.id)).not.toContain(ids[0]);
    const byText = await wasl.request<Page<Conversation>>('GET', `/api/v1/conversations?q=${encodeURIComponent('طلب رقم 3')}`, {
      token: officer.token,
    });
    expect(byText.body.items.map((item) => item.id)).toEqual([ids[3]]);
    const byPhone = await wasl.request<Page<Conversation>>('GET', '/api/v1/conversations?q=0502220005', { token: officer.token });
    expect(byPhone.body.items.map((item) => item.id)).toEqual([ids[5]]);
    const badFilter = await wasl.request<{ fields: { field: string }[] }>('GET', '/api/v1/conversations?status=archived&limit=500', {
      token: officer.token,
    });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.fields.map((field) => field.field).sort()).toEqual(['limit', 'status']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page<Conversation> } = await wasl.request<Page<Conversation>>(
        'GET',
        `/api/v1/conversations?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        { token: officer.token },
      );
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect(seen.indexOf(ids[6])).toBeLessThan(seen.indexOf(ids[2]));

    const events = await wasl.request<{ type: string; actorUserId: string }[]>('GET', `/api/v1/conversations/${ids[0]}/events`, {
      token: officer.token,
    });
    expect(events.body.map((event) => event.type)).toEqual(['created', 'assigned', 'labels_changed']);
    expect(events.body[1].actorUserId).toBe(alpha.adminId);
  });

  it('should find Arabic text and names however hamza, ta marbuta and harakat are typed, with % and _ taken literally', async () => {
    const suffix = randomUUID().slice(0, 8);
    const ahmad = await inbound(
      alphaInbox,
      { id: `fold-a-${suffix}`, name: `أحمد الزهراني ${suffix}` },
      `${suffix} أرغب في مساعدة لأسرتي المكوّنة من خمسة أفراد`,
    );
    const discount = await inbound(alphaInbox, { id: `fold-b-${suffix}`, name: 'سلمى' }, `هل الخصم 50% على رسوم الدورة؟ ${suffix}`);
    const search = async (q: string, path = '/api/v1/conversations') =>
      (
        await wasl.request<Page<{ id: string }>>('GET', `${path}?limit=100&q=${encodeURIComponent(q)}`, { token: alpha.adminToken })
      ).body.items.map((item) => item.id);

    // Typed without hamza, with ha for ta marbuta, with harakat the stored text lacks (and without its shadda).
    expect(await search(`${suffix} ارغب في مساعده لاسرتي`)).toEqual([ahmad]);
    expect(await search('المكونة مِنْ خمسة')).toEqual([ahmad]);
    expect(await search(`احمد الزهراني ${suffix}`)).toEqual([ahmad]);
    expect(await search('50%')).toContain(discount);
    // Unescaped, "5_%" would be a pattern matching "50%"; it is literal text here.
    expect(await search('5_%')).toEqual([]);

    const contactId = (await wasl.request<Conversation>('GET', `/api/v1/conversations/${ahmad}`, { token: alpha.adminToken })).body.contact
      .id;
    expect(await search(`احمد الزهراني ${suffix}`, '/api/v1/contacts')).toEqual([contactId]);
    // Another organisation's search never reaches these.
    const other = await wasl.request<Page<{ id: string }>>('GET', `/api/v1/conversations?q=${suffix}`, { token: beta.adminToken });
    expect(other.body.items).toEqual([]);
  });

  it('should merge two contacts into one, with their identities and conversations, and audit it', async () => {
    const byPhone = await inbound(alphaInbox, { id: `phone-${randomUUID()}`, name: 'نورة', phone: '+966 55 777 0001' }, 'من الجوال');
    const byEmail = await inbound(alphaInbox, { id: `email-${randomUUID()}`, email: 'Noura@Example.org' }, 'من البريد');
    const target = (await wasl.request<Conversation>('GET', `/api/v1/conversations/${byPhone}`, { token: alpha.adminToken })).body.contact
      .id;
    const source = (await wasl.request<Conversation>('GET', `/api/v1/conversations/${byEmail}`, { token: alpha.adminToken })).body.contact
      .id;
    expect(target).not.toBe(source);

    const merged = await wasl.request<{ id: string; email: string }>('POST', `/api/v1/contacts/${target}/merge`, {
      token: alpha.adminToken,
      body: { sourceContactId: source },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.email).toBe('noura@example.org');
    const contact = await wasl.request<{ identities: { kind: string; value: string }[]; conversations: { id: string }[] }>(
      'GET',
      `/api/v1/contacts/${target}`,
      {
        token: alpha.adminToken,
      },
    );
    expect(contact.body.identities.map((identity) => `${identity.kind}:${identity.value}`)).toEqual(
      expect.arrayContaining(['phone:+966557770001', 'email:noura@example.org']),
    );
    expect(contact.body.conversations.map((conversation) => conversation.id).sort()).toEqual([byPhone, byEmail].sort());
    const contacts = await wasl.request<Page<{ id: string }>>('GET', '/api/v1/contacts?limit=100', { token: alpha.adminToken });
    expect(contacts.body.items.map((item) => item.id)).not.toContain(source);

    // The next message from the e-mail identity lands on the merged contact.
    await inbound(alphaInbox, { id: `email-again-${randomUUID()}`, email: 'noura@example.org' }, 'مرة أخرى');
    const after = await wasl.request<{ conversations: unknown[] }>('GET', `/api/v1/contacts/${target}`, { token: alpha.adminToken });
    expect(after.body.conversations.length).toBeGreaterThanOrEqual(2);

    const audit = await wasl.request<{ items: { action: string; subjectId: string }[] }>('GET', '/api/v1/admin/audit-log', {
      token: alpha.adminToken,
    });
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'contact.merged', subjectId: target }),
        expect.objectContaining({ action: 'contact.viewed', subjectId: target }),
      ]),
    );
  });

  it('should throttle repeated failed logins, even when the right password follows', async () => {
    const email = `throttle-${randomUUID()}@example.org`;
    const password = 'correct-horse-battery';
    await wasl.request('POST', '/api/v1/users', { token: alpha.adminToken, body: { email, name: 'x', role: 'officer', password } });
    const attempts = [];
    for (let index = 0; index < 3; index += 1)
      attempts.push((await wasl.request('POST', '/api/v1/auth/login', { body: { email, password: 'wrong' } })).status);
    expect(attempts).toEqual([401, 401, 401]);
    const locked = await wasl.request<{ code: string }>('POST', '/api/v1/auth/login', { body: { email, password } });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('RATE_LIMITED');
    const stored: { password_hash: string }[] = await wasl.dataSource.query('SELECT password_hash FROM users WHERE email = $1', [email]);
    expect(stored[0].password_hash).toMatch(/^scrypt\$/);
    expect(stored[0].password_hash).not.toContain(password);
  });

  it('should validate staff input with the fields at fault', async () => {
    const user = await wasl.request<{ code: string; fields: { field: string }[] }>('POST', '/api/v1/users', {
      token: alpha.adminToken,
      body: { email: 'not-an-email', name: '', role: 'king', password: 'short' },
    });
    expect(user.status).toBe(400);
    expect(user.body.fields.map((field) => field.field).sort()).toEqual(['email', 'name', 'password', 'role']);
    const inbox = await wasl.request<{ fields: { field: string }[] }>('POST', '/api/v1/inboxes', {
      token: alpha.adminToken,
      body: { channel: 'api', name: 'no callback' },
    });
    expect(inbox.status).toBe(400);
    expect(inbox.body.fields.map((field) => field.field)).toEqual(['callbackUrl']);
    const webChat = await wasl.request<{ fields: { field: string }[] }>('POST', '/api/v1/inboxes', {
      token: alpha.adminToken,
      body: { channel: 'webchat', name: 'bad chat', settings: { allowedOrigins: 'https://example.org', preChat: { phone: 'sometimes' } } },
    });
    expect(webChat.status).toBe(400);
    expect(webChat.body.fields.map((field) => field.field)).toEqual(
      expect.arrayContaining(['settings.allowedOrigins', 'settings.preChat.phone']),
    );
    // A field in the wrong place is named, not dropped: this one would have sent through the real Twilio.
    const misplaced = await wasl.request<{ fields: { field: string }[] }>('POST', '/api/v1/inboxes', {
      token: alpha.adminToken,
      body: {
        channel: 'sms',
        provider: 'twilio',
        name: 'misplaced',
        apiBaseUrl: 'http://127.0.0.1:4010',
        settings: { accountSid: 'AC00000000000000000000000000000000', authToken: 'token', phoneNumber: '+966110000000' },
      },
    });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.fields.map((field) => field.field)).toEqual(['apiBaseUrl']);
    const missing = await wasl.request('GET', '/api/v1/conversations/not-a-uuid', { token: alpha.adminToken });
    expect(missing.status).toBe(404);
  });
});
