import { inboundJobId, outboundJobId, QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallbackServer } from '../support/callback-server';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

const METRICS_TOKEN = randomBytes(24).toString('hex');

// The value of one sample in Prometheus' text format, or undefined when the series is absent.
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{`) && wanted.every((label) => candidate.includes(label)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('Operations: metrics, request ids and JSON logs', () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string; secret: string };
  const callbacks = new CallbackServer();

  beforeAll(async () => {
    await callbacks.start();
    wasl = await WaslTestApp.start({ METRICS_TOKEN, LOG_FORMAT: 'json' });
    organisation = await wasl.createOrganisation();
    inbox = await wasl.createApiInbox(organisation.adminToken, callbacks.url);
  });

  afterAll(async () => {
    await wasl.close();
    await callbacks.stop();
  });

  const scrape = async () => {
    const response = await fetch(`${wasl.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };

  it('should refuse /metrics without the token, and serve no /metrics at all without METRICS_TOKEN', async () => {
    expect((await fetch(`${wasl.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${wasl.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
    const plain = await WaslTestApp.start();
    try {
      expect((await fetch(`${plain.url}/metrics`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('should be ready only with the database, Redis and every migration applied, through terminus', async () => {
    expect((await wasl.request('GET', '/health/ready')).body).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
    // Embedded SQLite of its own: the schema can be taken back one migration without touching the suite's database.
    const directory = mkdtempSync(join(tmpdir(), 'wasl-ready-'));
    const embedded = await WaslTestApp.start({ DATABASE_URL: '', SQLITE_PATH: join(directory, 'wasl.sqlite') });
    try {
      const [last] = await embedded.dataSource.query('SELECT id, timestamp, name FROM schema_migrations ORDER BY id DESC LIMIT 1');
      await embedded.dataSource.query('DELETE FROM schema_migrations WHERE id = ?', [last.id]);
      const notReady = await embedded.request<{ code: string; message: string }>('GET', '/health/ready');
      expect(notReady.status).toBe(503);
      expect(notReady.body).toMatchObject({ code: 'UNAVAILABLE', message: 'Not ready: migrations not applied' });
      expect(Number(notReady.headers.get('retry-after'))).toBeGreaterThan(0);
      await embedded.dataSource.query('INSERT INTO schema_migrations (id, timestamp, name) VALUES (?, ?, ?)', [
        last.id,
        last.timestamp,
        last.name,
      ]);
      expect((await embedded.request('GET', '/health/ready')).status).toBe(200);
    } finally {
      await embedded.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('should count webhooks by route pattern and inbound messages by channel, duplicates apart, once applied', async () => {
    const before = await scrape();
    const accepted = (duplicate: string, text: string) => sample(text, 'wasl_inbound_accepted_total', { channel: 'api', duplicate }) ?? 0;
    const applied = (text: string) => sample(text, 'wasl_inbound_processed_total', { channel: 'api', outcome: 'applied' }) ?? 0;
    const messageId = `metrics-${randomUUID()}`;
    const body = { messageId, from: { id: `user-${randomUUID()}`, name: 'هند' }, text: 'هل يمكنني تحديث بياناتي؟' };
    expect((await wasl.postSigned(inbox, body)).status).toBe(202);
    await wasl.conversationOfMessage(messageId);
    expect((await wasl.postSigned(inbox, body)).status).toBe(202);

    const after = await eventually(async () => {
      const text = await scrape();
      return applied(text) >= applied(before) + 1 && text;
    }, 'the applied message to be counted');
    expect(accepted('false', after)).toBe(accepted('false', before) + 1);
    expect(accepted('true', after)).toBe(accepted('true', before) + 1);
    const route = { method: 'POST', route: '/webhooks/api/:inboxId/messages', status_code: '202' };
    expect(sample(after, 'wasl_http_request_duration_seconds_count', route)).toBeGreaterThanOrEqual(2);
    // Route patterns only: no id, number or text of a request is a label.
    expect(after).not.toContain(inbox.id);
    expect(after).not.toContain(messageId);
  });

  it('should read queue depths and the oldest waiting job per queue when scraped', async () => {
    const text = await scrape();
    for (const queue of Object.values(QueueName)) {
      expect(sample(text, 'wasl_queue_jobs', { queue, state: 'waiting' })).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'wasl_queue_oldest_waiting_job_age_seconds', { queue })).toBeGreaterThanOrEqual(0);
    }
    // A job nobody takes (an operator paused the queue) ages.
    const maintenance = wasl.app.get<Queue>(getQueueToken(QueueName.Maintenance));
    await maintenance.pause();
    try {
      await maintenance.add(
        'apply-retention',
        { organisationId: organisation.id },
        { jobId: `aged-${randomUUID()}`, timestamp: Date.now() - 90_000 },
      );
      const aged = await scrape();
      expect(sample(aged, 'wasl_queue_jobs', { queue: QueueName.Maintenance, state: 'paused' })).toBeGreaterThanOrEqual(1);
      expect(sample(aged, 'wasl_queue_oldest_waiting_job_age_seconds', { queue: QueueName.Maintenance })).toBeGreaterThanOrEqual(90);
    } finally {
      await maintenance.obliterate({ force: true });
      await maintenance.resume();
    }
  });

  it('should count reply outcomes by code and keep each inbox last success and failure', async () => {
    const messageId = `metrics-reply-${randomUUID()}`;
    expect((await wasl.postSigned(inbox, { messageId, from: { id: `user-${randomUUID()}` }, text: 'مرحبا' })).status).toBe(202);
    const conversationId = await wasl.conversationOfMessage(messageId);
    const before = await scrape();
    const counted = (text: string, outcome: string, code: string) =>
      sample(text, 'wasl_outbound_messages_total', { channel: 'api', outcome, code }) ?? 0;
    callbacks.script([503]);
    const reply = await wasl.request<{ id: string }>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'أهلاً بك' },
    });
    expect(reply.status).toBe(201);
    await eventually(async () => callbacks.forMessage(reply.body.id).length === 2, 'the reply to be sent after one retry');
    const after = await eventually(async () => {
      const text = await scrape();
      return counted(text, 'sent', '') > counted(before, 'sent', '') && text;
    }, 'the sent reply to be counted');
    expect(counted(after, 'retrying', 'TEMPORARY')).toBe(counted(before, 'retrying', 'TEMPORARY') + 1);
    const labels = { inbox_id: inbox.id, channel: 'api' };
    expect(sample(after, 'wasl_inbox_consecutive_auth_failures', labels)).toBe(0);
    expect(sample(after, 'wasl_inbox_last_success_timestamp_seconds', labels)).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(sample(after, 'wasl_inbox_last_failure_timestamp_seconds', { ...labels, code: 'TEMPORARY' })).toBeGreaterThan(
      Date.now() / 1000 - 60,
    );
  });

  it("should answer with the caller's valid X-Request-Id, or a fresh one, and carry it into the jobs the request queues", async () => {
    const fresh = await wasl.request('GET', '/health');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await wasl.request('GET', '/health', { headers: { 'x-request-id': 'not valid; <script>' } });
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const requestId = `provider-${randomUUID()}`;
    const messageId = `traced-${randomUUID()}`;
    const raw = JSON.stringify({ messageId, from: { id: `user-${randomUUID()}` }, text: 'رسالة متتبعة' });
    const { signBody } = await import('@app/common');
    const answer = await wasl.request('POST', `/webhooks/api/${inbox.id}/messages`, {
      body: raw,
      headers: { 'x-wasl-signature': signBody(raw, inbox.secret), 'x-request-id': requestId },
    });
    expect(answer.status).toBe(202);
    expect(answer.headers.get('x-request-id')).toBe(requestId);
    const inboundJob = await wasl.app
      .get<Queue>(getQueueToken(QueueName.ChannelInbound))
      .getJob(inboundJobId(await wasl.inboundEventOf(inbox.id, messageId)));
    expect(inboundJob?.data).toMatchObject({ organisationId: organisation.id, channel: 'api', requestId });
    const conversationId = await wasl.conversationOfMessage(messageId);

    // The reply's job carries the officer's request id, and the worker logs its failed attempt with it.
    const lines: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
    try {
      callbacks.script([500]);
      const replyRequestId = `officer-${randomUUID()}`;
      const reply = await wasl.request<{ id: string }>('POST', `/api/v1/conversations/${conversationId}/messages`, {
        token: organisation.adminToken,
        body: { text: 'تم تحديث بياناتك' },
        headers: { 'x-request-id': replyRequestId },
      });
      const outboundJob = await wasl.app.get<Queue>(getQueueToken(QueueName.ChannelOutbound)).getJob(outboundJobId(reply.body.id));
      expect(outboundJob?.data).toMatchObject({ messageId: reply.body.id, requestId: replyRequestId });
      await eventually(async () => callbacks.forMessage(reply.body.id).length === 2, 'the reply to be retried and sent');
      const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const failedAttempt = logged.find((line) => line.context === 'Jobs' && String(line.msg).includes(outboundJobId(reply.body.id)));
      expect(failedAttempt).toMatchObject({ level: 'warn', requestId: replyRequestId });
      expect(typeof failedAttempt?.time).toBe('string');
    } finally {
      stdout.mockRestore();
    }
  });
});
