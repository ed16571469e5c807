import { UserRole } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface Conversation {
  id: string;
  inboxId: string;
  contact: { id: string };
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface InboxWithAccess {
  id: string;
  access: { teamIds: string[]; userIds: string[] };
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

function connectAgent(wasl: WaslTestApp, token: string): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const socket = io(`${wasl.url}/agents`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    socket.once('ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

// Purpose-bound access (PDPL): an inbox's access list decides which officers see its conversations; researchers see
// what is assigned to them or their team; administrators and supervisors see everything of their organisation.
describe('Purpose-bound access: inbox access lists on every read, write and realtime event (real PostgreSQL and Redis)', () => {
  let wasl: WaslTestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let restricted: { id: string; secret: string };
  let shared: { id: string; secret: string };
  let smsInbox: { id: string };
  let team: { id: string };
  let officer: { id: string; token: string };
  let member: { id: string; token: string };
  let researcher: { id: string; token: string };
  let researcherTeam: { id: string };

  beforeAll(async () => {
    wasl = await WaslTestApp.start();
    alpha = await wasl.createOrganisation('جمعية ألف');
    beta = await wasl.createOrganisation('جمعية باء');
    restricted = await wasl.createApiInbox(alpha.adminToken);
    shared = await wasl.createApiInbox(alpha.adminToken);
    const sms = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: alpha.adminToken,
      body: {
        channel: 'sms',
        provider: 'unifonic',
        name: `SMS ${randomUUID().slice(0, 8)}`,
        settings: { appSid: 'app-sid-secret', senderId: 'Jameiati', apiBaseUrl: 'http://127.0.0.1:9' },
      },
    });
    if (sms.status !== 201) throw new Error(JSON.stringify(sms.body));
    smsInbox = sms.body;
    team = (await wasl.request<{ id: string }>('POST', '/api/v1/teams', { token: alpha.adminToken, body: { name: 'مكتب الخرج' } })).body;
    researcherTeam = (
      await wasl.request<{ id: string }>('POST', '/api/v1/teams', { token: alpha.adminToken, body: { name: 'لجنة البحث الاجتماعي' } })
    ).body;
    officer = await wasl.createUser(alpha.adminToken, UserRole.Officer, { teamIds: [team.id] });
    member = await wasl.createUser(alpha.adminToken, UserRole.Officer);
    researcher = await wasl.createUser(alpha.adminToken, UserRole.Researcher, { teamIds: [researcherTeam.id] });
    // The officer works the "shared" inbox by name; nobody is on the "restricted" inbox's list yet.
    expect(
      (
        await wasl.request('PUT', `/api/v1/inboxes/${shared.id}/access`, {
          token: alpha.adminToken,
          body: { teamIds: [], userIds: [member.id] },
        })
      ).status,
    ).toBe(200);
  });

  afterAll(() => wasl.close());

  async function inbound(inbox: { id: string; secret: string }, text: string, from = { id: `u-${randomUUID()}`, name: 'مستفيد' }) {
    const messageId = `m-${randomUUID()}`;
    expect((await wasl.postSigned(inbox, { messageId, from, text })).status).toBe(202);
    return wasl.conversationOfMessage(messageId);
  }

  async function listIds(token: string, query = ''): Promise<string[]> {
    const page = await wasl.request<Page<Conversation>>('GET', `/api/v1/conversations?limit=100${query}`, { token });
    expect(page.status).toBe(200);
    return page.body.items.map((item) => item.id);
  }

  it('should hide an inbox’s conversations from an officer outside its access list: lists, searches, by id, replies, calls, contacts', async () => {
    const phrase = `سرية-${randomUUID().slice(0, 8)}`;
    const from = { id: `secret-${randomUUID()}`, name: 'مستفيدة', phone: '0551239876' };
    const hidden = await inbound(restricted, `طلب ${phrase}`, from);
    const contactId = (await wasl.request<Conversation>('GET', `/api/v1/conversations/${hidden}`, { token: alpha.adminToken })).body.contact
      .id;
    const token = officer.token;

    expect(await listIds(token)).not.toContain(hidden);
    expect(await listIds(token, `&q=${encodeURIComponent(phrase)}`)).toEqual([]);
    expect(await listIds(token, `&inboxId=${restricted.id}`)).toEqual([]);
    const notFound = [
      await wasl.request('GET', `/api/v1/conversations/${hidden}`, { token }),
      await wasl.request('GET', `/api/v1/conversations/${hidden}/messages`, { token }),
      await wasl.request('GET', `/api/v1/conversations/${hidden}/events`, { token }),
      await wasl.request('POST', `/api/v1/conversations/${hidden}/messages`, { token, body: { text: 'ردّ من خارج القائمة' } }),
      await wasl.request('POST', `/api/v1/conversations/${hidden}/messages`, { token, body: { text: 'ملاحظة', private: true } }),
      await wasl.request('PATCH', `/api/v1/conversations/${hidden}`, { token, body: { status: 'resolved' } }),
      await wasl.request('POST', `/api/v1/conversations/${hidden}/messages/preview`, { token, body: { text: 'x' } }),
      await wasl.request('GET', `/api/v1/conversations/${hidden}/calls`, { token }),
      await wasl.request('POST', `/api/v1/conversations/${hidden}/calls`, { token, body: { outcome: 'answered' } }),
      await wasl.request('POST', `/api/v1/webchat/conversations/${hidden}/read`, { token }),
    ];
    expect(notFound.map((response) => response.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404, 404]);
    // Nothing was written by those attempts.
    const messages = await wasl.request<{ items: { text: string }[] }>('GET', `/api/v1/conversations/${hidden}/messages`, {
      token: alpha.adminToken,
    });
    expect(messages.body.items.map((item) => item.text)).toEqual([`طلب ${phrase}`]);
    // Nor its beneficiary: a contact with no conversation the officer may see is not in their directory or search.
    expect((await wasl.request('GET', `/api/v1/contacts/${contactId}`, { token })).status).toBe(404);
    const directory = async (viewer: string) =>
      (await wasl.request<{ items: { id: string }[] }>('GET', '/api/v1/contacts?q=0551239876', { token: viewer })).body.items.map(
        (item) => item.id,
      );
    expect(await directory(token)).not.toContain(contactId);
    expect(await directory(alpha.adminToken)).toContain(contactId);
    const merged = await wasl.request('POST', `/api/v1/contacts/${contactId}/merge`, { token, body: { sourceContactId: randomUUID() } });
    expect(merged.status).toBe(404);

    // Outreach from an SMS inbox the officer cannot see is refused like an inbox that does not exist.
    const outreach = await wasl.request<{ fields: { field: string }[] }>('POST', '/api/v1/outreach/sms', {
      token,
      body: { inboxId: smsInbox.id, phone: '0551112233', text: 'تذكير' },
    });
    expect(outreach.status).toBe(400);
    expect(outreach.body.fields[0].field).toBe('inboxId');

    // The administrator and a supervisor see it all.
    const supervisor = await wasl.createUser(alpha.adminToken, UserRole.Supervisor);
    expect(await listIds(alpha.adminToken, `&q=${encodeURIComponent(phrase)}`)).toEqual([hidden]);
    expect(await listIds(supervisor.token, `&q=${encodeURIComponent(phrase)}`)).toEqual([hidden]);
    expect((await wasl.request('GET', `/api/v1/conversations/${hidden}/messages`, { token: supervisor.token })).status).toBe(200);
  });

  it('should show an officer the inboxes they are on, by name or through a team, and what is assigned to them', async () => {
    const onShared = await inbound(shared, 'على صندوق مشترك');
    const assignedElsewhere = await inbound(restricted, 'مسندة إلى الموظف');
    const notAssigned = await inbound(restricted, 'غير مسندة');
    expect(
      (
        await wasl.request('PATCH', `/api/v1/conversations/${assignedElsewhere}`, {
          token: alpha.adminToken,
          body: { assigneeId: member.id },
        })
      ).status,
    ).toBe(200);

    const visible = await listIds(member.token);
    expect(visible).toEqual(expect.arrayContaining([onShared, assignedElsewhere]));
    expect(visible).not.toContain(notAssigned);
    expect((await wasl.request('GET', `/api/v1/conversations/${assignedElsewhere}/messages`, { token: member.token })).status).toBe(200);
    expect((await wasl.request('GET', `/api/v1/conversations/${notAssigned}`, { token: member.token })).status).toBe(404);
    const reply = await wasl.request('POST', `/api/v1/conversations/${onShared}/messages`, { token: member.token, body: { text: 'أهلًا' } });
    expect(reply.status).toBe(201);
    // The officer outside the shared inbox's list does not see it.
    expect((await wasl.request('GET', `/api/v1/conversations/${onShared}`, { token: officer.token })).status).toBe(404);
  });

  it('should not send an officer the realtime messages of an inbox they cannot see, and start as soon as their team is added', async () => {
    const officerSocket = await connectAgent(wasl, officer.token);
    const adminSocket = await connectAgent(wasl, alpha.adminToken);
    const seenByOfficer: string[] = [];
    const seenByAdmin: string[] = [];
    officerSocket.on('message.created', (payload: { text: string }) => seenByOfficer.push(payload.text));
    officerSocket.on('conversation.created', (payload: { lastMessagePreview: string }) => seenByOfficer.push(payload.lastMessagePreview));
    adminSocket.on('message.created', (payload: { text: string }) => seenByAdmin.push(payload.text));
    try {
      const before = `قبل الإضافة ${randomUUID().slice(0, 6)}`;
      const conversationId = await inbound(restricted, before);
      await eventually(async () => seenByAdmin.includes(before), 'the administrator to receive the message');
      await sleep(300);
      expect(seenByOfficer).toEqual([]);

      const granted = await wasl.request<{ teamIds: string[]; userIds: string[] }>('PUT', `/api/v1/inboxes/${restricted.id}/access`, {
        token: alpha.adminToken,
        body: { teamIds: [team.id], userIds: [] },
      });
      expect(granted.status).toBe(200);
      expect(granted.body).toEqual({ teamIds: [team.id], userIds: [] });

      // Live, on the socket that was already open.
      const after = `بعد الإضافة ${randomUUID().slice(0, 6)}`;
      await inbound(restricted, after);
      await eventually(async () => seenByOfficer.includes(after), 'the officer to receive the message once their team is on the list');
      expect(seenByOfficer).not.toContain(before);
      expect((await wasl.request('GET', `/api/v1/conversations/${conversationId}/messages`, { token: officer.token })).status).toBe(200);
      expect(await listIds(officer.token, `&inboxId=${restricted.id}`)).toContain(conversationId);

      // And taken away live as well.
      expect(
        (
          await wasl.request('PUT', `/api/v1/inboxes/${restricted.id}/access`, {
            token: alpha.adminToken,
            body: { teamIds: [], userIds: [] },
          })
        ).status,
      ).toBe(200);
      const removed = `بعد الإزالة ${randomUUID().slice(0, 6)}`;
      await inbound(restricted, removed);
      await eventually(async () => seenByAdmin.includes(removed), 'the administrator to receive the last message');
      await sleep(300);
      expect(seenByOfficer).not.toContain(removed);
      expect((await wasl.request('GET', `/api/v1/conversations/${conversationId}`, { token: officer.token })).status).toBe(404);
    } finally {
      officerSocket.close();
      adminSocket.close();
    }
  });

  it('should show a researcher only what is assigned to them or to their team', async () => {
    const toResearcher = await inbound(restricted, 'إحالة إلى الباحث');
    const toTeam = await inbound(shared, 'إحالة إلى فريق البحث');
    const other = await inbound(restricted, 'لا تخص الباحث');
    await wasl.request('PATCH', `/api/v1/conversations/${toResearcher}`, { token: alpha.adminToken, body: { assigneeId: researcher.id } });
    await wasl.request('PATCH', `/api/v1/conversations/${toTeam}`, { token: alpha.adminToken, body: { teamId: researcherTeam.id } });
    // Being named on an inbox's list gives a researcher nothing: access lists are for officers.
    await wasl.request('PUT', `/api/v1/inboxes/${restricted.id}/access`, {
      token: alpha.adminToken,
      body: { teamIds: [], userIds: [researcher.id] },
    });

    expect((await listIds(researcher.token)).sort()).toEqual([toResearcher, toTeam].sort());
    expect((await wasl.request('GET', `/api/v1/conversations/${toTeam}/messages`, { token: researcher.token })).status).toBe(200);
    expect((await wasl.request('GET', `/api/v1/conversations/${other}`, { token: researcher.token })).status).toBe(404);

    const socket = await connectAgent(wasl, researcher.token);
    const seen: string[] = [];
    socket.on('message.created', (payload: { text: string }) => seen.push(payload.text));
    try {
      const followUp = await wasl.request('POST', `/api/v1/conversations/${toTeam}/messages`, {
        token: alpha.adminToken,
        body: { text: 'ملاحظة للفريق', private: true },
      });
      expect(followUp.status).toBe(201);
      await eventually(async () => seen.includes('ملاحظة للفريق'), 'the researcher to receive their team’s conversation');
      const unrelated = `لغيره ${randomUUID().slice(0, 6)}`;
      await inbound(restricted, unrelated);
      await sleep(500);
      expect(seen).not.toContain(unrelated);
    } finally {
      socket.close();
      await wasl.request('PUT', `/api/v1/inboxes/${restricted.id}/access`, { token: alpha.adminToken, body: { teamIds: [], userIds: [] } });
    }
  });

  it('should show the access list on the inbox and keep it within the organisation', async () => {
    const list = await wasl.request<InboxWithAccess[]>('GET', '/api/v1/inboxes', { token: alpha.adminToken });
    expect(list.body.find((inbox) => inbox.id === shared.id)?.access).toEqual({ teamIds: [], userIds: [member.id] });
    const one = await wasl.request<InboxWithAccess>('GET', `/api/v1/inboxes/${shared.id}`, { token: alpha.adminToken });
    expect(one.status).toBe(200);
    expect(one.body.access).toEqual({ teamIds: [], userIds: [member.id] });

    const betaTeam = (await wasl.request<{ id: string }>('POST', '/api/v1/teams', { token: beta.adminToken, body: { name: 'فريق باء' } }))
      .body;
    const betaOfficer = await wasl.createUser(beta.adminToken, UserRole.Officer, { teamIds: [betaTeam.id] });
    const answers = [
      await wasl.request('PUT', `/api/v1/inboxes/${shared.id}/access`, {
        token: beta.adminToken,
        body: { teamIds: [betaTeam.id], userIds: [] },
      }),
      await wasl.request('GET', `/api/v1/inboxes/${shared.id}`, { token: beta.adminToken }),
      await wasl.request('PUT', `/api/v1/inboxes/${shared.id}/access`, {
        token: alpha.adminToken,
        body: { teamIds: [betaTeam.id], userIds: [] },
      }),
      await wasl.request('PUT', `/api/v1/inboxes/${shared.id}/access`, {
        token: alpha.adminToken,
        body: { teamIds: [], userIds: [betaOfficer.id] },
      }),
      await wasl.request('PUT', `/api/v1/inboxes/${shared.id}/access`, { token: member.token, body: { teamIds: [], userIds: [] } }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 400, 400, 403]);
    expect((await wasl.request<InboxWithAccess>('GET', `/api/v1/inboxes/${shared.id}`, { token: alpha.adminToken })).body.access).toEqual({
      teamIds: [],
      userIds: [member.id],
    });
    // Another organisation's staff see none of Alpha's conversations, whatever the lists say.
    expect(await listIds(beta.adminToken)).toEqual([]);
    expect(await listIds(betaOfficer.token)).toEqual([]);
  });
});
