import { UserRole } from '@app/identity';
import { organisationChannel } from '@app/realtime';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { TEST_REDIS_URL } from '../support/test-environment';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

function connectAgent(wasl: WaslTestApp, token: string): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const socket = io(`${wasl.url}/agents`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    socket.once('ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

// Every event a socket receives, by name, in order.
function recordEvents(socket: Socket): { name: string; payload: { id?: string; text?: string } }[] {
  const seen: { name: string; payload: { id?: string; text?: string } }[] = [];
  socket.onAny((name: string, payload: { id?: string; text?: string }) => seen.push({ name, payload }));
  return seen;
}

// Two gateways on one database and Redis: gateway A also runs the worker (it applies inbound messages and publishes
// their events), gateway B holds the staff sockets. Each event is one PUBLISH on its organisation's channel, heard
// only by gateways holding a socket of that organisation.
describe('Realtime fan-out across gateways: one channel per organisation, each socket once (real PostgreSQL and Redis)', () => {
  let gatewayA: WaslTestApp;
  let gatewayB: WaslTestApp;
  let redis: Redis;
  let alpha: TestOrganisation;
  let beta: TestOrganisation;
  let alphaInbox: { id: string; secret: string };
  let betaInbox: { id: string; secret: string };
  let officer: { id: string; token: string };
  let researcher: { id: string; token: string };
  let betaOfficer: { id: string; token: string };

  const channelOf = (organisationId: string) => organisationChannel(gatewayA.config.redis.queuePrefix, organisationId);

  async function subscribers(organisationId: string): Promise<number> {
    const [, count] = (await redis.pubsub('NUMSUB', channelOf(organisationId))) as [string, number];
    return Number(count);
  }

  async function channelsOfThisRun(): Promise<string[]> {
    return ((await redis.pubsub('CHANNELS', `${gatewayA.config.redis.queuePrefix}:agents:*`)) as string[]).sort();
  }

  async function inbound(inbox: { id: string; secret: string }, text: string): Promise<string> {
    const messageId = `m-${randomUUID()}`;
    expect((await gatewayA.postSigned(inbox, { messageId, from: { id: `u-${randomUUID()}`, name: 'مستفيد' }, text })).status).toBe(202);
    return gatewayA.conversationOfMessage(messageId);
  }

  beforeAll(async () => {
    gatewayA = await WaslTestApp.start();
    const config = Object.assign(Object.create(Object.getPrototypeOf(gatewayA.config)), gatewayA.config, { role: 'gateway' });
    gatewayB = await WaslTestApp.start({}, config);
    expect(gatewayB.config.runsWorker).toBe(false);
    redis = new Redis(TEST_REDIS_URL);
    alpha = await gatewayA.createOrganisation('جمعية ألف');
    beta = await gatewayA.createOrganisation('جمعية باء');
    alphaInbox = await gatewayA.createApiInbox(alpha.adminToken);
    betaInbox = await gatewayA.createApiInbox(beta.adminToken);
    officer = await gatewayA.createUser(alpha.adminToken, UserRole.Officer);
    researcher = await gatewayA.createUser(alpha.adminToken, UserRole.Researcher);
    betaOfficer = await gatewayA.createUser(beta.adminToken, UserRole.Officer);
    for (const [organisation, inbox, user] of [
      [alpha, alphaInbox, officer],
      [beta, betaInbox, betaOfficer],
    ] as const) {
      const granted = await gatewayA.request('PUT', `/api/v1/inboxes/${inbox.id}/access`, {
        token: organisation.adminToken,
        body: { teamIds: [], userIds: [user.id] },
      });
      expect(granted.status).toBe(200);
    }
  });

  afterAll(async () => {
    redis?.disconnect();
    await gatewayB?.close();
    await gatewayA?.close();
  });

  it('should subscribe a gateway to an organisation only while it holds one of its sockets', async () => {
    expect(await channelsOfThisRun()).toEqual([]);
    const officerSocket = await connectAgent(gatewayB, officer.token);
    const researcherSocket = await connectAgent(gatewayB, researcher.token);
    const betaSocket = await connectAgent(gatewayA, betaOfficer.token);
    try {
      // Two sockets of alpha on gateway B: one subscription. Gateway A holds none of alpha's: not subscribed.
      expect(await subscribers(alpha.id)).toBe(1);
      expect(await subscribers(beta.id)).toBe(1);
      expect(await channelsOfThisRun()).toEqual([channelOf(alpha.id), channelOf(beta.id)].sort());

      officerSocket.close();
      await sleep(300);
      expect(await subscribers(alpha.id)).toBe(1);
      researcherSocket.close();
      await eventually(async () => (await subscribers(alpha.id)) === 0, 'gateway B to unsubscribe after its last socket of alpha');
      expect(await channelsOfThisRun()).toEqual([channelOf(beta.id)]);
    } finally {
      officerSocket.close();
      researcherSocket.close();
      betaSocket.close();
    }
    await eventually(async () => (await channelsOfThisRun()).length === 0, 'every channel of this run to be released');
  });

  it('should give an officer on gateway B each event from the worker and from gateway A exactly once, and nobody else anything', async () => {
    const officerSocket = await connectAgent(gatewayB, officer.token);
    const researcherSocket = await connectAgent(gatewayB, researcher.token);
    const betaSocket = await connectAgent(gatewayB, betaOfficer.token);
    const officerSeen = recordEvents(officerSocket);
    const researcherSeen = recordEvents(researcherSocket);
    const betaSeen = recordEvents(betaSocket);
    try {
      // Applied and published by the worker in gateway A's process.
      const text = `رسالة واردة ${randomUUID().slice(0, 6)}`;
      const conversationId = await inbound(alphaInbox, text);
      await eventually(async () => officerSeen.some((entry) => entry.payload.text === text), 'the officer to receive the message');

      // Published by gateway A: assigned to the officer, who is now in the inbox's room and the assignee's room too.
      const assigned = await gatewayA.request('PATCH', `/api/v1/conversations/${conversationId}`, {
        token: alpha.adminToken,
        body: { assigneeId: officer.id },
      });
      expect(assigned.status).toBe(200);
      const reply = `ردّ من البوابة ${randomUUID().slice(0, 6)}`;
      const replied = await gatewayA.request<{ id: string }>('POST', `/api/v1/conversations/${conversationId}/messages`, {
        token: alpha.adminToken,
        body: { text: reply, private: true },
      });
      expect(replied.status).toBe(201);
      await eventually(async () => officerSeen.some((entry) => entry.payload.text === reply), 'the officer to receive the reply');
      await sleep(500);

      const created = (wanted: string) =>
        officerSeen.filter((entry) => entry.name === 'message.created' && entry.payload.text === wanted).length;
      expect(created(text)).toBe(1);
      expect(created(reply)).toBe(1);
      expect(officerSeen.filter((entry) => entry.name === 'conversation.created' && entry.payload.id === conversationId)).toHaveLength(1);
      // No event twice: the same name and id are never repeated, whichever gateway or process published it.
      const keys = officerSeen.map((entry) => `${entry.name}:${entry.payload.id}`);
      expect(new Set(keys).size).toBe(keys.length);

      // The researcher is neither assigned nor on the conversation's team; beta is another association.
      expect(researcherSeen).toEqual([]);
      expect(betaSeen).toEqual([]);
      // Gateway B alone listens to alpha: A published without holding any of its sockets.
      expect(await subscribers(alpha.id)).toBe(1);
    } finally {
      officerSocket.close();
      researcherSocket.close();
      betaSocket.close();
    }
  });

  it('should give beta’s officer beta’s events only', async () => {
    const betaSocket = await connectAgent(gatewayB, betaOfficer.token);
    const officerSocket = await connectAgent(gatewayB, officer.token);
    const betaSeen = recordEvents(betaSocket);
    const officerSeen = recordEvents(officerSocket);
    try {
      const text = `رسالة باء ${randomUUID().slice(0, 6)}`;
      await inbound(betaInbox, text);
      await eventually(async () => betaSeen.some((entry) => entry.payload.text === text), 'beta’s officer to receive the message');
      await sleep(300);
      expect(betaSeen.filter((entry) => entry.name === 'message.created')).toHaveLength(1);
      expect(officerSeen).toEqual([]);
    } finally {
      betaSocket.close();
      officerSocket.close();
    }
  });
});
