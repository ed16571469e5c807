import { UserRole } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface TeamBody {
  id: string;
  name: string;
  isBranch: boolean;
  memberIds: string[];
  code?: string;
  fields?: Array<{ field: string; message: string }>;
}
interface AuditPage {
  items: Array<{ action: string; actorUserId: string | null; details: Record<string, unknown> | null }>;
}

function connectAgent(wasl: WaslTestApp, token: string): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const socket = io(`${wasl.url}/agents`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    socket.once('ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

// Teams and branch offices: rename, members in and out (what the team gives follows at once), delete.
describe('Team administration: rename, members, delete (real PostgreSQL and Redis)', () => {
  let wasl: WaslTestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let inbox: { id: string; secret: string };
  let supervisorToken: string;

  beforeAll(async () => {
    wasl = await WaslTestApp.start();
    alpha = await wasl.createOrganisation('جمعية ألف');
    beta = await wasl.createOrganisation('جمعية باء');
    inbox = await wasl.createApiInbox(alpha.adminToken);
    supervisorToken = (await wasl.createUser(alpha.adminToken, UserRole.Supervisor)).token;
  });

  afterAll(() => wasl.close());

  async function createTeam(name = `فريق ${randomUUID().slice(0, 6)}`, isBranch = false): Promise<TeamBody> {
    const created = await wasl.request<TeamBody>('POST', '/api/v1/teams', { token: alpha.adminToken, body: { name, isBranch } });
    expect(created.status).toBe(201);
    return created.body;
  }

  const auditOf = async (teamId: string) =>
    (await wasl.request<AuditPage>('GET', `/api/v1/admin/audit-log?subjectId=${teamId}`, { token: alpha.adminToken })).body.items;

  it('should rename a team or make it a branch office, refusing a name in use and bad input by field', async () => {
    await createTeam('مكتب الخرج');
    const team = await createTeam('مكتب الدلم');
    const taken = await wasl.request<TeamBody>('PATCH', `/api/v1/teams/${team.id}`, {
      token: alpha.adminToken,
      body: { name: 'مكتب الخرج' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.fields).toEqual([{ field: 'name', message: 'is already used' }]);
    const blank = await wasl.request<TeamBody>('PATCH', `/api/v1/teams/${team.id}`, {
      token: alpha.adminToken,
      body: { name: ' ', isBranch: 'yes' },
    });
    expect(blank.status).toBe(400);
    expect(blank.body.fields?.map((problem) => problem.field).sort()).toEqual(['isBranch', 'name']);

    const renamed = await wasl.request<TeamBody>('PATCH', `/api/v1/teams/${team.id}`, {
      token: alpha.adminToken,
      body: { name: ' مكتب الدلم الفرعي ', isBranch: true },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'مكتب الدلم الفرعي', isBranch: true });
    expect(await auditOf(team.id)).toContainEqual(
      expect.objectContaining({
        action: 'team.updated',
        actorUserId: alpha.adminId,
        details: { name: 'مكتب الدلم الفرعي', isBranch: true },
      }),
    );
  });

  it('should refuse another organisation’s team as not found and every role but the administrator', async () => {
    const team = await createTeam();
    const officer = await wasl.createUser(alpha.adminToken, UserRole.Officer);
    for (const [method, path, body] of [
      ['PATCH', `/api/v1/teams/${team.id}`, { name: 'تغيير' }],
      ['POST', `/api/v1/teams/${team.id}/members`, { userId: officer.id }],
      ['DELETE', `/api/v1/teams/${team.id}/members/${officer.id}`, undefined],
      ['DELETE', `/api/v1/teams/${team.id}`, undefined],
    ] as const) {
      expect((await wasl.request(method, path, { token: beta.adminToken, body })).status).toBe(404);
      expect((await wasl.request(method, path, { token: supervisorToken, body })).status).toBe(403);
      expect((await wasl.request(method, path, { token: officer.token, body })).status).toBe(403);
    }
    // Another organisation's user cannot be made a member.
    const stranger = await wasl.createUser(beta.adminToken, UserRole.Officer);
    const added = await wasl.request<TeamBody>('POST', `/api/v1/teams/${team.id}/members`, {
      token: alpha.adminToken,
      body: { userId: stranger.id },
    });
    expect(added.status).toBe(400);
    expect(added.body.fields).toEqual([{ field: 'userId', message: 'is not a user of this organisation' }]);
    expect(
      (await wasl.request<TeamBody[]>('GET', '/api/v1/teams', { token: alpha.adminToken })).body.find((item) => item.id === team.id),
    ).toMatchObject({ name: team.name, memberIds: [] });
  });

  it('should give a new member the team’s inbox live, without reconnecting, and take it away when removed', async () => {
    const team = await createTeam();
    expect(
      (
        await wasl.request('PUT', `/api/v1/inboxes/${inbox.id}/access`, {
          token: alpha.adminToken,
          body: { teamIds: [team.id], userIds: [] },
        })
      ).status,
    ).toBe(200);
    const officer = await wasl.createUser(alpha.adminToken, UserRole.Officer);
    const socket = await connectAgent(wasl, officer.token);
    const seen: string[] = [];
    socket.on('message.created', (message: { text: string }) => seen.push(message.text));
    const inbound = async (text: string) =>
      expect((await wasl.postSigned(inbox, { messageId: `m-${randomUUID()}`, from: { id: `u-${randomUUID()}` }, text })).status).toBe(202);

    const added = await wasl.request<TeamBody>('POST', `/api/v1/teams/${team.id}/members`, {
      token: alpha.adminToken,
      body: { userId: officer.id },
    });
    expect(added.status).toBe(200);
    expect(added.body.memberIds).toEqual([officer.id]);
    // Adding again changes nothing.
    expect(
      (await wasl.request<TeamBody>('POST', `/api/v1/teams/${team.id}/members`, { token: alpha.adminToken, body: { userId: officer.id } }))
        .body.memberIds,
    ).toEqual([officer.id]);
    await inbound('رسالة بعد الانضمام');
    await eventually(async () => seen.includes('رسالة بعد الانضمام'), 'the new member to receive the inbox’s message live');
    const listed = await wasl.request<{ items: unknown[] }>('GET', `/api/v1/conversations?inboxId=${inbox.id}`, { token: officer.token });
    expect(listed.body.items.length).toBeGreaterThan(0);

    const removed = await wasl.request<TeamBody>('DELETE', `/api/v1/teams/${team.id}/members/${officer.id}`, { token: alpha.adminToken });
    expect(removed.status).toBe(200);
    expect(removed.body.memberIds).toEqual([]);
    await inbound('رسالة بعد المغادرة');
    // An overseer sees it arrive, so the removed member had every chance to receive it too.
    const overseer = await connectAgent(wasl, alpha.adminToken);
    const overseen: string[] = [];
    overseer.on('message.created', (message: { text: string }) => overseen.push(message.text));
    await inbound('رسالة ثالثة');
    await eventually(async () => overseen.includes('رسالة ثالثة'), 'the administrator to receive the third message');
    expect(seen).toEqual(['رسالة بعد الانضمام']);
    expect(
      (await wasl.request<{ items: unknown[] }>('GET', `/api/v1/conversations?inboxId=${inbox.id}`, { token: officer.token })).body.items,
    ).toEqual([]);
    const actions = (await auditOf(team.id)).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['team.member_added', 'team.member_removed']));
    expect(actions.filter((action) => action === 'team.member_added')).toHaveLength(1);
    socket.close();
    overseer.close();
  });

  it('should refuse to delete a team with open work, then delete it with its memberships and its places on access lists', async () => {
    const team = await createTeam('مكتب المزاحمية', true);
    const officer = await wasl.createUser(alpha.adminToken, UserRole.Officer, { teamIds: [team.id] });
    const teamInbox = await wasl.createApiInbox(alpha.adminToken);
    expect(
      (
        await wasl.request('PUT', `/api/v1/inboxes/${teamInbox.id}/access`, {
          token: alpha.adminToken,
          body: { teamIds: [team.id], userIds: [] },
        })
      ).status,
    ).toBe(200);
    const messageId = `m-${randomUUID()}`;
    expect((await wasl.postSigned(teamInbox, { messageId, from: { id: 'user-42' }, text: 'طلب' })).status).toBe(202);
    const conversationId = await wasl.conversationOfMessage(messageId);
    expect(
      (await wasl.request('PATCH', `/api/v1/conversations/${conversationId}`, { token: alpha.adminToken, body: { teamId: team.id } }))
        .status,
    ).toBe(200);

    const refused = await wasl.request<TeamBody>('DELETE', `/api/v1/teams/${team.id}`, { token: alpha.adminToken });
    expect(refused.status).toBe(409);
    expect(refused.body.fields).toEqual([{ field: 'id', message: 'has 1 open or pending conversations assigned' }]);

    expect(
      (await wasl.request('PATCH', `/api/v1/conversations/${conversationId}`, { token: alpha.adminToken, body: { status: 'resolved' } }))
        .status,
    ).toBe(200);
    const socket = await connectAgent(wasl, officer.token);
    expect((await wasl.request('DELETE', `/api/v1/teams/${team.id}`, { token: alpha.adminToken })).status).toBe(204);
    expect((await wasl.request<TeamBody[]>('GET', '/api/v1/teams', { token: alpha.adminToken })).body.map((item) => item.id)).not.toContain(
      team.id,
    );
    const users = await wasl.request<Array<{ id: string; teamIds: string[] }>>('GET', '/api/v1/users', { token: alpha.adminToken });
    expect(users.body.find((user) => user.id === officer.id)!.teamIds).toEqual([]);
    const access = await wasl.request<{ access: { teamIds: string[] } }>('GET', `/api/v1/inboxes/${teamInbox.id}`, {
      token: alpha.adminToken,
    });
    expect(access.body.access.teamIds).toEqual([]);
    const conversation = await wasl.request<{ teamId: string | null }>('GET', `/api/v1/conversations/${conversationId}`, {
      token: alpha.adminToken,
    });
    expect(conversation.body.teamId).toBeNull();
    // The member's open socket no longer receives the inbox the team gave.
    const seen: string[] = [];
    socket.on('message.created', (message: { text: string }) => seen.push(message.text));
    const overseer = await connectAgent(wasl, alpha.adminToken);
    const overseen: string[] = [];
    overseer.on('message.created', (message: { text: string }) => overseen.push(message.text));
    expect((await wasl.postSigned(teamInbox, { messageId: `m-${randomUUID()}`, from: { id: 'user-43' }, text: 'بعد الحذف' })).status).toBe(
      202,
    );
    await eventually(async () => overseen.includes('بعد الحذف'), 'the administrator to receive the message');
    expect(seen).toEqual([]);
    expect(await auditOf(team.id)).toContainEqual(
      expect.objectContaining({
        action: 'team.deleted',
        details: { name: 'مكتب المزاحمية', members: 1, conversationsReleased: 1 },
      }),
    );
    socket.close();
    overseer.close();
  });
});
