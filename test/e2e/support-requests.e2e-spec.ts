import { UserRole } from '@app/identity';
import { JobName, QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { io, Socket } from 'socket.io-client';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import {
  beneficiaryMobile,
  codeIn,
  dayFromToday,
  linkIn,
  PDF_BYTES,
  PNG_BYTES,
  prepareRequestsOrganisation,
  RequestStaff,
  smsTo,
  uploadDocument,
  VALID_VALUES,
} from '../support/support-request.helper';
import { receiveTwilioSms, TwilioTestInbox } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface Problem {
  field: string;
  message: string;
}
interface RequestBody {
  id: string;
  number: number;
  state: string;
  code?: string;
  fields?: Problem[];
  contact: { id: string; phone: string | null; phoneVerified: boolean };
  checklist: { complete: boolean; problems: Array<{ path: string; status: string; reason?: string }> };
  attestation: { status: string; method: string | null; dataHash: string | null; invalidatedReason: string | null };
  committee: {
    round: number;
    votes: Array<{ outcome: string }>;
    decision: { outcome: string; amount: number | null; byQuorum: boolean; service: string | null } | null;
  };
  answerDueOn: string | null;
  submittedAt: string | null;
  beneficiary: { fileNumber: number } | null;
  services: Array<{ description: string }>;
  actions: string[];
}

function connectAgent(wasl: WaslTestApp, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${wasl.url}/agents`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    socket.once('ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function nextEvent<T>(socket: Socket, event: string, matching: (payload: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (!matching(payload)) return;
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

describe('Support requests from intake to service delivery (PostgreSQL, Redis, the SMS sandbox)', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let other: TestOrganisation;
  let staff: RequestStaff;
  let smsInbox: TwilioTestInbox;
  let typeId: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl({ OUTBOUND_BACKOFF_MS: '50', CHANNEL_EVENTS_BACKOFF_MS: '50' });
    organisation = await wasl.createOrganisation('جمعية البر بالخرج');
    other = await wasl.createOrganisation('جمعية أخرى');
    ({ staff, smsInbox, typeId } = await prepareRequestsOrganisation(wasl, sandbox, organisation));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await wasl.close();
    await sandbox.stop();
  });

  const call = <T = RequestBody>(method: string, path: string, token: string, body?: unknown) =>
    wasl.request<T & { code?: string; fields?: Problem[] }>(method, path, { token, ...(body !== undefined ? { body } : {}) });
  const act = (token: string, requestId: string, action: string, body: unknown = {}) =>
    call('POST', `/api/v1/requests/${requestId}/${action}`, token, body);

  // A beneficiary who wrote by SMS; the request is opened from that conversation, so notices answer there.
  async function requestFromSms(lastFour: string, values: Record<string, unknown>) {
    const phone = beneficiaryMobile(lastFour);
    const contactId = await receiveTwilioSms(wasl, smsInbox, phone, 'السلام عليكم، أحتاج مساعدة في الإيجار');
    const conversationId = await eventually(async () => {
      const rows: Array<{ id: string }> = await wasl.dataSource.query('SELECT id FROM conversations WHERE contact_id = $1', [contactId]);
      return rows[0]?.id;
    }, 'the conversation');
    const created = await call('POST', '/api/v1/requests', staff.officer.token, { typeId, conversationId, values });
    expect(created.status).toBe(201);
    return { request: created.body, phone, conversationId };
  }

  // Steps 2 to 4 done well, for the tests that are about the committee.
  async function atCommittee(lastFour: string) {
    const { request, phone } = await requestFromSms(lastFour, VALID_VALUES);
    expect((await uploadDocument(wasl, staff.officer.token, request.id, 'idCard', PNG_BYTES, dayFromToday(400))).status).toBe(201);
    expect((await uploadDocument(wasl, staff.officer.token, request.id, 'lease', PDF_BYTES, dayFromToday(200))).status).toBe(201);
    expect((await act(staff.officer.token, request.id, 'referral', { researcherId: staff.researcher.id })).status).toBe(200);
    expect((await act(staff.researcher.token, request.id, 'referral/accept')).status).toBe(200);
    const findings = {
      homeVisitDate: dayFromToday(0),
      findings: 'أسرة من ستة أفراد في شقة مستأجرة',
      recommendation: 'دعم الإيجار لستة أشهر',
    };
    expect((await act(staff.researcher.token, request.id, 'findings', findings)).status).toBe(200);
    const sentAt = sandbox.messages.length;
    const codeSent = await act(staff.officer.token, request.id, 'attestation/code');
    expect({ status: codeSent.status, fields: codeSent.body.fields }).toEqual({ status: 200, fields: undefined });
    const code = codeIn(await smsTo(sandbox, phone, /رمز الإقرار/, sentAt));
    expect((await act(staff.officer.token, request.id, 'attestation', { code })).status).toBe(200);
    const sent = await act(staff.officer.token, request.id, 'committee');
    expect(sent.status).toBe(200);
    return { request: sent.body, phone };
  }

  it('should take a request from a conversation through every step to the service, telling the beneficiary at each', async () => {
    const researcherSocket = await connectAgent(wasl, staff.researcher.token);
    sockets.push(researcherSocket);
    const { request, phone, conversationId } = await requestFromSms('5101', { ...VALID_VALUES, nationalId: '1058529941' });
    expect(request).toMatchObject({ state: 'draft', contact: { phone, phoneVerified: true } });
    await smsTo(sandbox, phone, new RegExp(`استلمت .* طلبك رقم ${request.number}`));

    // Step 2: refused while anything is missing or invalid, naming each item.
    const refused = await act(staff.officer.token, request.id, 'referral', { researcherId: staff.researcher.id });
    expect(refused.status).toBe(409);
    expect(refused.body.fields).toEqual(
      expect.arrayContaining([
        { field: 'values.nationalId', message: 'identity_checksum' },
        { field: 'documents.idCard', message: 'required' },
        { field: 'documents.lease', message: 'required' },
      ]),
    );
    const wrongType = await uploadDocument(wasl, staff.officer.token, request.id, 'idCard', Buffer.from('<script>alert(1)</script>'));
    expect(wrongType).toMatchObject({ status: 400, body: { fields: [{ field: 'file', message: expect.any(String) }] } });
    expect((await uploadDocument(wasl, staff.officer.token, request.id, 'idCard', PNG_BYTES, dayFromToday(-1))).status).toBe(201);
    expect((await uploadDocument(wasl, staff.officer.token, request.id, 'lease', PDF_BYTES, dayFromToday(180))).status).toBe(201);
    const fixed = await call('PATCH', `/api/v1/requests/${request.id}/values`, staff.officer.token, {
      values: { nationalId: '1058529940' },
    });
    expect(fixed.body.checklist.problems).toEqual([
      { ...fixed.body.checklist.problems[0], path: 'documents.idCard', status: 'expired', reason: 'expired' },
    ]);
    const expired = await act(staff.officer.token, request.id, 'referral', { researcherId: staff.researcher.id });
    expect(expired.status).toBe(409);
    expect(expired.body.fields).toEqual([{ field: 'documents.idCard', message: 'expired' }]);

    // One click asks the beneficiary, in Arabic, on their channel, for what is wrong.
    const asked = sandbox.messages.length;
    expect((await act(staff.officer.token, request.id, 'request-missing')).status).toBe(200);
    await smsTo(sandbox, phone, /نحتاج منك: صورة الهوية: منتهي الصلاحية/, asked);
    expect((await uploadDocument(wasl, staff.officer.token, request.id, 'idCard', PNG_BYTES, dayFromToday(365))).status).toBe(201);

    // Step 3: only an officer refers; the researcher sees it in their queue live, returns it, gets it again.
    expect((await act(staff.researcher.token, request.id, 'referral', { researcherId: staff.researcher.id })).status).toBe(403);
    const live = nextEvent<{ id: string; state: string }>(researcherSocket, 'request.updated', (event) => event.id === request.id);
    const referred = await act(staff.officer.token, request.id, 'referral', {
      researcherId: staff.researcher.id,
      note: 'تحتاج شرح شروط الدعم',
    });
    expect(referred.body).toMatchObject({ state: 'referred', checklist: { complete: true } });
    expect(await live).toEqual({ id: request.id, number: request.number, state: 'referred' });
    const queue = await call<{ items: Array<{ id: string }> }>('GET', '/api/v1/requests?view=mine', staff.researcher.token);
    expect(queue.body.items.map((item) => item.id)).toContain(request.id);
    expect((await act(staff.officer.token, request.id, 'referral/accept')).status).toBe(403);
    expect((await act(staff.researcher.token, request.id, 'referral/return', { reason: ' ' })).status).toBe(400);
    expect((await act(staff.researcher.token, request.id, 'referral/return', { reason: 'صورة عقد الإيجار غير واضحة' })).status).toBe(200);
    expect((await call('GET', `/api/v1/requests/${request.id}`, staff.researcher.token)).status).toBe(404);
    expect((await call('GET', `/api/v1/requests/${request.id}`, staff.officer.token)).body.state).toBe('draft');
    expect((await act(staff.officer.token, request.id, 'referral', { researcherId: staff.researcher.id })).status).toBe(200);
    const researching = sandbox.messages.length;
    expect((await act(staff.researcher.token, request.id, 'referral/accept')).status).toBe(200);
    await smsTo(sandbox, phone, /لدى مسؤول البحث الاجتماعي/, researching);
    expect(
      (await act(staff.researcher.token, request.id, 'findings', { homeVisitDate: dayFromToday(2), findings: 'x', recommendation: 'y' }))
        .status,
    ).toBe(400);
    const researched = await act(staff.researcher.token, request.id, 'findings', {
      homeVisitDate: dayFromToday(0),
      findings: 'زيارة منزلية: أسرة من أربعة أفراد، دخل غير منتظم',
      recommendation: 'دعم الإيجار',
    });
    expect(researched.body.state).toBe('researched');
    const message = await act(staff.researcher.token, request.id, 'messages', { text: 'شكراً لاستقبالنا، سنرفع توصيتنا للجنة.' });
    expect(message.body).toEqual({ sent: true });

    // Step 4: no committee without an attestation; the code goes by SMS with a signed link to the data.
    const unattested = await act(staff.officer.token, request.id, 'committee');
    expect(unattested).toMatchObject({ status: 409, body: { fields: [{ field: 'attestation', message: 'is missing' }] } });
    const before = sandbox.messages.length;
    expect((await act(staff.officer.token, request.id, 'attestation/code')).status).toBe(200);
    const codeMessage = await smsTo(sandbox, phone, new RegExp(`رمز الإقرار بصحة بيانات طلبك رقم ${request.number}`), before);
    const page = await fetch(linkIn(codeMessage));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('SA0380000000608010167519');
    expect(html).not.toMatch(/<script>|<style>| style=/);
    const attestUrl = `${new URL(linkIn(codeMessage)).pathname}/attest`;
    const wrong = await fetch(`${wasl.url}${attestUrl}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: codeIn(codeMessage) === '000000' ? '111111' : '000000', confirm: 'yes' }).toString(),
    });
    expect(wrong.headers.get('location')).toContain('error=wrong');
    const attested = await fetch(`${wasl.url}${attestUrl}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: codeIn(codeMessage), confirm: 'yes' }).toString(),
    });
    expect(attested.status).toBe(303);
    expect(attested.headers.get('location')).toContain('attested=1');
    const withAttestation = await call('GET', `/api/v1/requests/${request.id}`, staff.officer.token);
    expect(withAttestation.body.attestation).toMatchObject({
      status: 'valid',
      method: 'code_on_signed_page',
      dataHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    // The data changes after the attestation: it no longer holds, the request says so, and the committee is refused.
    const changed = await call('PATCH', `/api/v1/requests/${request.id}/values`, staff.officer.token, { values: { mobile: '0559876543' } });
    expect(changed.body.attestation).toMatchObject({ status: 'invalidated', invalidatedReason: 'data_changed' });
    expect((await act(staff.officer.token, request.id, 'committee')).body.fields).toEqual([
      { field: 'attestation', message: 'no longer matches the data' },
    ]);
    // At a walk-in visit the beneficiary reads the new code to the officer.
    const again = sandbox.messages.length;
    expect((await act(staff.officer.token, request.id, 'attestation/code')).status).toBe(200);
    const newCode = codeIn(await smsTo(sandbox, phone, /رمز الإقرار/, again));
    const inPerson = await act(staff.officer.token, request.id, 'attestation', { code: newCode });
    expect(inPerson.body.attestation).toMatchObject({ status: 'valid', method: 'code_read_to_officer' });

    // Step 5: at the committee; told the answer day, never less than 14 days after submission.
    // Before the committee has it, a member does not even see it.
    expect(
      (await act(staff.committee[0].token, request.id, 'votes', { outcome: 'approved', service: 'دعم إيجار', amount: 1500 })).status,
    ).toBe(404);
    const told = sandbox.messages.length;
    const atCommittee = await act(staff.officer.token, request.id, 'committee');
    expect(atCommittee.body).toMatchObject({ state: 'at_committee', answerDueOn: dayFromToday(21), committee: { round: 1 } });
    await smsTo(sandbox, phone, /رُفع طلبك رقم \d+ إلى لجنة البحث .* في موعد أقصاه .*هـ/, told);

    // Votes with a quorum of two: an officer may not vote, a member votes once, two approvals decide.
    expect((await act(staff.officer.token, request.id, 'votes', { outcome: 'approved', service: 'دعم إيجار' })).status).toBe(403);
    expect((await act(staff.committee[1].token, request.id, 'votes', { outcome: 'approved' })).body.fields).toEqual([
      { field: 'service', message: 'names the service approved' },
    ]);
    const first = await act(staff.committee[1].token, request.id, 'votes', { outcome: 'approved', service: 'دعم إيجار', amount: 1500 });
    expect(first.body).toMatchObject({ state: 'at_committee', committee: { votes: [{ outcome: 'approved' }] } });
    expect((await act(staff.committee[1].token, request.id, 'votes', { outcome: 'rejected', reason: 'تغيير' })).status).toBe(409);
    expect((await act(staff.committee[1].token, request.id, 'decision', { outcome: 'approved', service: 'دعم إيجار' })).status).toBe(403);
    const decisionAt = sandbox.messages.length;
    const decided = await act(staff.committee[2].token, request.id, 'votes', { outcome: 'approved', service: 'دعم إيجار', amount: 1200 });
    expect(decided.body).toMatchObject({
      state: 'approved',
      committee: { decision: { outcome: 'approved', amount: 1200, byQuorum: true, service: 'دعم إيجار' } },
    });
    // The decision reaches the beneficiary on their channel (the SMS conversation the request came from).
    await smsTo(sandbox, phone, /قررت لجنة البحث قبول طلبك رقم \d+: دعم إيجار بمبلغ 1,200 ريال/, decisionAt);

    // Steps 6 and 7: registered with a file number; the service recorded, told, and the request closed.
    expect((await act(staff.committee[0].token, request.id, 'registration')).status).toBe(403);
    const registered = await act(staff.officer.token, request.id, 'registration');
    expect(registered.body).toMatchObject({ state: 'registered', beneficiary: { fileNumber: 1 } });
    await smsTo(sandbox, phone, /رقم ملفك 1\b/);
    expect((await act(staff.officer.token, request.id, 'close')).body.fields).toEqual([
      { field: 'services', message: 'must hold at least one delivery' },
    ]);
    expect((await act(staff.researcher.token, request.id, 'services', { description: 'x', deliveredOn: dayFromToday(0) })).status).toBe(
      403,
    );
    const delivered = await act(staff.officer.token, request.id, 'services', {
      description: 'دعم إيجار شهر رجب',
      deliveredOn: dayFromToday(0),
      amount: 1200,
    });
    expect(delivered.body.services).toEqual([expect.objectContaining({ description: 'دعم إيجار شهر رجب' })]);
    await smsTo(sandbox, phone, /قُدّمت لك الخدمة: دعم إيجار شهر رجب بمبلغ 1,200 ريال/);
    expect((await act(staff.officer.token, request.id, 'close')).body).toMatchObject({ state: 'closed', actions: [] });

    // The whole way on the timeline and in the audit log; automatic messages have no staff author.
    const events = await call<{ items: Array<{ type: string; action: string | null; toState: string | null }> }>(
      'GET',
      `/api/v1/requests/${request.id}/events`,
      staff.supervisor.token,
    );
    const transitions = events.body.items
      .filter((event) => event.type === 'transition' && event.toState !== null)
      .map((event) => event.action);
    expect(transitions).toEqual(
      expect.arrayContaining([
        'refer',
        'return_referral',
        'accept_referral',
        'record_findings',
        'attest',
        'send_to_committee',
        'vote',
        'approve',
        'register',
        'deliver_service',
        'close',
      ]),
    );
    expect(events.body.items.some((event) => event.type === 'attestation_invalidated')).toBe(true);
    const audited: Array<{ count: number }> = await wasl.dataSource.query(
      "SELECT count(*)::int AS count FROM audit_log WHERE subject_id = $1 AND action = 'request.transitioned'",
      [request.id],
    );
    expect(audited[0].count).toBeGreaterThanOrEqual(transitions.length);
    const notices = await call<{ items: Array<{ sender: string; senderUserId: string | null; text: string }> }>(
      'GET',
      `/api/v1/conversations/${conversationId}/messages`,
      staff.supervisor.token,
    );
    expect(notices.body.items.find((item) => item.text.startsWith('قررت لجنة البحث'))).toMatchObject({
      sender: 'system',
      senderUserId: null,
    });
    expect(notices.body.items.find((item) => item.text.startsWith('شكراً لاستقبالنا'))).toMatchObject({
      sender: 'staff',
      senderUserId: staff.researcher.id,
    });

    // Asked by number at any time: the beneficiary's SMS that is just the number gets the status.
    const asking = sandbox.messages.length;
    await receiveTwilioSms(wasl, smsInbox, phone, `${request.number}`);
    await smsTo(sandbox, phone, new RegExp(`طلبك رقم ${request.number} \\(مساعدة إيجار\\): مغلق بعد تقديم الخدمة`), asking);
  });

  it('should let the chair decide alone, refuse others, and tell the beneficiary the reason', async () => {
    const { request, phone } = await atCommittee('5102');
    expect((await act(staff.supervisor.token, request.id, 'decision', { outcome: 'rejected', reason: 'x' })).status).toBe(403);
    expect((await act(staff.committee[0].token, request.id, 'decision', { outcome: 'rejected' })).body.fields).toEqual([
      { field: 'reason', message: 'is required to reject or to ask for more information' },
    ]);
    const told = sandbox.messages.length;
    const rejected = await act(staff.committee[0].token, request.id, 'decision', {
      outcome: 'rejected',
      reason: 'الدخل يتجاوز حد الاستحقاق',
    });
    expect(rejected.body).toMatchObject({ state: 'rejected', committee: { decision: { outcome: 'rejected', byQuorum: false } } });
    await smsTo(sandbox, phone, /عدم قبول طلبك .* السبب: الدخل يتجاوز حد الاستحقاق/, told);
    expect((await act(staff.officer.token, request.id, 'registration')).status).toBe(409);
  });

  it('should never announce an answer day under 14 days, and alert the supervisor as the day nears', async () => {
    const tooShort = await call('PUT', '/api/v1/request-settings', organisation.adminToken, { answerDays: 13 });
    expect(tooShort).toMatchObject({ status: 400, body: { fields: [{ field: 'answerDays', message: expect.stringContaining('14') }] } });
    expect((await call('PUT', '/api/v1/request-settings', staff.officer.token, { answerDays: 30 })).status).toBe(403);
    expect((await call('PUT', '/api/v1/request-settings', organisation.adminToken, { answerDays: 14, alertDaysBefore: 14 })).status).toBe(
      200,
    );
    const supervisorSocket = await connectAgent(wasl, staff.supervisor.token);
    sockets.push(supervisorSocket);
    const { request } = await atCommittee('5103');
    expect(request.answerDueOn).toBe(dayFromToday(14));
    const alert = nextEvent<{ id: string; answerDueOn: string }>(
      supervisorSocket,
      'request.deadline_near',
      (event) => event.id === request.id,
    );
    const maintenance = wasl.app.get<Queue>(getQueueToken(QueueName.Maintenance));
    await maintenance.add(JobName.CheckRequestDeadlines, { organisationId: organisation.id });
    expect(await alert).toMatchObject({ id: request.id, answerDueOn: dayFromToday(14) });
    const deadlines = await call<{ items: Array<{ id: string; deadlineAlertedAt: string | null }> }>(
      'GET',
      '/api/v1/requests?view=deadlines',
      staff.supervisor.token,
    );
    expect(deadlines.body.items.find((item) => item.id === request.id)?.deadlineAlertedAt).toEqual(expect.any(String));
    await call('PUT', '/api/v1/request-settings', organisation.adminToken, { answerDays: 21, alertDaysBefore: 3 });
  });

  it('should show another organisation nothing, and keep each role to its own requests', async () => {
    const { request } = await requestFromSms('5104', VALID_VALUES);
    expect((await call('GET', `/api/v1/requests/${request.id}`, other.adminToken)).status).toBe(404);
    expect((await call<{ items: unknown[] }>('GET', '/api/v1/requests', other.adminToken)).body.items).toEqual([]);
    expect((await call('GET', `/api/v1/requests/${request.id}/events`, other.adminToken)).status).toBe(404);
    const otherOfficer = await wasl.createUser(other.adminToken, UserRole.Officer);
    expect((await call('PATCH', `/api/v1/requests/${request.id}/values`, otherOfficer.token, { values: { iban: null } })).status).toBe(404);
    expect((await call('GET', `/api/v1/requests/${request.id}/documents/${request.id}`, otherOfficer.token)).status).toBe(404);
    expect((await act(otherOfficer.token, request.id, 'referral', { researcherId: staff.researcher.id })).status).toBe(404);
    // Another officer of the same association does not see a request a colleague handles; the committee sees it
    // only once it reaches the committee.
    const colleague = await wasl.createUser(organisation.adminToken, UserRole.Officer);
    expect((await call('GET', `/api/v1/requests/${request.id}`, colleague.token)).status).toBe(404);
    expect((await call('GET', `/api/v1/requests/${request.id}`, staff.committee[0].token)).status).toBe(404);
    // Administrators configure and read; they do not work requests.
    expect((await call('GET', `/api/v1/requests/${request.id}`, organisation.adminToken)).status).toBe(200);
    expect((await act(organisation.adminToken, request.id, 'request-missing')).status).toBe(403);
    const read: Array<{ count: number }> = await wasl.dataSource.query(
      "SELECT count(*)::int AS count FROM audit_log WHERE subject_id = $1 AND action = 'request.viewed'",
      [request.id],
    );
    expect(read[0].count).toBeGreaterThanOrEqual(1);
  });

  it('should give a beneficiary their requests in their PDPL copy, and erase them with their contact', async () => {
    const { request } = await requestFromSms('5107', VALID_VALUES);
    expect((await uploadDocument(wasl, staff.officer.token, request.id, 'lease', PDF_BYTES, dayFromToday(90))).status).toBe(201);
    const copy = await call<{ supportRequests: Array<{ number: number; values: Record<string, unknown>; documents: unknown[] }> }>(
      'GET',
      `/api/v1/contacts/${request.contact.id}/export?format=json`,
      organisation.adminToken,
    );
    expect(copy.body.supportRequests).toEqual([
      expect.objectContaining({
        number: request.number,
        values: expect.objectContaining({ iban: VALID_VALUES.iban }),
        documents: [expect.anything()],
      }),
    ]);
    const html = await fetch(`${wasl.url}/api/v1/contacts/${request.contact.id}/export?format=html`, {
      headers: { authorization: `Bearer ${organisation.adminToken}` },
    });
    expect(await html.text()).toContain('طلبات الدعم (1)');
    const erased = await call('POST', `/api/v1/contacts/${request.contact.id}/erase`, organisation.adminToken, {
      mode: 'anonymise',
      confirm: request.contact.id,
    });
    expect(erased.body).toMatchObject({ supportRequests: 1, requestDocuments: 1 });
    const kept = await call('GET', `/api/v1/requests/${request.id}`, staff.supervisor.token);
    expect(kept.body).toMatchObject({ number: request.number, values: {}, documents: [] });
  });

  it('should answer malformed input with a 4xx naming the field, never a 5xx', async () => {
    const { request } = await requestFromSms('5108', {});
    const cases: Array<[string, string, string, unknown]> = [
      [
        'PATCH',
        `/api/v1/requests/${request.id}/values`,
        staff.officer.token,
        { values: { household: [{ name: { nested: 1 } }, 'x', null] } },
      ],
      ['PATCH', `/api/v1/requests/${request.id}/values`, staff.officer.token, { values: [] }],
      ['PATCH', `/api/v1/requests/${request.id}/values`, staff.officer.token, { values: { nationalId: 'x'.repeat(3000) } }],
      ['POST', '/api/v1/requests', staff.officer.token, { typeId: 'not-a-uuid', contact: { name: '' } }],
      ['POST', '/api/v1/requests', staff.officer.token, { typeId, contactId: request.contact.id, contact: { name: 'x' } }],
      ['POST', `/api/v1/requests/${request.id}/referral`, staff.officer.token, {}],
      ['POST', `/api/v1/requests/${request.id}/votes`, staff.committee[0].token, { outcome: 'maybe', amount: 'abc' }],
      [
        'POST',
        '/api/v1/request-types',
        organisation.adminToken,
        { nameAr: 'x', nameEn: 'x', fields: [null, { kind: 'household', fields: 'x' }], documents: {} },
      ],
      [
        'POST',
        '/api/v1/request-types',
        organisation.adminToken,
        {
          nameAr: 'y',
          nameEn: 'y',
          fields: [
            {
              key: 'a',
              labelAr: 'a',
              labelEn: 'a',
              kind: 'household',
              required: true,
              fields: [{ key: 'b', labelAr: 'b', labelEn: 'b', kind: 'household', required: true }],
            },
          ],
          documents: [],
        },
      ],
      ['PUT', '/api/v1/request-settings', organisation.adminToken, { chairUserId: 'nobody', quorum: 0, smsInboxId: request.id }],
    ];
    for (const [method, path, token, body] of cases) {
      const answer = await call(method, path, token, body);
      expect({ path, status: answer.status < 500 && answer.status >= 400, field: Boolean(answer.body.fields?.[0]?.field) }).toEqual({
        path,
        status: true,
        field: true,
      });
    }
    const form = await fetch(`${wasl.url}/forms/${organisation.id}/${typeId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=a&name=b&phone[x]=1&v.household.0.name=%00&started=' + 'x'.repeat(500),
    });
    expect(form.status).toBe(400);
    const upload = await fetch(`${wasl.url}/forms/r/not-a-token/documents/idCard`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: 'x',
    });
    expect(upload.status).toBe(404);
  });

  it('should version a type: editing it never changes a request already filed', async () => {
    const { request } = await requestFromSms('5105', VALID_VALUES);
    const type = await call<{ form: { fields: unknown[]; documents: unknown[] }; version: number }>(
      'GET',
      `/api/v1/request-types/${typeId}`,
      organisation.adminToken,
    );
    const edited = await call<{ version: number }>('PUT', `/api/v1/request-types/${typeId}`, organisation.adminToken, {
      nameAr: 'مساعدة إيجار',
      nameEn: 'Rent support',
      publicForm: true,
      fields: [...type.body.form.fields, { key: 'employer', labelAr: 'جهة العمل', labelEn: 'Employer', kind: 'text', required: true }],
      documents: type.body.form.documents,
    });
    expect(edited.body.version).toBe(type.body.version + 1);
    const filed = await call<RequestBody & { typeVersion: number; typeCurrentVersion: number }>(
      'GET',
      `/api/v1/requests/${request.id}`,
      staff.officer.token,
    );
    expect(filed.body).toMatchObject({ typeVersion: type.body.version, typeCurrentVersion: type.body.version + 1 });
    expect(filed.body.checklist.problems.map((item) => item.path)).not.toContain('values.employer');
    const badType = await call('POST', '/api/v1/request-types', organisation.adminToken, {
      nameAr: 'نوع',
      nameEn: 'Type',
      fields: [{ key: 'kind', labelAr: 'ن', labelEn: 'k', kind: 'choice', required: true }],
      documents: [],
    });
    expect(badType).toMatchObject({ status: 400, body: { fields: [{ field: 'fields.0.options', message: 'must list the choices' }] } });
  });

  it('should take a beneficiary’s own request from the public form: spam kept out, the typed number a claim until proven', async () => {
    // The web-chat widget links to the form (a page of its own, never framed).
    const chat = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'webchat', name: 'محادثة الموقع' },
    });
    const config = await fetch(`${wasl.url}/webchat/inboxes/${chat.body.id}/config`);
    expect(((await config.json()) as { supportRequestUrl: string }).supportRequestUrl).toBe(`${wasl.url}/forms/${organisation.id}`);
    const formUrl = `${wasl.url}/forms/${organisation.id}/${typeId}`;
    const form = await fetch(formUrl);
    const html = await form.text();
    expect(form.status).toBe(200);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(form.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    const started = /name="started" value="([^"]+)"/.exec(html)![1];
    const phone = beneficiaryMobile('5106');
    const fields = (extra: Record<string, string> = {}) =>
      new URLSearchParams({
        started,
        website: '',
        name: 'هند الشمري',
        phone: `0${phone.slice(4)}`,
        'v.nationalId': '1000000008',
        'v.iban': 'SA0380000000608010167519',
        'v.birthDate': '1990-01-01',
        'v.housing': 'rent',
        'v.household.0.name': 'هند',
        // Added to the type by the versioning test above: the public form shows the type's current version.
        'v.employer': 'لا يوجد',
        ...extra,
      }).toString();
    const post = (body: string) =>
      fetch(formUrl, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const count = async () =>
      (
        (await wasl.dataSource.query('SELECT count(*)::int AS count FROM support_requests WHERE organisation_id = $1', [
          organisation.id,
        ])) as Array<{ count: number }>
      )[0].count;
    const before = await count();
    // Sent faster than a person fills a form: refused; a filled honeypot: answered like a success, nothing stored.
    expect((await post(fields())).status).toBe(400);
    expect((await post(fields({ website: 'http://spam.example' }))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const forged = await post(fields({ started: `${Date.now() - 10_000}.forged` }));
    expect(forged.status).toBe(400);
    const badPhone = await post(fields({ phone: '12345' }));
    expect(badPhone.status).toBe(400);
    expect(await badPhone.text()).toContain('أدخل رقم جوال سعودياً صحيحاً');
    expect(await count()).toBe(before);

    const smsBefore = sandbox.messages.length;
    const accepted = await post(fields());
    expect({ status: accepted.status, body: accepted.status === 303 ? '' : await accepted.text() }).toEqual({ status: 303, body: '' });
    const statusPath = accepted.headers.get('location')!;
    expect(statusPath).toMatch(/^\/forms\/r\/[\w-]+\.[\w-]+\?received=1$/);
    expect(await count()).toBe(before + 1);
    const [created]: Array<{ id: string; source: string; officer_id: string | null; contact_id: string }> = await wasl.dataSource.query(
      'SELECT id, source, officer_id, contact_id FROM support_requests WHERE organisation_id = $1 ORDER BY created_at DESC LIMIT 1',
      [organisation.id],
    );
    expect(created).toMatchObject({ source: 'public_form', officer_id: null });
    const verification = await smsTo(sandbox, phone, /رمز التحقق لطلبك/, smsBefore);
    // Nothing else goes to a number that is only a claim.
    expect(sandbox.messages.slice(smsBefore).filter((message) => message.to === phone)).toHaveLength(1);
    const intake = await call<{ items: Array<{ id: string; contact: { phoneVerified: boolean } }> }>(
      'GET',
      '/api/v1/requests?view=intake',
      staff.officer.token,
    );
    expect(intake.body.items.find((item) => item.id === created.id)?.contact.phoneVerified).toBe(false);
    // Searched by the beneficiary's name (folded: هند finds هند), and by nothing else it does not match.
    const byName = await call<{ items: Array<{ id: string; contact: { name: string | null } }> }>(
      'GET',
      `/api/v1/requests?q=${encodeURIComponent('هند الشمري')}`,
      staff.officer.token,
    );
    expect(byName.body.items.find((item) => item.id === created.id)?.contact.name).toBe('هند الشمري');
    const byOtherName = await call<{ items: Array<{ id: string }> }>(
      'GET',
      `/api/v1/requests?q=${encodeURIComponent('زيد')}`,
      staff.officer.token,
    );
    expect(byOtherName.body.items.map((item) => item.id)).not.toContain(created.id);

    const statusPage = await fetch(`${wasl.url}${statusPath}`);
    expect(await statusPage.text()).toContain('تأكيد رقم الجوال');
    const token = statusPath.split('/')[3].split('?')[0];
    const upload = await fetch(`${wasl.url}/forms/r/${token}/documents/idCard?expiresOn=${dayFromToday(300)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('هوية.png') },
      body: new Uint8Array(PNG_BYTES),
    });
    expect({ status: upload.status, body: await upload.text() }).toEqual({ status: 201, body: '{"uploaded":true}' });
    const verified = await fetch(`${wasl.url}/forms/r/${token}/verify`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: codeIn(verification) }).toString(),
    });
    expect(verified.headers.get('location')).toContain('verified=1');
    const contact: Array<{ phone_verified: boolean }> = await wasl.dataSource.query('SELECT phone_verified FROM contacts WHERE id = $1', [
      created.contact_id,
    ]);
    expect(contact[0].phone_verified).toBe(true);
    // Proven now: the first notice goes.
    await smsTo(sandbox, phone, /استلمت .* طلبك رقم/, smsBefore);
    const view = await call('GET', `/api/v1/requests/${created.id}`, staff.officer.token);
    expect(view.body.checklist.problems.map((item) => item.path)).toEqual(['documents.lease']);
    expect((await fetch(`${wasl.url}/forms/r/${token.slice(0, -2)}xx`)).status).toBe(404);

    // A number floods nobody: three submissions an hour per number.
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await post(fields())).status).toBe(303);
    expect((await post(fields())).status).toBe(429);
  });
});
