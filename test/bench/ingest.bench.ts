// npm run bench:ingest — ingestion throughput and latency of the API channel, on real PostgreSQL and Redis.
// Starts a gateway and a worker as separate processes from dist/ (npm run build first), drives signed
// API-channel messages at them from this process, and prints one JSON line of figures. Environment:
// DATABASE_URL (server to create a scratch database on), REDIS_URL, BENCH_SECONDS, BENCH_RATE, BENCH_LATENCY_RATE,
// BENCH_CONTACTS, and BENCH_LATENCIES_FILE (appends one line per answered request: phase, ms since the phase
// started, ack ms; for finding when slow answers happen).
import { signBody } from '@app/common';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { removeKeysWithPrefix } from '../support/redis-keys';
import { assertBuilt, cpuSecondsOf, percentile, redisUrl, root, round, scratchDatabaseUrl, serverUrl, waitFor } from './bench-support';
import { freePort, waitForOwnServer } from './bench-server.util';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const throughputRate = Number(process.env.BENCH_RATE ?? 1500);
const latencyRate = Number(process.env.BENCH_LATENCY_RATE ?? 500);
const contacts = Number(process.env.BENCH_CONTACTS ?? 2000);
const latenciesFile = process.env.BENCH_LATENCIES_FILE;
// Chosen in main() by freePort: a random port once measured another instance.
let port = 0;
let base = '';
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

const ARABIC_TEXTS = [
  'السلام عليكم، أرغب في الاستفسار عن حالة طلب الدعم المقدم الأسبوع الماضي',
  'متى يصدر قرار لجنة البحث بخصوص طلبي؟',
  'أرجو تحديث رقم الجوال المسجل لدى الجمعية',
  'شكراً لكم على سرعة الاستجابة والخدمة المميزة',
  'هل يمكنني حجز موعد مقابلة مع الباحث الاجتماعي؟',
];

function post(path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${base}${path}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function startProcess(entry: string, environment: Record<string, string>): ChildProcess {
  // BENCH_PROFILE_DIR: each process writes a V8 CPU profile there when it exits (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, join(root, entry)], {
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.on('exit', (code) => {
    if (code && code !== 0 && !stopping) console.error(`${entry} exited with ${code}`);
  });
  return child;
}

let stopping = false;

interface LoadResult {
  sent: number;
  accepted: number;
  errors: number;
  ackLatencies: number[];
  durationSeconds: number;
}

// Open loop: requests leave on schedule whatever the answers, and latency counts from the scheduled time,
// so a slow gateway cannot hide its queueing (no coordinated omission).
async function drive(rate: number, durationSeconds: number, inbox: { id: string; secret: string }, tag: string): Promise<LoadResult> {
  const result: LoadResult = { sent: 0, accepted: 0, errors: 0, ackLatencies: [], durationSeconds };
  const total = Math.round(rate * durationSeconds);
  const interval = 1000 / rate;
  // Bodies and signatures are prepared before the clock starts, so the generator spends its share of the
  // two cores sending, not hashing.
  const requests = Array.from({ length: total }, (_, index) => {
    const contact = index % contacts;
    const body = JSON.stringify({
      messageId: `${tag}-${index}`,
      from: { id: `beneficiary-${contact}`, name: `مستفيد ${contact}`, phone: `05${String(10_000_000 + contact).padStart(8, '0')}` },
      text: ARABIC_TEXTS[index % ARABIC_TEXTS.length],
    });
    return { body, signature: signBody(body, inbox.secret) };
  });
  const start = performance.now();
  const pending: Promise<void>[] = [];
  const timeline: string[] = [];
  for (let index = 0; index < total; index += 1) {
    const scheduled = start + index * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const { body, signature } = requests[index];
    result.sent += 1;
    pending.push(
      post(`/webhooks/api/${inbox.id}/messages`, body, { 'x-wasl-signature': signature }).then(
        (response) => {
          if (response.status === 202) {
            result.accepted += 1;
            const ack = performance.now() - scheduled;
            result.ackLatencies.push(ack);
            if (latenciesFile) timeline.push(`${tag}\t${(scheduled - start).toFixed(1)}\t${ack.toFixed(1)}`);
          } else result.errors += 1;
        },
        () => {
          result.errors += 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  if (latenciesFile) appendFileSync(latenciesFile, `${timeline.join('\n')}\n`);
  result.durationSeconds = (performance.now() - start) / 1000;
  result.ackLatencies.sort((left, right) => left - right);
  return result;
}

// The same transaction shape as the worker's apply, in plain SQL on one pool: the database's own ceiling.
async function databaseCeiling(url: string, organisationId: string, inboxId: string, durationSeconds: number): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 16 });
  let done = 0;
  const deadline = Date.now() + durationSeconds * 1000;
  const worker = async (lane: number) => {
    const client = await pool.connect();
    try {
      for (let index = 0; Date.now() < deadline; index += 1) {
        const contact = `ceiling-${lane}-${index % 100}`;
        const providerId = `ceiling-${lane}-${index}`;
        const { rows: events } = await client.query(
          `INSERT INTO inbound_events (organisation_id, inbox_id, provider_message_id, payload, received_at, message_id)
           VALUES ($1, $2, $3, $4, now(), gen_random_uuid()) ON CONFLICT DO NOTHING RETURNING id, message_id`,
          [organisationId, inboxId, providerId, JSON.stringify({ text: ARABIC_TEXTS[0] })],
        );
        await client.query('BEGIN');
        await client.query('SELECT * FROM inbound_events WHERE id = $1 FOR UPDATE', [events[0].id]);
        await client.query('SELECT * FROM inboxes WHERE id = $1', [inboxId]);
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [contact]);
        const { rows: identities } = await client.query(
          "SELECT contact_id FROM contact_identities WHERE organisation_id = $1 AND kind = 'external' AND scope = $2 AND value = $3",
          [organisationId, inboxId, contact],
        );
        let contactId: string = identities[0]?.contact_id;
        if (!contactId) {
          const { rows } = await client.query(
            'INSERT INTO contacts (id, organisation_id, created_at, updated_at) VALUES (gen_random_uuid(), $1, now(), now()) RETURNING id',
            [organisationId],
          );
          contactId = rows[0].id;
          await client.query(
            "INSERT INTO contact_identities (id, organisation_id, contact_id, kind, scope, value, created_at) VALUES (gen_random_uuid(), $1, $2, 'external', $3, $4, now())",
            [organisationId, contactId, inboxId, contact],
          );
        } else await client.query('SELECT * FROM contacts WHERE id = $1', [contactId]);
        await client.query('SELECT id FROM contacts WHERE id = $1 FOR UPDATE', [contactId]);
        const { rows: conversations } = await client.query(
          'SELECT * FROM conversations WHERE organisation_id = $1 AND contact_id = $2 AND inbox_id = $3 ORDER BY created_at DESC LIMIT 1',
          [organisationId, contactId, inboxId],
        );
        let conversationId: string = conversations[0]?.id;
        if (!conversationId) {
          await client.query('UPDATE organisations SET conversation_counter = conversation_counter + 1 WHERE id = $1', [organisationId]);
          const { rows: counter } = await client.query('SELECT conversation_counter FROM organisations WHERE id = $1', [organisationId]);
          const { rows } = await client.query(
            `INSERT INTO conversations (id, organisation_id, number, inbox_id, contact_id, channel, status, priority, labels, last_activity_at, created_at, updated_at)
             VALUES (gen_random_uuid(), $1, $2, $3, $4, 'api', 'open', 'normal', '[]', now(), now(), now()) RETURNING id`,
            [organisationId, counter[0].conversation_counter, inboxId, contactId],
          );
          conversationId = rows[0].id;
        }
        await client.query(
          `INSERT INTO messages (id, organisation_id, conversation_id, inbox_id, contact_id, type, text, attachments, provider_message_id, created_at, sequence, stored_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'inbound', $6, '[]', $7, now(), $8, now(), now())`,
          [events[0].message_id, organisationId, conversationId, inboxId, contactId, ARABIC_TEXTS[0], providerId, events[0].id],
        );
        await client.query(
          'UPDATE conversations SET last_message_preview = $2, last_activity_at = now(), updated_at = now() WHERE id = $1',
          [conversationId, ARABIC_TEXTS[0]],
        );
        await client.query('UPDATE inbound_events SET processed_at = now() WHERE id = $1', [events[0].id]);
        await client.query('COMMIT');
        done += 1;
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: 16 }, (_, lane) => worker(lane)));
  await pool.end();
  return done / durationSeconds;
}

async function main(): Promise<void> {
  assertBuilt();
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const name = `wasl_bench_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = scratchDatabaseUrl(name);
  const password = randomBytes(12).toString('hex');
  const environment = {
    DATABASE_URL: url,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `wasl-bench-${randomBytes(3).toString('hex')}`,
    WASL_JWT_SECRET: randomBytes(32).toString('hex'),
    WASL_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    WASL_ADMIN_EMAIL: 'bench@example.org',
    WASL_ADMIN_PASSWORD: password,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    // The bench's callback URL is on loopback.
    OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true',
  };
  const children: ChildProcess[] = [];
  const database = new Pool({ connectionString: url, max: 2 });
  try {
    const gateway = startProcess('dist/apps/gateway/src/main.js', { ...environment, WASL_ROLE: 'gateway' });
    children.push(gateway);
    await waitForOwnServer(gateway, `${base}/health/ready`, 'the gateway');
    const worker = startProcess('dist/apps/worker/src/main.js', { ...environment, WASL_ROLE: 'worker' });
    children.push(worker);

    const login = await post('/api/v1/auth/login', JSON.stringify({ email: 'bench@example.org', password }));
    const { accessToken } = JSON.parse(login.text) as { accessToken: string };
    const created = await fetch(`${base}/api/v1/inboxes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ channel: 'api', name: 'Bench', callbackUrl: 'http://127.0.0.1:9/unused' }),
    });
    const inbox = (await created.json()) as { id: string; secret: string };
    const { rows: organisationRows } = await database.query('SELECT organisation_id FROM inboxes WHERE id = $1', [inbox.id]);

    // Warm-up: the measured phases see the steady state of an association whose beneficiaries are mostly known.
    // Pass one opens a contact and a conversation per beneficiary; pass two is every beneficiary writing again,
    // the path the measured phases take, so its first seconds (JIT, query plans) are not what is measured.
    // Without pass two the first three seconds of the latency phase measured ack p99 60-80 ms, the rest 25-40 ms.
    const drained = async () =>
      (await database.query('SELECT count(*)::int AS count FROM inbound_events WHERE processed_at IS NULL')).rows[0].count === 0;
    await drive(400, contacts / 400, inbox, 'warmup-new');
    await waitFor(drained, 'warm-up to drain');
    await drive(400, contacts / 400, inbox, 'warmup-returning');
    await waitFor(drained, 'warm-up to drain');

    // CPU per message over the latency phase, until it is drained: what one message costs each process when
    // neither is saturated (the throughput phase's figures also count the time spent queueing).
    const cpuBefore = { gateway: cpuSecondsOf(gateway.pid), worker: cpuSecondsOf(worker.pid) };
    const latency = await drive(latencyRate, seconds, inbox, 'latency');
    const gatewayCpu = cpuSecondsOf(gateway.pid) - cpuBefore.gateway;
    await waitFor(drained, 'latency phase to drain', 300_000);
    const workerCpu = cpuSecondsOf(worker.pid) - cpuBefore.worker;

    const throughputStart = new Date();
    const gatewayBeforeThroughput = cpuSecondsOf(gateway.pid);
    const workerBeforeThroughput = cpuSecondsOf(worker.pid);
    const throughput = await drive(throughputRate, seconds, inbox, 'throughput');
    const gatewayThroughputCpu = cpuSecondsOf(gateway.pid) - gatewayBeforeThroughput;
    await waitFor(
      async () =>
        (await database.query("SELECT count(*)::int AS count FROM messages WHERE provider_message_id LIKE 'throughput-%'")).rows[0].count >=
        throughput.accepted,
      'throughput phase to be persisted',
      300_000,
    );
    // Until the last message is stored: the worker's batches grow under load, so its cost per message falls.
    const workerThroughputCpu = cpuSecondsOf(worker.pid) - workerBeforeThroughput;
    const { rows: persistedRows } = await database.query(
      `SELECT count(*)::int AS count, extract(epoch FROM max(stored_at) - $1::timestamptz) AS span,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - created_at)) * 1000 AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - created_at)) * 1000 AS p99
         FROM messages WHERE provider_message_id LIKE 'throughput-%'`,
      [throughputStart],
    );
    const { rows: latencyPersisted } = await database.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - created_at)) * 1000 AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - created_at)) * 1000 AS p99
         FROM messages WHERE provider_message_id LIKE 'latency-%'`,
    );
    const { rows: duplicates } = await database.query('SELECT count(*)::int AS count FROM conversations');

    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const ceiling = await databaseCeiling(url, organisationRows[0].organisation_id, inbox.id, 5);

    const persisted = persistedRows[0];
    console.log(
      JSON.stringify({
        benchmark: 'ingest',
        machine: `${cpus().length} cores`,
        seconds,
        contacts,
        latencyPhase: {
          offeredPerSecond: latencyRate,
          acceptedPerSecond: round(latency.accepted / latency.durationSeconds),
          errors: latency.errors,
          ackP50Ms: round(percentile(latency.ackLatencies, 0.5)),
          ackP99Ms: round(percentile(latency.ackLatencies, 0.99)),
          acceptToPersistedP50Ms: round(Number(latencyPersisted[0].p50)),
          acceptToPersistedP99Ms: round(Number(latencyPersisted[0].p99)),
          gatewayCpuMicrosecondsPerMessage: Math.round((gatewayCpu / latency.accepted) * 1e6),
          workerCpuMicrosecondsPerMessage: Math.round((workerCpu / latency.accepted) * 1e6),
        },
        throughputPhase: {
          offeredPerSecond: throughputRate,
          acceptedPerSecond: round(throughput.accepted / throughput.durationSeconds),
          persistedPerSecond: round(persisted.count / Number(persisted.span)),
          errors: throughput.errors,
          ackP50Ms: round(percentile(throughput.ackLatencies, 0.5)),
          ackP99Ms: round(percentile(throughput.ackLatencies, 0.99)),
          acceptToPersistedP50Ms: round(Number(persisted.p50)),
          acceptToPersistedP99Ms: round(Number(persisted.p99)),
          gatewayCpuMicrosecondsPerMessage: Math.round((gatewayThroughputCpu / throughput.accepted) * 1e6),
          workerCpuMicrosecondsPerMessage: Math.round((workerThroughputCpu / throughput.accepted) * 1e6),
        },
        conversations: duplicates[0].count,
        databaseCeilingTransactionsPerSecond: round(ceiling),
      }),
    );
  } finally {
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await database.end().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    // This run's queues go with its database.
    await removeKeysWithPrefix(redisUrl, `${environment.QUEUE_PREFIX}:`).catch(() => undefined);
    agent.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
