import { UserRole } from '@app/identity';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { beneficiaryMobile, codeIn, prepareRequestsOrganisation, RequestStaff, smsTo } from '../support/support-request.helper';
import { receiveTwilioSms, TwilioTestInbox } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface KindBody {
  id: string;
  kind: string;
  state: string;
  source: string;
  conversationId: string | null;
  teamId: string | null;
  feedbackType: string | null;
  tags: string[];
  data: Record<string, string>;
  actions: string[];
  subject: string | null;
  contact: { id: string; phoneVerified: boolean } | null;
  code?: string;
  fields?: Array<{ field: string; message: string }>;
  items?: KindBody[];
}

describe('Volunteering, suggestions and complaints, internal requests (PostgreSQL, Redis, the SMS sandbox)', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let other: TestOrganisation;
  let staff: RequestStaff;
  let smsInbox: TwilioTestInbox;
  let volunteer: { id: string; token: string };
  let outsider: { id: string; token: string };
  let volunteeringTeamId: string;
  let feedbackTeamId: string;
  let facilitiesTeamId: string;

  const call = <T = KindBody>(method: string, path: string, token: string, body?: unknown) =>
    wasl.request<T & { code?: string; fields?: Array<{ field: string; message: string }> }>(method, path, {
      token,
      ...(body !== undefined ? { body } : {}),
    });
  const act = (token: string, id: string, action: string, extra: Record<string, string> = {}) =>
    call('POST', `/api/v1/kind-requests/${id}/actions`, token, { action, ...extra });

  async function team(name: string, members: string[]): Promise<string> {
    const created = await call<{ id: string }>('POST', '/api/v1/teams', organisation.adminToken, { name });
    expect(created.status).toBe(201);
    for (const userId of members) {
      expect((await call('POST', `/api/v1/teams/${created.body.id}/members`, organisation.adminToken, { userId })).status).toBeLessThan(
        300,
      );
    }
    return created.body.id;
  }

  // Fills a public form the way a browser does: reads the page's time token, waits as a person would, posts.
  async function submitForm(form: 'volunteering' | 'feedback', fields: Record<string, string>, wait = true) {
    const page = await fetch(`${wasl.url}/forms/${organisation.id}/${form}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    const started = /name="started" value="([^"]+)"/.exec(html)![1];
    if (wait) await new Promise((resolve) => setTimeout(resolve, 3_100));
    return fetch(`${wasl.url}/forms/${organisation.id}/${form}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ started, website: '', ...fields }).toString(),
    });
  }

  const latest = async (kind: string) =>
    (
      (await wasl.dataSource.query(
        'SELECT id FROM kind_requests WHERE organisation_id = $1 AND kind = $2 ORDER BY created_at DESC LIMIT 1',
        [organisation.id, kind],
      )) as Array<{ id: string }>
    )[0]?.id;

  beforeAll(async () => {
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl({ OUTBOUND_BACKOFF_MS: '50', CHANNEL_EVENTS_BACKOFF_MS: '50' });
    organisation = await wasl.createOrganisation('جمعية التنمية');
    other = await wasl.createOrganisation('جمعية أخرى');
    ({ staff, smsInbox } = await prepareRequestsOrganisation(wasl, sandbox, organisation));
    volunteer = await wasl.createUser(organisation.adminToken, UserRole.Officer);
    outsider = await wasl.createUser(organisation.adminToken, UserRole.Officer);
    volunteeringTeamId = await team('فريق التطوع', [volunteer.id]);
    feedbackTeamId = await team('فريق الجودة', []);
    facilitiesTeamId = await team('الشؤون الإدارية', [volunteer.id]);
  });

  afterAll(async () => {
    await wasl.close();
    await sandbox.stop();
  });

  it('should let only an administrator name the teams, refusing a team of another organisation by field', async () => {
    expect((await call('PUT', '/api/v1/kind-request-settings', staff.supervisor.token, { volunteeringTeamId })).status).toBe(403);
    const otherTeam = await call<{ id: string }>('POST', '/api/v1/teams', other.adminToken, { name: 'فريق آخر' });
    const refused = await call('PUT', '/api/v1/kind-request-settings', organisation.adminToken, { volunteeringTeamId: otherTeam.body.id });
    expect({ status: refused.status, fields: refused.body.fields }).toEqual({
      status: 400,
      fields: [{ field: 'volunteeringTeamId', message: 'is not a team of this organisation' }],
    });
    const notUuid = await call('PUT', '/api/v1/kind-request-settings', organisation.adminToken, { feedbackTeamId: 'x' });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.fields?.[0].field).toBe('feedbackTeamId');
    const saved = await call('PUT', '/api/v1/kind-request-settings', organisation.adminToken, { volunteeringTeamId, feedbackTeamId });
    expect(saved.body).toEqual({ volunteeringTeamId, feedbackTeamId });
  });

  it('should take a volunteering application from the public form to the team, through interview to a decision told by SMS', async () => {
    // Spam: too fast is refused, a filled honeypot is answered like a success and stores nothing.
    const phone = beneficiaryMobile('7101');
    const fields = {
      name: 'ريم العتيبي',
      phone: `0${phone.slice(4)}`,
      city: 'الرياض',
      skills: 'تصميم وتنظيم فعاليات',
      availability: 'weekends',
    };
    expect((await submitForm('volunteering', fields, false)).status).toBe(400);
    expect((await submitForm('volunteering', { ...fields, website: 'http://spam.example' })).status).toBe(200);
    expect(await latest('volunteering')).toBeUndefined();
    const missing = await submitForm('volunteering', { ...fields, skills: '', phone: '123' });
    expect(missing.status).toBe(400);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain('أدخل رقم جوال سعودياً صحيحاً');
    expect(missingHtml).toContain('<html lang="ar" dir="rtl">');

    const smsBefore = sandbox.messages.length;
    const accepted = await submitForm('volunteering', fields);
    expect(accepted.status).toBe(303);
    const thanks = accepted.headers.get('location')!;
    expect(thanks).toMatch(/^\/forms\/k\/[\w-]+\.[\w-]+\?received=1&to=/);
    const id = (await latest('volunteering'))!;

    // The team sees it as a conversation with the data as its first note; another officer does not.
    const view = await call('GET', `/api/v1/kind-requests/${id}`, volunteer.token);
    expect(view.body).toMatchObject({ kind: 'volunteering', state: 'new', source: 'public_form', teamId: volunteeringTeamId });
    expect(view.body.data).toEqual({ availability: 'weekends', city: 'الرياض' });
    expect(view.body.actions).toEqual(['invite_to_interview']);
    const conversation = await call<{ id: string; channel: string; teamId: string }>(
      'GET',
      `/api/v1/conversations/${view.body.conversationId}`,
      volunteer.token,
    );
    expect(conversation.body).toMatchObject({ channel: 'web_form', teamId: volunteeringTeamId });
    const notes = await call<{ items: Array<{ type: string; text: string }> }>(
      'GET',
      `/api/v1/conversations/${view.body.conversationId}/messages`,
      volunteer.token,
    );
    expect(notes.body.items[0]).toMatchObject({ type: 'note' });
    expect(notes.body.items[0].text).toContain('طلب تطوع');
    expect(notes.body.items[0].text).toContain('تصميم وتنظيم فعاليات');
    expect((await call('GET', `/api/v1/kind-requests/${id}`, outsider.token)).status).toBe(404);
    expect((await call('GET', `/api/v1/conversations/${view.body.conversationId}`, outsider.token)).status).toBe(404);
    expect((await call('GET', `/api/v1/kind-requests/${id}`, other.adminToken)).status).toBe(404);
    const list = await call('GET', '/api/v1/kind-requests?kind=volunteering&state=new', volunteer.token);
    expect(list.body.items!.map((item) => item.id)).toEqual([id]);
    expect((await call('GET', '/api/v1/kind-requests?kind=volunteering', other.adminToken)).body.items).toEqual([]);
    expect((await call('GET', '/api/v1/kind-requests?kind=hobbies', volunteer.token)).body.fields?.[0].field).toBe('kind');

    // The typed number is a claim until the code sent to it is entered.
    const verification = await smsTo(sandbox, phone, /رمز التحقق من رقمك/, smsBefore);
    const token = thanks.split('/')[3].split('?')[0];
    const wrong = await fetch(`${wasl.url}/forms/k/${token}/verify`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=000000',
    });
    expect(wrong.headers.get('location')).toContain('error=code');
    const verified = await fetch(`${wasl.url}/forms/k/${token}/verify`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: codeIn(verification) }).toString(),
    });
    expect(verified.headers.get('location')).toContain('verified=1');
    expect((await call('GET', `/api/v1/kind-requests/${id}`, volunteer.token)).body.contact?.phoneVerified).toBe(true);

    // The state machine: no skipping, roles and team checked.
    const skipped = await act(volunteer.token, id, 'accept');
    expect({ status: skipped.status, code: skipped.body.code }).toEqual({ status: 409, code: 'CONFLICT' });
    expect((await act(outsider.token, id, 'invite_to_interview')).status).toBe(404);
    expect((await act(staff.researcher.token, id, 'invite_to_interview')).status).toBe(404);
    expect((await act(organisation.adminToken, id, 'invite_to_interview')).status).toBe(403);
    const unknown = await act(volunteer.token, id, 'hire');
    expect({ status: unknown.status, field: unknown.body.fields?.[0].field }).toEqual({ status: 400, field: 'action' });
    expect((await act(volunteer.token, id, 'invite_to_interview')).body.state).toBe('interview');
    expect((await act(volunteer.token, id, 'invite_to_interview')).status).toBe(409);
    const decided = await act(volunteer.token, id, 'accept', { reply: 'موعدنا يوم الأحد الساعة العاشرة.' });
    expect(decided.body).toMatchObject({ state: 'accepted', actions: [] });
    expect((await act(volunteer.token, id, 'decline')).status).toBe(409);
    const told = await smsTo(sandbox, phone, /بقبول طلب التطوع/, smsBefore);
    expect(told.body).toContain('موعدنا يوم الأحد');

    const events = await call<{ items: Array<{ type: string; action: string | null; toState: string | null }> }>(
      'GET',
      `/api/v1/kind-requests/${id}/events`,
      volunteer.token,
    );
    expect(events.body.items.map((event) => [event.type, event.action, event.toState])).toEqual([
      ['created', null, 'new'],
      ['transition', 'invite_to_interview', 'interview'],
      ['transition', 'accept', 'accepted'],
      ['notice_sent', null, null],
    ]);
    const audit: Array<{ action: string; details: string }> = await wasl.dataSource.query(
      "SELECT action, details FROM audit_log WHERE subject_type = 'volunteer_application' AND subject_id = $1 ORDER BY created_at",
      [id],
    );
    expect(audit.map((row) => row.action)).toEqual(['request.created', 'request.transitioned', 'request.transitioned']);
  });

  it('should capture a complaint from a conversation in one click and reply to the sender when the supervisor acts on it', async () => {
    const phone = beneficiaryMobile('7202');
    await receiveTwilioSms(wasl, smsInbox, phone, 'انتظرت أسبوعاً ولم يرد أحد على طلبي');
    const conversationId = await eventually(async () => {
      const rows: Array<{ id: string }> = await wasl.dataSource.query(
        'SELECT conversation.id FROM conversations conversation JOIN contact_identities identity ON identity.contact_id = conversation.contact_id WHERE identity.value = $1',
        [phone],
      );
      return rows[0]?.id;
    }, 'the conversation');
    const body = { conversationId, feedbackType: 'complaint', details: 'تأخر الرد أسبوعاً', tags: ['التأخير'] };
    expect((await call('POST', '/api/v1/kind-requests/feedback', staff.researcher.token, body)).status).toBe(403);
    expect((await call('POST', '/api/v1/kind-requests/feedback', outsider.token, body)).body.fields?.[0].field).toBe('conversationId');
    const badType = await call('POST', '/api/v1/kind-requests/feedback', staff.officer.token, { ...body, feedbackType: 'praise' });
    expect(badType.body.fields?.map((problem) => problem.field)).toEqual(['feedbackType']);
    const badTag = await call('POST', '/api/v1/kind-requests/feedback', staff.officer.token, { ...body, tags: ['two words'] });
    expect(badTag.body.fields?.[0].field).toMatch(/^tags/);
    const captured = await call('POST', '/api/v1/kind-requests/feedback', staff.officer.token, body);
    expect(captured.status).toBe(201);
    expect(captured.body).toMatchObject({ kind: 'feedback', state: 'received', source: 'conversation', conversationId, tags: ['التأخير'] });
    const id = captured.body.id;

    // A suggestion from the public form, to filter against.
    const suggestion = await submitForm('feedback', {
      feedbackType: 'suggestion',
      name: 'سعد',
      phone: `0${beneficiaryMobile('7203').slice(4)}`,
      details: 'أقترح فتح المكتب مساءً',
    });
    expect(suggestion.status).toBe(303);

    // The supervisor's queue: filters by kind, state and tag; officers work none of it.
    const complaints = await call('GET', '/api/v1/kind-requests?kind=feedback&feedbackType=complaint', staff.supervisor.token);
    expect(complaints.body.items!.map((item) => item.id)).toEqual([id]);
    const suggestions = await call(
      'GET',
      '/api/v1/kind-requests?kind=feedback&feedbackType=suggestion&state=received',
      staff.supervisor.token,
    );
    expect(suggestions.body.items).toHaveLength(1);
    expect(suggestions.body.items![0]).toMatchObject({ source: 'public_form', teamId: feedbackTeamId });
    const tagged = await call('GET', `/api/v1/kind-requests?kind=feedback&tag=${encodeURIComponent('التأخير')}`, staff.supervisor.token);
    expect(tagged.body.items!.map((item) => item.id)).toEqual([id]);
    expect((await call('GET', `/api/v1/kind-requests?kind=feedback`, outsider.token)).body.items).toEqual([]);
    expect((await call('GET', `/api/v1/kind-requests?kind=feedback`, other.adminToken)).body.items).toEqual([]);
    expect((await call('GET', `/api/v1/kind-requests?kind=feedback`, staff.researcher.token)).status).toBe(403);

    expect((await act(staff.officer.token, id, 'start_review')).status).toBe(403);
    expect((await act(staff.supervisor.token, id, 'act_on', { reply: 'x' })).status).toBe(409);
    expect((await act(staff.supervisor.token, id, 'start_review')).body.state).toBe('in_review');
    const noReply = await act(staff.supervisor.token, id, 'act_on');
    expect({ status: noReply.status, fields: noReply.body.fields }).toEqual({
      status: 400,
      fields: [{ field: 'reply', message: 'is required to tell the sender' }],
    });
    const before = sandbox.messages.length;
    const actedOn = await act(staff.supervisor.token, id, 'act_on', { reply: 'عيّنا موظفاً لمتابعة طلبك اليوم.' });
    expect(actedOn.body.state).toBe('acted_on');
    // The reply goes on the sender's own channel: the SMS conversation it was captured from.
    const reply = await smsTo(sandbox, phone, /درسنا شكواك/, before);
    expect(reply.body).toContain('عيّنا موظفاً');
    expect((await act(staff.supervisor.token, id, 'close')).status).toBe(409);
    const retag = await call('PUT', `/api/v1/kind-requests/${id}/tags`, staff.supervisor.token, { tags: ['التأخير', 'الاتصالات'] });
    expect(retag.body.tags).toEqual(['التأخير', 'الاتصالات']);

    // The sender's copy of their data lists it; their erasure (anonymised) keeps kind and states without what they wrote.
    const contactId = actedOn.body.contact!.id;
    const copy = await call<{ otherRequests: Array<{ kind: string; state: string; details: string }> }>(
      'GET',
      `/api/v1/contacts/${contactId}/export`,
      organisation.adminToken,
    );
    expect(copy.body.otherRequests).toEqual([
      expect.objectContaining({ kind: 'feedback', state: 'acted_on', details: 'تأخر الرد أسبوعاً' }),
    ]);
    const erased = await call('POST', `/api/v1/contacts/${contactId}/erase`, organisation.adminToken, {
      mode: 'anonymise',
      confirm: contactId,
    });
    expect(erased.status).toBeLessThan(300);
    const kept: Array<{ state: string; details: string; reply: string | null; tags: string }> = await wasl.dataSource.query(
      'SELECT state, details, reply, tags FROM kind_requests WHERE id = $1',
      [id],
    );
    expect(kept).toEqual([{ state: 'acted_on', details: '—', reply: null, tags: '[]' }]);
  });

  it('should open an internal request to another team as a conversation both follow, worked only by that team', async () => {
    const missing = await call('POST', '/api/v1/kind-requests/internal', staff.officer.token, { teamId: facilitiesTeamId, details: 'x' });
    expect(new Set(missing.body.fields?.map((problem) => problem.field))).toEqual(new Set(['subject']));
    const otherTeam = await call<{ id: string }>('POST', '/api/v1/teams', other.adminToken, { name: 'فريق خارجي' });
    const foreign = await call('POST', '/api/v1/kind-requests/internal', staff.officer.token, {
      teamId: otherTeam.body.id,
      subject: 'قاعة',
      details: 'x',
    });
    expect(foreign.body.fields).toEqual([{ field: 'teamId', message: 'is not a team of this organisation' }]);
    const created = await call('POST', '/api/v1/kind-requests/internal', staff.officer.token, {
      teamId: facilitiesTeamId,
      subject: 'تجهيز قاعة المقابلات',
      details: 'نحتاج القاعة يوم الأحد من التاسعة',
      priority: 'high',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'internal', state: 'open', subject: 'تجهيز قاعة المقابلات', actions: [] });
    const id = created.body.id;
    const conversationId = created.body.conversationId!;

    // Both the requester and the team see it in the inbox, filtered by its channel; an outsider does not.
    for (const token of [staff.officer.token, volunteer.token]) {
      const inbox = await call<{ items: Array<{ id: string; priority: string }> }>('GET', '/api/v1/conversations?channel=internal', token);
      expect(inbox.body.items.map((item) => item.id)).toContain(conversationId);
    }
    expect((await call('GET', `/api/v1/conversations/${conversationId}`, outsider.token)).status).toBe(404);
    expect((await call('GET', `/api/v1/kind-requests/${id}`, outsider.token)).status).toBe(404);
    const conversation = await call<{ priority: string; teamId: string }>(
      'GET',
      `/api/v1/conversations/${conversationId}`,
      volunteer.token,
    );
    expect(conversation.body).toMatchObject({ priority: 'high', teamId: facilitiesTeamId });
    // They write to each other as notes; the channel sends nothing out.
    const note = await call('POST', `/api/v1/conversations/${conversationId}/messages`, volunteer.token, { text: 'جاهزة', private: true });
    expect(note.status).toBeLessThan(300);
    const refusedReply = await call('POST', `/api/v1/conversations/${conversationId}/messages`, volunteer.token, { text: 'جاهزة' });
    expect(refusedReply.status).toBe(400);

    // The requester follows its status; only the team moves it.
    expect((await act(staff.officer.token, id, 'start')).status).toBe(403);
    expect((await act(volunteer.token, id, 'complete')).status).toBe(409);
    expect((await act(volunteer.token, id, 'start')).body.state).toBe('in_progress');
    expect((await act(volunteer.token, id, 'complete')).body.state).toBe('done');
    const mine = await call('GET', '/api/v1/kind-requests?kind=internal&view=mine', staff.officer.token);
    expect(mine.body.items!.map((item) => [item.id, item.state])).toEqual([[id, 'done']]);
    const asked = await call('GET', '/api/v1/kind-requests?kind=internal&view=team', volunteer.token);
    expect(asked.body.items!.map((item) => item.id)).toEqual([id]);
    expect((await call('GET', '/api/v1/kind-requests?kind=internal', other.adminToken)).body.items).toEqual([]);
    expect((await call('GET', `/api/v1/conversations/${conversationId}`, other.adminToken)).status).toBe(404);
  });
});
