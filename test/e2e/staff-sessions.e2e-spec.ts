import { UserRole } from '@app/identity';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { io, Socket } from 'socket.io-client';
import { TEST_DATABASE_URL_VARIABLE, TEST_REDIS_URL } from '../support/test-environment';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface AuditPage {
  items: { action: string; subjectId: string; actorUserId: string | null; details: Record<string, unknown> | null }[];
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

function connectAgent(wasl: WaslTestApp, token: string): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const socket = io(`${wasl.url}/agents`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    socket.once('ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function disconnection(socket: Socket): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => socket.once('disconnect', () => resolve(Date.now() - started)));
}

function login(wasl: WaslTestApp, email: string, password: string, headers: Record<string, string> = {}, organisationId?: string) {
  return wasl.request<{ accessToken: string; code: string; fields?: { field: string }[] }>('POST', '/api/v1/auth/login', {
    body: { email, password, ...(organisationId ? { organisationId } : {}) },
    headers,
  });
}

// Runs the administration CLI against the suite's database, as an operator would.
function runCli(wasl: WaslTestApp, args: string[]): Promise<{ code: number | null; output: string }> {
  const root = resolve(__dirname, '../..');
  const child = spawn(process.execPath, [resolve(root, 'scripts/run-ts.js'), resolve(root, 'apps/gateway/src/cli.ts'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: process.env[TEST_DATABASE_URL_VARIABLE],
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: wasl.config.redis.queuePrefix,
      WASL_JWT_SECRET: wasl.config.security.jwtSecret,
      WASL_ENCRYPTION_KEY: wasl.config.security.encryptionKey.toString('hex'),
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('Staff sessions: login throttling, deactivation, passwords, socket lifetime (real PostgreSQL and Redis)', () => {
  let wasl: WaslTestApp;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let inbox: { id: string; secret: string };

  beforeAll(async () => {
    wasl = await WaslTestApp.start({ LOGIN_MAX_FAILURES: '3', STAFF_SOCKET_RECHECK_SECONDS: '1' });
    alpha = await wasl.createOrganisation('جمعية ألف');
    beta = await wasl.createOrganisation('جمعية باء');
    inbox = await wasl.createApiInbox(alpha.adminToken);
  });

  afterAll(() => wasl.close());

  async function createUser(
    organisation: TestOrganisation,
    password = `pass-${randomUUID()}`,
    email = `staff-${randomUUID()}@example.org`,
  ) {
    const created = await wasl.request<{ id: string }>('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { email, name: 'موظف', role: UserRole.Officer, password },
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, email, password };
  }

  async function inbound(text: string): Promise<void> {
    const response = await wasl.postSigned(inbox, {
      messageId: `m-${randomUUID()}`,
      from: { id: `u-${randomUUID()}`, name: 'مستفيد' },
      text,
    });
    expect(response.status).toBe(202);
  }

  it('should evaluate no more parallel guesses than the limit, even with the right password hidden among 40', async () => {
    const user = await createUser(alpha);
    const guesses = Array.from({ length: 40 }, (_, index) => (index === 30 ? user.password : `wrong-${index}-${randomUUID()}`));
    const responses = await Promise.all(guesses.map((password) => login(wasl, user.email, password)));
    const evaluated = responses.filter((response) => response.status !== 429);
    expect(evaluated.length).toBeLessThanOrEqual(3);
    const refused = responses.filter((response) => response.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(37);
    for (const response of refused) {
      expect(response.body.code).toBe('RATE_LIMITED');
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
  });

  it('should slow an account after failures, not lock its owner out, and keep e-mail addresses out of Redis keys', async () => {
    const user = await createUser(alpha);
    const failures = [];
    for (let index = 0; index < 3; index += 1) failures.push((await login(wasl, user.email, 'not-the-password')).status);
    expect(failures).toEqual([401, 401, 401]);
    const slowed = await login(wasl, user.email, user.password);
    expect(slowed.status).toBe(429);
    const retryAfter = Number(slowed.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    await sleep(retryAfter * 1000 + 100);
    expect((await login(wasl, user.email, user.password)).status).toBe(200);

    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${wasl.config.redis.queuePrefix}:login*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(key).not.toContain('@');
        expect(key).not.toContain(user.email.split('@')[0]);
      }
    } finally {
      redis.disconnect();
    }
  });

  it('should let an administrator unlock a slowed account at once, shown in the list, and audit it', async () => {
    const user = await createUser(alpha);
    for (let index = 0; index < 3; index += 1) expect((await login(wasl, user.email, 'not-the-password')).status).toBe(401);
    expect((await login(wasl, user.email, user.password)).status).toBe(429);
    type Listed = { id: string; loginBlockedUntil: string | null };
    const listed = await wasl.request<Listed[]>('GET', '/api/v1/users', { token: alpha.adminToken });
    const blockedUntil = listed.body.find((item) => item.id === user.id)!.loginBlockedUntil;
    expect(new Date(blockedUntil!).getTime()).toBeGreaterThan(Date.now());

    const supervisor = await wasl.createUser(alpha.adminToken, UserRole.Supervisor);
    expect((await wasl.request('POST', `/api/v1/users/${user.id}/unlock`, { token: supervisor.token })).status).toBe(403);
    expect((await wasl.request('POST', `/api/v1/users/${user.id}/unlock`, { token: beta.adminToken })).status).toBe(404);
    expect((await wasl.request('POST', '/api/v1/users/not-a-uuid/unlock', { token: alpha.adminToken })).status).toBe(404);
    expect((await wasl.request('POST', `/api/v1/users/${user.id}/unlock`, { token: alpha.adminToken })).status).toBe(204);
    const after = await wasl.request<Listed[]>('GET', '/api/v1/users', { token: alpha.adminToken });
    expect(after.body.find((item) => item.id === user.id)!.loginBlockedUntil).toBeNull();
    // No waiting for the delay the failures earned.
    expect((await login(wasl, user.email, user.password)).status).toBe(200);
    const audit = await wasl.request<AuditPage>('GET', `/api/v1/admin/audit-log?action=user.unlocked&subjectId=${user.id}`, {
      token: alpha.adminToken,
    });
    expect(audit.body.items).toEqual([
      expect.objectContaining({ actorUserId: alpha.adminId, subjectId: user.id, details: { failuresCleared: true } }),
    ]);
  });

  it('should audit logins, failed and successful', async () => {
    const user = await createUser(alpha);
    expect((await login(wasl, user.email, 'not-the-password')).status).toBe(401);
    expect((await login(wasl, user.email, user.password)).status).toBe(200);
    const audit = await wasl.request<AuditPage>('GET', '/api/v1/admin/audit-log', { token: alpha.adminToken });
    const rows = audit.body.items.filter((item) => item.subjectId === user.id);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'auth.login_failed',
          actorUserId: null,
          details: expect.objectContaining({ reason: 'wrong-password' }),
        }),
        expect.objectContaining({ action: 'auth.login_succeeded', actorUserId: user.id }),
      ]),
    );
  });

  it('should end a deactivated user’s REST session and disconnect their open socket before the next message', async () => {
    const user = await createUser(alpha);
    // An officer receives the messages of the inboxes they are on (inbox-access.e2e-spec.ts).
    const access = { teamIds: [], userIds: [user.id] };
    const granted = await wasl.request('PUT', `/api/v1/inboxes/${inbox.id}/access`, { token: alpha.adminToken, body: access });
    expect(granted.status).toBe(200);
    const token = await wasl.login(user.email, user.password);
    const officerSocket = await connectAgent(wasl, token);
    const adminSocket = await connectAgent(wasl, alpha.adminToken);
    const seenByOfficer: string[] = [];
    officerSocket.on('message.created', (payload: { text: string }) => seenByOfficer.push(payload.text));
    const seenByAdmin: string[] = [];
    adminSocket.on('message.created', (payload: { text: string }) => seenByAdmin.push(payload.text));

    await inbound('قبل الإيقاف');
    await eventually(async () => seenByOfficer.includes('قبل الإيقاف'), 'the officer to see the first message');

    const disconnected = disconnection(officerSocket);
    const patched = await wasl.request<{ active: boolean }>('PATCH', `/api/v1/users/${user.id}`, {
      token: alpha.adminToken,
      body: { active: false },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.active).toBe(false);
    // Pushed at once, not at the next periodic check (STAFF_SOCKET_RECHECK_SECONDS is 1 here).
    expect(await disconnected).toBeLessThan(900);
    expect((await wasl.request('GET', '/api/v1/conversations', { token })).status).toBe(401);
    expect((await login(wasl, user.email, user.password)).status).toBe(401);

    await inbound('بعد الإيقاف');
    await eventually(async () => seenByAdmin.includes('بعد الإيقاف'), 'the administrator to see the second message');
    await sleep(200);
    expect(seenByOfficer).toEqual(['قبل الإيقاف']);

    // Reactivation does not revive the old token.
    expect((await wasl.request('PATCH', `/api/v1/users/${user.id}`, { token: alpha.adminToken, body: { active: true } })).status).toBe(200);
    expect((await wasl.request('GET', '/api/v1/conversations', { token })).status).toBe(401);
    expect((await login(wasl, user.email, user.password)).status).toBe(200);
    adminSocket.close();
    officerSocket.close();
  });

  it('should disconnect a socket at the periodic check when its user changed behind the API', async () => {
    const user = await createUser(alpha);
    const socket = await connectAgent(wasl, await wasl.login(user.email, user.password));
    const disconnected = disconnection(socket);
    await wasl.dataSource.query("UPDATE users SET role = 'committee' WHERE id = $1", [user.id]);
    expect(await disconnected).toBeLessThan(3_000);
    socket.close();
  });

  it('should let an administrator change name, role and teams, within the organisation only, and keep one administrator', async () => {
    const user = await createUser(alpha);
    const team = await wasl.request<{ id: string }>('POST', '/api/v1/teams', {
      token: alpha.adminToken,
      body: { name: `فريق ${randomUUID()}` },
    });
    const patched = await wasl.request<{ name: string; role: string; teamIds: string[] }>('PATCH', `/api/v1/users/${user.id}`, {
      token: alpha.adminToken,
      body: { name: 'اسم جديد', role: 'supervisor', teamIds: [team.body.id] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual(expect.objectContaining({ name: 'اسم جديد', role: 'supervisor', teamIds: [team.body.id] }));
    expect((await wasl.request('PATCH', `/api/v1/users/${user.id}`, { token: beta.adminToken, body: { active: false } })).status).toBe(404);
    const officer = await wasl.createUser(alpha.adminToken, UserRole.Officer);
    expect((await wasl.request('PATCH', `/api/v1/users/${user.id}`, { token: officer.token, body: { active: false } })).status).toBe(403);
    const lastAdmin = await wasl.request<{ code: string }>('PATCH', `/api/v1/users/${beta.adminId}`, {
      token: beta.adminToken,
      body: { active: false },
    });
    expect(lastAdmin.status).toBe(409);
    const audit = await wasl.request<AuditPage>('GET', '/api/v1/admin/audit-log', { token: alpha.adminToken });
    expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'user.updated', subjectId: user.id })]));
  });

  it('should reset and change passwords, ending every session of that user', async () => {
    const user = await createUser(alpha);
    const token = await wasl.login(user.email, user.password);
    const socket = await connectAgent(wasl, token);
    const disconnected = disconnection(socket);

    expect(
      (await wasl.request('POST', `/api/v1/users/${alpha.adminId}/password`, { token, body: { password: `new-${randomUUID()}` } })).status,
    ).toBe(403);
    const wrongCurrent = await wasl.request<{ fields: { field: string }[] }>('POST', `/api/v1/users/${user.id}/password`, {
      token,
      body: { currentPassword: 'not-mine-at-all', password: `new-${randomUUID()}` },
    });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.fields.map((field) => field.field)).toEqual(['currentPassword']);
    const weak = await wasl.request<{ fields: { field: string }[] }>('POST', `/api/v1/users/${user.id}/password`, {
      token,
      body: { currentPassword: user.password, password: 'Password2024!' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.fields.map((field) => field.field)).toEqual(['password']);
    expect(
      (
        await wasl.request('POST', `/api/v1/users/${user.id}/password`, {
          token: beta.adminToken,
          body: { password: `new-${randomUUID()}` },
        })
      ).status,
    ).toBe(404);

    const reset = `reset-${randomUUID()}`;
    expect(
      (await wasl.request('POST', `/api/v1/users/${user.id}/password`, { token: alpha.adminToken, body: { password: reset } })).status,
    ).toBe(204);
    expect(await disconnected).toBeLessThan(900);
    expect((await wasl.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    expect((await login(wasl, user.email, user.password)).status).toBe(401);
    const fresh = await wasl.login(user.email, reset);

    const changed = `changed-${randomUUID()}`;
    expect(
      (
        await wasl.request('POST', `/api/v1/users/${user.id}/password`, {
          token: fresh,
          body: { currentPassword: reset, password: changed },
        })
      ).status,
    ).toBe(204);
    expect((await wasl.request('GET', '/api/v1/auth/me', { token: fresh })).status).toBe(401);
    expect((await login(wasl, user.email, changed)).status).toBe(200);
    const audit = await wasl.request<AuditPage>('GET', '/api/v1/admin/audit-log', { token: alpha.adminToken });
    const actions = audit.body.items.filter((item) => item.subjectId === user.id).map((item) => item.action);
    expect(actions).toEqual(expect.arrayContaining(['user.password_reset', 'user.password_changed']));
    socket.close();
  });

  it.each(['          ', 'password12', 'Password2024!', 'P@ssw0rd123', 'qwertyuiop', 'aaaaaaaaaaaa'])(
    'should refuse the weak password %p when creating a user',
    async (password) => {
      const response = await wasl.request<{ fields: { field: string }[] }>('POST', '/api/v1/users', {
        token: alpha.adminToken,
        body: { email: `weak-${randomUUID()}@example.org`, name: 'x', role: 'officer', password },
      });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((field) => field.field)).toEqual(['password']);
    },
  );

  it('should refuse weak passwords in the CLI and audit the users it creates', async () => {
    for (const password of ['x', '          ', 'password12']) {
      const refused = await runCli(wasl, [
        'users:create',
        '--email',
        `cli-${randomUUID()}@example.org`,
        '--name',
        'CLI',
        '--role',
        'officer',
        '--password',
        password,
        '--organisation',
        alpha.id,
      ]);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('"field":"password"');
    }
    const email = `cli-${randomUUID()}@example.org`;
    const created = await runCli(wasl, [
      'users:create',
      '--email',
      email,
      '--name',
      'CLI',
      '--role',
      'officer',
      '--password',
      `cli-${randomUUID()}`,
      '--organisation',
      alpha.id,
    ]);
    expect(created.code).toBe(0);
    const rows: { action: string; actor_user_id: string | null; details: string }[] = await wasl.dataSource.query(
      'SELECT a.action, a.actor_user_id, a.details FROM audit_log a JOIN users u ON u.id::text = a.subject_id WHERE u.email = $1',
      [email],
    );
    expect(rows).toEqual([expect.objectContaining({ action: 'user.created', actor_user_id: null })]);
    expect(JSON.parse(rows[0].details)).toEqual(expect.objectContaining({ via: 'cli' }));
  }, 120_000);

  it('should not reveal that an e-mail is used by another organisation', async () => {
    const email = `shared-${randomUUID()}@example.org`;
    const password = `shared-${randomUUID()}`;
    const inAlpha = await createUser(alpha, password, email);
    const inBeta = await wasl.request<{ id: string }>('POST', '/api/v1/users', {
      token: beta.adminToken,
      body: { email, name: 'موظف', role: 'officer', password },
    });
    expect(inBeta.status).toBe(201);
    const again = await wasl.request('POST', '/api/v1/users', {
      token: beta.adminToken,
      body: { email, name: 'x', role: 'officer', password },
    });
    expect(again.status).toBe(409);

    // One password for both accounts: the person says which organisation they mean.
    const ambiguous = await login(wasl, email, password);
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.fields?.map((field) => field.field)).toEqual(['organisationId']);
    const chosen = await login(wasl, email, password, {}, alpha.id);
    expect(chosen.status).toBe(200);
    const me = await wasl.request<{ id: string }>('GET', '/api/v1/auth/me', { token: chosen.body.accessToken });
    expect(me.body.id).toBe(inAlpha.id);
  });

  it('should end the web app’s cookie session on the server at logout, and clear its cookies', async () => {
    const user = await createUser(alpha);
    const started = await wasl.request<{ csrfToken: string }>('POST', '/api/v1/auth/session', {
      body: { email: user.email, password: user.password },
    });
    expect(started.status).toBe(200);
    const cookie = started.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    expect((await wasl.request('GET', '/api/v1/auth/me', { headers: { cookie } })).status).toBe(200);

    const ended = await wasl.request('DELETE', '/api/v1/auth/session', { headers: { cookie } });
    expect(ended.status).toBe(204);
    expect(ended.headers.getSetCookie().every((line) => line.includes('Max-Age=0'))).toBe(true);
    // A copy of the cookie kept elsewhere is worthless now.
    expect((await wasl.request('GET', '/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
    // Logging out again, or with no session at all, only clears cookies.
    expect((await wasl.request('DELETE', '/api/v1/auth/session', { headers: { cookie } })).status).toBe(204);
    expect((await wasl.request('DELETE', '/api/v1/auth/session')).status).toBe(204);
  });
});

describe('Staff sessions: token expiry and client addresses (real PostgreSQL and Redis)', () => {
  it('should disconnect an /agents socket when its token expires', async () => {
    const wasl = await WaslTestApp.start({ WASL_ROLE: 'gateway', ACCESS_TOKEN_TTL_SECONDS: '3' });
    try {
      const organisation = await wasl.createOrganisation();
      const socket = await connectAgent(wasl, organisation.adminToken);
      const ended = new Promise<{ code: string }>((resolve) => socket.once('session.ended', resolve));
      const disconnected = disconnection(socket);
      expect(await disconnected).toBeLessThan(4_000);
      expect((await ended).code).toBe('SESSION_EXPIRED');
      expect((await wasl.request('GET', '/api/v1/auth/me', { token: organisation.adminToken })).status).toBe(401);
      socket.close();
    } finally {
      await wasl.close();
    }
  });

  it('should disconnect a deactivated user’s socket held by another gateway at once', async () => {
    // Two gateways on one database and Redis; the periodic check (30 s by default) cannot be what ends it.
    const first = await WaslTestApp.start({ WASL_ROLE: 'gateway' });
    const second = await WaslTestApp.start({}, first.config);
    try {
      const organisation = await first.createOrganisation();
      const officer = await first.createUser(organisation.adminToken, UserRole.Officer);
      const socket = await connectAgent(second, officer.token);
      const disconnected = disconnection(socket);
      const patched = await first.request('PATCH', `/api/v1/users/${officer.id}`, {
        token: organisation.adminToken,
        body: { active: false },
      });
      expect(patched.status).toBe(200);
      expect(await disconnected).toBeLessThan(2_000);
      socket.close();
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('should end one session at logout on every gateway, close that session’s sockets only, and audit it', async () => {
    // Two gateways on one database and Redis: the token is refused by the one that did not take the logout too.
    const first = await WaslTestApp.start({ WASL_ROLE: 'gateway' });
    const second = await WaslTestApp.start({}, first.config);
    try {
      const organisation = await first.createOrganisation();
      const email = `officer-${randomUUID()}@example.org`;
      const password = `pass-${randomUUID()}`;
      const created = await first.request<{ id: string }>('POST', '/api/v1/users', {
        token: organisation.adminToken,
        body: { email, name: 'موظف', role: UserRole.Officer, password },
      });
      expect(created.status).toBe(201);
      const laptop = await first.login(email, password);
      const phone = await first.login(email, password);
      const laptopSocket = await connectAgent(second, laptop);
      const phoneSocket = await connectAgent(second, phone);
      const ended = new Promise<{ code: string }>((resolve) => laptopSocket.once('session.ended', resolve));
      const disconnected = disconnection(laptopSocket);

      expect((await first.request('DELETE', '/api/v1/auth/session', { token: laptop })).status).toBe(204);
      expect((await second.request('GET', '/api/v1/auth/me', { token: laptop })).status).toBe(401);
      expect((await first.request('GET', '/api/v1/auth/me', { token: laptop })).status).toBe(401);
      // Pushed through the Redis adapter, not found by the periodic check (30 s by default).
      expect(await disconnected).toBeLessThan(2_000);
      expect((await ended).code).toBe('SESSION_ENDED');
      // The user's other session goes on.
      expect((await second.request('GET', '/api/v1/auth/me', { token: phone })).status).toBe(200);
      expect(phoneSocket.connected).toBe(true);
      // A socket opened later with the ended token is turned away.
      const late = io(`${second.url}/agents`, { auth: { token: laptop }, transports: ['websocket'], forceNew: true, reconnection: false });
      const lateReady = jest.fn();
      late.on('ready', lateReady);
      await new Promise((resolve) => late.once('disconnect', resolve));
      expect(lateReady).not.toHaveBeenCalled();

      const audit = await first.request<AuditPage>('GET', `/api/v1/admin/audit-log?action=auth.logged_out&subjectId=${created.body.id}`, {
        token: organisation.adminToken,
      });
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'auth.logged_out',
          actorUserId: created.body.id,
          details: expect.objectContaining({ allSessions: false }),
        }),
      ]);
      phoneSocket.close();
      laptopSocket.close();
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('should ignore X-Forwarded-For unless TRUST_PROXY names the proxy', async () => {
    const direct = await WaslTestApp.start({ WASL_ROLE: 'gateway', LOGIN_MAX_FAILURES: '2' });
    const proxied = await WaslTestApp.start({ WASL_ROLE: 'gateway', LOGIN_MAX_FAILURES: '2', TRUST_PROXY: '127.0.0.1' });
    try {
      const guess = (wasl: WaslTestApp, forwardedFor: string) =>
        login(wasl, `nobody-${randomUUID()}@example.org`, 'not-a-password', { 'x-forwarded-for': forwardedFor });
      // Per address: LOGIN_MAX_FAILURES x 4 = 8 failures, whatever the client claims to be.
      const directStatuses = [];
      for (let index = 1; index <= 9; index += 1) directStatuses.push((await guess(direct, `203.0.113.${index}`)).status);
      expect(directStatuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429]);

      const proxiedStatuses = [];
      for (let index = 1; index <= 9; index += 1) proxiedStatuses.push((await guess(proxied, `203.0.113.${index}`)).status);
      expect(proxiedStatuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401]);
      const oneClient = [];
      for (let index = 0; index < 8; index += 1) oneClient.push((await guess(proxied, '198.51.100.7')).status);
      expect(oneClient).toEqual([401, 401, 401, 401, 401, 401, 401, 401]);
      expect((await guess(proxied, '198.51.100.7')).status).toBe(429);
    } finally {
      await direct.close();
      await proxied.close();
    }
  });
});
