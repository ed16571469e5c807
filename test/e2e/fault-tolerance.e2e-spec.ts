import { signBody } from '@app/common';
import { InboundIntakeService, InboundRecoveryService, OutboundDeliveryService, OutboundRecoveryService } from '@app/conversations';
import { WaslMetrics } from '@app/observability';
import { inboundJobId, JobName, outboundJobId, QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createServer as createHttpServer, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { AddressInfo, createServer } from 'node:net';
import { ChannelEventsProcessor } from '../../apps/worker/src/processors/channel-events.processor';
import { ChannelInboundProcessor } from '../../apps/worker/src/processors/channel-inbound.processor';
import { ChannelOutboundProcessor } from '../../apps/worker/src/processors/channel-outbound.processor';
import { CallbackServer } from '../support/callback-server';
import { createTwilioInbox } from '../support/twilio-inbox.helper';
import { RedisOutage } from '../support/redis-outage';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

// A request that has not been answered by then is held, not slow: the assertions below never measure speed.
const HELD_AFTER_MILLISECONDS = 4_000;

function postSignedWithin(wasl: WaslTestApp, inbox: { id: string; secret: string }, body: unknown) {
  const raw = JSON.stringify(body);
  return fetch(`${wasl.url}/webhooks/api/${inbox.id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wasl-signature': signBody(raw, inbox.secret) },
    body: raw,
    signal: AbortSignal.timeout(HELD_AFTER_MILLISECONDS),
  });
}

// Moves a finished job to BullMQ's failed set, as "job stalled more than allowable limit" leaves it after kills.
async function markJobFailed(queue: Queue, jobId: string): Promise<void> {
  const client = (await queue.client) as unknown as Redis;
  await client.zrem(queue.toKey('completed'), jobId);
  await client.zrem(queue.toKey('delayed'), jobId);
  await client.zadd(queue.toKey('failed'), Date.now(), jobId);
  await client.hset(queue.toKey(jobId), 'failedReason', 'job stalled more than allowable limit', 'finishedOn', String(Date.now()));
  expect(await (await queue.getJob(jobId))!.getState()).toBe('failed');
}

describe('Faults: nothing stuck, nothing silently dropped, honest and fast answers', () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string; secret: string };
  const callbacks = new CallbackServer();

  beforeAll(async () => {
    await callbacks.start();
    wasl = await WaslTestApp.start({ INTAKE_MAX_IN_FLIGHT: '2' });
    organisation = await wasl.createOrganisation();
    inbox = await wasl.createApiInbox(organisation.adminToken, callbacks.url);
  });

  afterAll(async () => {
    await wasl.close();
    await callbacks.stop();
  });

  const from = () => ({ id: `user-${randomUUID()}`, name: 'نورة العتيبي' });

  async function receive(): Promise<{ messageId: string; conversationId: string }> {
    const messageId = `fault-${randomUUID()}`;
    expect((await wasl.postSigned(inbox, { messageId, from: from(), text: 'السلام عليكم' })).status).toBe(202);
    return { messageId, conversationId: await wasl.conversationOfMessage(messageId) };
  }

  it('should apply again an unapplied event whose job failed (every worker died before committing)', async () => {
    const { messageId } = await receive();
    const jobId = inboundJobId(await wasl.inboundEventOf(inbox.id, messageId));
    await markJobFailed(wasl.app.get<Queue>(getQueueToken(QueueName.ChannelInbound)), jobId);
    // The worker's commit was lost: the database says the event is not applied, and its message is not there.
    await wasl.dataSource.query('DELETE FROM messages WHERE provider_message_id = $1', [messageId]);
    await wasl.dataSource.query(
      "UPDATE inbound_events SET processed_at = NULL, received_at = received_at - interval '10 minutes' WHERE provider_message_id = $1",
      [messageId],
    );

    expect(await wasl.app.get(InboundRecoveryService).requeueStale(60_000)).toBeGreaterThanOrEqual(1);
    await eventually(async () => {
      const rows: { processed_at: Date | null }[] = await wasl.dataSource.query(
        'SELECT processed_at FROM inbound_events WHERE provider_message_id = $1',
        [messageId],
      );
      return rows[0]?.processed_at !== null;
    }, 'the event to be applied again');
    const rows = await wasl.dataSource.query('SELECT count(*)::int AS count FROM messages WHERE provider_message_id = $1', [messageId]);
    expect(rows[0].count).toBe(1);
  });

  it('should not re-queue for ever an event whose recovered job failed too (a fault of its own)', async () => {
    const { messageId } = await receive();
    const queue = wasl.app.get<Queue>(getQueueToken(QueueName.ChannelInbound));
    const jobId = inboundJobId(await wasl.inboundEventOf(inbox.id, messageId));
    await markJobFailed(queue, jobId);
    await queue.add(
      JobName.ProcessInboundMessage,
      { organisationId: organisation.id, inboundEventId: 0 },
      {
        jobId: `${jobId}-recovered`,
        delay: 3_600_000,
      },
    );
    await markJobFailed(queue, `${jobId}-recovered`);
    await wasl.dataSource.query(
      "UPDATE inbound_events SET processed_at = NULL, received_at = received_at - interval '10 minutes' WHERE provider_message_id = $1",
      [messageId],
    );
    const before = await queue.getJobCountByTypes('waiting', 'delayed', 'active', 'prioritized');
    await wasl.app.get(InboundRecoveryService).requeueStale(60_000);
    expect(await queue.getJobCountByTypes('waiting', 'delayed', 'active', 'prioritized')).toBe(before);
    await wasl.dataSource.query('UPDATE inbound_events SET processed_at = now() WHERE provider_message_id = $1', [messageId]);
  });

  it('should answer a re-delivered message without waiting for the worker that holds its row', async () => {
    const { messageId } = await receive();
    // The worker's batch has claimed the row and not committed yet.
    const worker = wasl.dataSource.createQueryRunner();
    await worker.connect();
    await worker.startTransaction();
    try {
      await worker.query('UPDATE inbound_events SET processed_at = now() WHERE provider_message_id = $1', [messageId]);
      const again = await postSignedWithin(wasl, inbox, { messageId, from: from(), text: 'السلام عليكم' });
      expect(again.status).toBe(202);
    } finally {
      await worker.rollbackTransaction();
      await worker.release();
    }
  });

  it('should refuse messages past INTAKE_MAX_IN_FLIGHT at once with 503 and Retry-After, and accept the held ones', async () => {
    // Storage is slow (a table lock holds every INSERT): two messages are in flight, the limit.
    const blocker = wasl.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE inbound_events IN SHARE ROW EXCLUSIVE MODE');
    let held: Promise<{ status: number }>[] = [];
    try {
      held = [1, 2].map(() => wasl.postSigned(inbox, { messageId: `held-${randomUUID()}`, from: from(), text: 'مرحبا' }));
      const intake = wasl.app.get(InboundIntakeService) as unknown as { messagesInFlight: number };
      await eventually(async () => intake.messagesInFlight === 2, 'two messages in flight');

      const refused = await postSignedWithin(wasl, inbox, { messageId: `shed-${randomUUID()}`, from: from(), text: 'مرحبا' });
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    expect((await Promise.all(held)).map((answer) => answer.status)).toEqual([202, 202]);
  });

  async function sendReply(conversationId: string): Promise<string> {
    const sent = await wasl.request<{ id: string }>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'وعليكم السلام، كيف نخدمك؟' },
    });
    expect(sent.status).toBe(201);
    return sent.body.id;
  }

  async function statusOf(messageId: string): Promise<{ status: string; failure_code: string | null; send_started_at: Date | null }> {
    const rows = await wasl.dataSource.query('SELECT status, failure_code, send_started_at FROM messages WHERE id = $1', [messageId]);
    return rows[0];
  }

  it('should send again a reply stuck in queued whose job failed mid-send, once more to a receiver that de-duplicates', async () => {
    const { conversationId } = await receive();
    const replyId = await sendReply(conversationId);
    await eventually(async () => (await statusOf(replyId)).status === 'sent', 'the reply to be sent');
    // A worker was killed after calling the receiver and before recording it, twice: BullMQ failed the job.
    await wasl.dataSource.query(
      "UPDATE messages SET status = 'queued', send_started_at = now(), created_at = created_at - interval '10 minutes' WHERE id = $1",
      [replyId],
    );
    await markJobFailed(wasl.app.get<Queue>(getQueueToken(QueueName.ChannelOutbound)), outboundJobId(replyId));

    const recovery = wasl.app.get(OutboundRecoveryService);
    expect(await recovery.requeueStale(60_000)).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await statusOf(replyId)).status === 'sent', 'the reply to be sent again');
    expect(await statusOf(replyId)).toMatchObject({ failure_code: null, send_started_at: null });
    // The API callback carries Wasl's message id both times, so the association's app can drop the copy.
    const copies = callbacks.received.filter((callback) => (JSON.parse(callback.body) as { messageId?: string }).messageId === replyId);
    expect(copies).toHaveLength(2);
    expect(await recovery.requeueStale(60_000)).toBe(0);
  });

  it('should settle as failed, with a reason, a queued reply whose recovered job failed too', async () => {
    const { conversationId } = await receive();
    const replyId = await sendReply(conversationId);
    await eventually(async () => (await statusOf(replyId)).status === 'sent', 'the reply to be sent');
    await wasl.dataSource.query("UPDATE messages SET status = 'queued', created_at = created_at - interval '10 minutes' WHERE id = $1", [
      replyId,
    ]);
    const queue = wasl.app.get<Queue>(getQueueToken(QueueName.ChannelOutbound));
    await markJobFailed(queue, outboundJobId(replyId));
    await queue.add(
      JobName.SendOutboundMessage,
      { organisationId: organisation.id, messageId: replyId },
      {
        jobId: `${outboundJobId(replyId)}-recovered`,
        delay: 3_600_000,
      },
    );
    await markJobFailed(queue, `${outboundJobId(replyId)}-recovered`);

    expect(await wasl.app.get(OutboundRecoveryService).requeueStale(60_000)).toBe(0);
    expect(await statusOf(replyId)).toMatchObject({ status: 'failed', failure_code: 'UNKNOWN' });
  });

  it('should fail with OUTCOME_UNKNOWN, not send twice, a stuck SMS reply whose send may have happened', async () => {
    const { conversationId } = await receive();
    const apiReplyId = await sendReply(conversationId);
    await eventually(async () => (await statusOf(apiReplyId)).status === 'sent', 'the reply to be sent');
    // An SMS reply to the same contact whose send began before a worker was killed; its job is gone.
    const smsInbox = await createTwilioInbox(wasl, organisation.adminToken, 'sms', 'http://127.0.0.1:9');
    const smsReplyId = randomUUID();
    await wasl.dataSource.query(
      `INSERT INTO messages (id, organisation_id, conversation_id, inbox_id, contact_id, type, text, attachments, sender_user_id,
                             status, send_started_at, created_at, sequence, stored_at, updated_at)
       SELECT $1, organisation_id, conversation_id, $2, contact_id, type, text, attachments, sender_user_id,
              'queued', now(), now() - interval '10 minutes', sequence, stored_at, updated_at
         FROM messages WHERE id = $3`,
      [smsReplyId, smsInbox.id, apiReplyId],
    );

    expect(await wasl.app.get(OutboundRecoveryService).requeueStale(60_000)).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await statusOf(smsReplyId)).status === 'failed', 'the SMS reply to be settled');
    expect(await statusOf(smsReplyId)).toMatchObject({ failure_code: 'OUTCOME_UNKNOWN', send_started_at: null });
  });

  it('should call the receiver once when two jobs deliver one reply at the same moment', async () => {
    const { conversationId } = await receive();
    const firstReplyId = await sendReply(conversationId);
    await eventually(async () => (await statusOf(firstReplyId)).status === 'sent', 'the first reply to be sent');
    // A queued reply with no job of its own, delivered by two at once (a late queue write beside the sweep's job).
    const replyId = randomUUID();
    await wasl.dataSource.query(
      `INSERT INTO messages (id, organisation_id, conversation_id, inbox_id, contact_id, type, text, attachments, sender_user_id,
                             status, created_at, sequence, stored_at, updated_at)
       SELECT $1, organisation_id, conversation_id, inbox_id, contact_id, type, text, attachments, sender_user_id,
              'queued', now(), sequence, stored_at, updated_at
         FROM messages WHERE id = $2`,
      [replyId, firstReplyId],
    );
    const delivery = wasl.app.get(OutboundDeliveryService);
    const outcomes = await Promise.all([1, 2].map(() => delivery.deliver(organisation.id, replyId, { attempt: 1, maxAttempts: 1 })));
    expect(outcomes.sort()).toEqual(['applied', 'skipped']);
    expect(callbacks.forMessage(replyId)).toHaveLength(1);
    expect(await statusOf(replyId)).toMatchObject({ status: 'sent', send_started_at: null });
  });

  it('should answer webhooks while Redis is down and queue them through the sweep once it is back', async () => {
    const outage = new RedisOutage();
    await outage.start();
    // The same database as the suite's app, so the same keys for the inboxes' secrets.
    const isolated = await WaslTestApp.start({
      REDIS_URL: outage.url,
      WASL_ENCRYPTION_KEY: wasl.config.security.encryptionKey.toString('hex'),
    });
    try {
      const other = await isolated.createOrganisation();
      const isolatedInbox = await isolated.createApiInbox(other.adminToken);
      await outage.stop();

      // More messages than the gateway has batch slots and queue writes: none may wait for Redis.
      const messageIds = Array.from({ length: 72 }, () => `redis-down-${randomUUID()}`);
      for (const messageId of messageIds) {
        const answer = await postSignedWithin(isolated, isolatedInbox, { messageId, from: from(), text: 'هل وصلت رسالتي؟' });
        expect(answer.status).toBe(202);
      }

      await outage.start();
      // Past 64 queue writes waiting for Redis, the rest are left to the sweep at once, and counted.
      const leftToSweep = await isolated.app.get(WaslMetrics).registry.getSingleMetric('wasl_inbound_left_to_sweep_total')!.get();
      expect(leftToSweep.values.find((sample) => sample.labels.reason === 'writes-in-flight')?.value).toBe(messageIds.length - 64);
      await isolated.dataSource.query(
        "UPDATE inbound_events SET received_at = received_at - interval '10 minutes' WHERE provider_message_id = ANY($1)",
        [messageIds],
      );
      await isolated.app.get(InboundRecoveryService).requeueStale(60_000);
      for (const messageId of messageIds) await isolated.conversationOfMessage(messageId);
    } finally {
      await outage.start();
      await isolated.close();
      await outage.stop();
    }
  });

  it('should answer a staff reply posted while Redis is down at the commit, and send it once when Redis is back', async () => {
    const outage = new RedisOutage();
    await outage.start();
    const isolated = await WaslTestApp.start({
      REDIS_URL: outage.url,
      WASL_ENCRYPTION_KEY: wasl.config.security.encryptionKey.toString('hex'),
    });
    try {
      const other = await isolated.createOrganisation();
      const isolatedInbox = await isolated.createApiInbox(other.adminToken, callbacks.url);
      const messageId = `reply-redis-down-${randomUUID()}`;
      expect((await isolated.postSigned(isolatedInbox, { messageId, from: from(), text: 'متى يصل الرد؟' })).status).toBe(202);
      const conversationId = await isolated.conversationOfMessage(messageId);
      await outage.stop();

      const answer = await fetch(`${isolated.url}/api/v1/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${other.adminToken}` },
        body: JSON.stringify({ text: 'وصلت رسالتك، نرد عليك قريباً' }),
        signal: AbortSignal.timeout(HELD_AFTER_MILLISECONDS),
      });
      expect(answer.status).toBe(201);
      const replyId = ((await answer.json()) as { id: string }).id;
      expect((await isolated.dataSource.query('SELECT status FROM messages WHERE id = $1', [replyId]))[0].status).toBe('queued');

      // Redis comes back: the gateway's delayed queue write and the sweep both want to queue the reply.
      await outage.start();
      await isolated.dataSource.query("UPDATE messages SET created_at = created_at - interval '10 minutes' WHERE id = $1", [replyId]);
      const recovery = isolated.app.get(OutboundRecoveryService);
      await Promise.all([recovery.requeueStale(60_000), recovery.requeueStale(60_000)]);
      await eventually(
        async () => (await isolated.dataSource.query('SELECT status FROM messages WHERE id = $1', [replyId]))[0].status === 'sent',
        'the reply to be sent',
      );
      await recovery.requeueStale(60_000);
      // Long enough for a second job, had one been queued, to have called the receiver too.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(callbacks.forMessage(replyId)).toHaveLength(1);
    } finally {
      await outage.start();
      await isolated.close();
      await outage.stop();
    }
  });

  it('should answer 503 with Retry-After, not 500, while PostgreSQL cannot be reached', async () => {
    const isolated = await WaslTestApp.start({ WASL_ENCRYPTION_KEY: wasl.config.security.encryptionKey.toString('hex') });
    try {
      const other = await isolated.createOrganisation();
      const isolatedInbox = await isolated.createApiInbox(other.adminToken);
      // PostgreSQL goes away: its connections are ended and nothing listens where the pool reconnects.
      const closedPort = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as AddressInfo;
          probe.close(() => resolve(port));
        });
      });
      const pool = (isolated.dataSource.driver as unknown as { master: { options: { port?: number; connectionString?: string } } }).master;
      pool.options.port = closedPort;
      if (pool.options.connectionString) {
        const url = new URL(pool.options.connectionString);
        url.port = String(closedPort);
        pool.options.connectionString = url.toString();
      }
      await wasl.dataSource.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );

      const staffRead = await isolated.request('GET', '/api/v1/conversations', { token: other.adminToken });
      expect(staffRead.status).toBe(503);
      expect(Number(staffRead.headers.get('retry-after'))).toBeGreaterThan(0);
      const webhook = await postSignedWithin(isolated, isolatedInbox, {
        messageId: `pg-down-${randomUUID()}`,
        from: from(),
        text: 'مرحبا',
      });
      expect(webhook.status).toBe(503);
      expect(Number(webhook.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await isolated.close();
    }
  });

  it("should not load twilio-node's REST client (axios and all, about 200 ms) at worker boot", () => {
    const root = join(__dirname, '..', '..');
    const probe = spawnSync(process.execPath, [join(root, 'scripts/run-ts.js'), join(root, 'test/support/worker-boot-modules.probe.ts')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(probe.status).toBe(0);
    const loaded = JSON.parse(probe.stdout) as string[];
    expect(loaded.filter((path) => path.startsWith('twilio/lib/base/RequestClient') || path.startsWith('twilio/lib/rest/'))).toEqual([]);
  });

  it('should use locks and stall checks that fit the work', () => {
    for (const processor of [ChannelInboundProcessor, ChannelOutboundProcessor, ChannelEventsProcessor]) {
      expect(wasl.app.get(processor).worker.opts).toMatchObject({ lockDuration: 10_000, stalledInterval: 5_000 });
    }
  });
});

describe('Faults: a worker killed while sending a reply', () => {
  let gateway: WaslTestApp;
  const received: string[] = [];
  const hanging = new Set<ServerResponse>();
  // The association's app: the first call for a reply never gets an answer (the worker is killed meanwhile).
  const receiver = createHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { messageId } = JSON.parse(body) as { messageId: string };
      received.push(messageId);
      if (received.filter((id) => id === messageId).length === 1) hanging.add(response);
      else response.writeHead(200).end();
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    // A long callback timeout: the killed worker's call stays open, as a process that died would leave it.
    gateway = await WaslTestApp.start({ WASL_ROLE: 'gateway', CALLBACK_TIMEOUT_MS: '60000' });
  });

  afterAll(async () => {
    for (const response of hanging) response.destroy();
    await gateway.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('should bring the reply back within seconds and send it once more with the same message id', async () => {
    const organisation = await gateway.createOrganisation();
    const { port } = receiver.address() as AddressInfo;
    const inbox = await gateway.createApiInbox(organisation.adminToken, `http://127.0.0.1:${port}/callback`);
    const killed = await gateway.startSeparateWorker();
    const messageId = `kill-${randomUUID()}`;
    expect((await gateway.postSigned(inbox, { messageId, from: { id: `user-${randomUUID()}` }, text: 'مرحبا' })).status).toBe(202);
    const conversationId = await gateway.conversationOfMessage(messageId);
    const reply = await gateway.request<{ id: string }>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'ردّ قد يصل مرتين' },
    });
    await eventually(async () => received.includes(reply.body.id), 'the first call to the receiver');

    // Killed mid-call: its worker stops without finishing the job, and its lock is gone as a dead process's expires.
    await killed.get(ChannelOutboundProcessor).worker.close(true);
    const queue = gateway.app.get<Queue>(getQueueToken(QueueName.ChannelOutbound));
    await ((await queue.client) as unknown as Redis).del(`${queue.toKey(outboundJobId(reply.body.id))}:lock`);
    await gateway.startSeparateWorker();

    const sent = await eventually(
      async () => {
        const rows = await gateway.dataSource.query('SELECT status, send_started_at FROM messages WHERE id = $1', [reply.body.id]);
        return rows[0]?.status === 'sent' && rows[0];
      },
      'another worker to take the stalled job and settle the reply',
      15_000,
    );
    expect(sent.send_started_at).toBeNull();
    expect(received.filter((id) => id === reply.body.id)).toHaveLength(2);
  });
});
