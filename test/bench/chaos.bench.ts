// npm run chaos — the full fault run (issue 13). Starts its own PostgreSQL (initdb + pg_ctl in a temporary folder)
// and Redis (redis-server on a free port), a gateway and two workers from dist/ (npm run build first), an
// association's app that fails 20 % of callbacks and sometimes hangs, then offers signed API-channel messages with
// provider-style re-deliveries and staff replies while, on a schedule, a worker is SIGKILLed every
// CHAOS_WORKER_KILL_SECONDS, Redis is killed and restarted, PostgreSQL is stopped and started, and the gateway is
// killed and restarted. Prints one JSON line of figures. Not part of `npm test`: test/e2e/chaos.e2e-spec.ts is the
// bounded version. Environment: CHAOS_SECONDS (traffic, default 120), CHAOS_RATE (new messages per second, default
// 40), CHAOS_WORKER_KILL_SECONDS (default 10), CHAOS_DRAIN_SECONDS (how long to wait for the sweeps, default 300).
import { signBody } from '@app/common';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { assertBuilt, percentile, root, round } from './bench-support';
import { freePort, waitForOwnServer } from './bench-server.util';

const seconds = Number(process.env.CHAOS_SECONDS ?? 120);
const rate = Number(process.env.CHAOS_RATE ?? 40);
const workerKillSeconds = Number(process.env.CHAOS_WORKER_KILL_SECONDS ?? 10);
const drainSeconds = Number(process.env.CHAOS_DRAIN_SECONDS ?? 300);
const SENDERS = 400;
const REDELIVERY_SHARE = 0.3;
const REPLIES_PER_SECOND = 2;
const CALLBACK_TIMEOUT_MS = 2_000;

type Fault = 'none' | 'worker-kill' | 'redis-restart' | 'postgres-restart' | 'gateway-restart';

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

function log(line: string): void {
  process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

// initdb and postgres refuse to run as root; this machine's CI runs as root, so they run as the postgres user.
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function postgresBinaries(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((left, right) => Number(right) - Number(left)) : [];
  const found = versions.map((version) => join(base, version, 'bin')).find((bin) => existsSync(join(bin, 'pg_ctl')));
  if (!found) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql/*/bin');
  return found;
}

class PrivatePostgres {
  private readonly bin = postgresBinaries();
  readonly data: string;
  port = 0;

  constructor(private readonly directory: string) {
    this.data = join(directory, 'pg');
  }

  private run(tool: string, args: string[]): void {
    const [command, fullArgs] = asPostgres(join(this.bin, tool), args);
    const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  }

  async init(): Promise<void> {
    this.port = await freePort();
    mkdirSync(this.data, { recursive: true });
    if (process.getuid?.() === 0) {
      const postgres = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      chownSync(this.directory, Number(postgres.stdout), Number(group.stdout));
      chownSync(this.data, Number(postgres.stdout), Number(group.stdout));
    }
    this.run('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    await this.start();
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.directory} -c listen_addresses=127.0.0.1 -c max_connections=200`;
    this.run('pg_ctl', ['-D', this.data, '-o', options, '-l', join(this.directory, 'pg.log'), '-w', 'start']);
  }

  // Fast shutdown: connections are cut, as when a database server is restarted under load.
  stop(): void {
    this.run('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }
}

class PrivateRedis {
  private child?: ChildProcess;
  port = 0;

  constructor(private readonly directory: string) {}

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    this.child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.directory,
        '--appendonly',
        'yes',
        '--save',
        '',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const ping = spawnSync('redis-cli', ['-p', String(this.port), 'ping'], { encoding: 'utf8' });
      if (ping.stdout.trim() === 'PONG') return;
      await sleep(100);
    }
    throw new Error('redis-server did not start');
  }

  // SIGKILL: whatever the AOF had not written (up to a second) is lost, as in a crash.
  kill(): void {
    this.child?.kill('SIGKILL');
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
}

// The association's app behind the API inbox's callback URL: a fifth of calls fail with 500, one in twenty-five
// hangs past the callback timeout; it counts the calls per reply id.
class FlakyCallbackServer {
  readonly calls = new Map<string, number>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { messageId } = JSON.parse(body) as { messageId: string };
      this.calls.set(messageId, (this.calls.get(messageId) ?? 0) + 1);
      const roll = Math.random();
      if (roll < 0.04) {
        this.hanging.add(response);
        setTimeout(() => {
          this.hanging.delete(response);
          response.writeHead(200).end();
        }, CALLBACK_TIMEOUT_MS * 2);
      } else response.writeHead(roll < 0.24 ? 500 : 200).end();
    });
  });
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  stop(): void {
    for (const response of this.hanging) response.destroy();
    this.server.close();
  }
}

interface Delivery {
  messageId: string;
  senderId: string;
  acceptedAt?: number;
}

async function main(): Promise<void> {
  assertBuilt();
  const directory = mkdtempSync(join(tmpdir(), 'wasl-chaos-'));
  const postgres = new PrivatePostgres(directory);
  const redisDirectory = join(directory, 'redis');
  mkdirSync(redisDirectory);
  const redis = new PrivateRedis(redisDirectory);
  const callbacks = new FlakyCallbackServer();
  const children = new Set<ChildProcess>();
  let database: Pool | undefined;
  try {
    log('starting PostgreSQL, Redis and the callback server');
    await postgres.init();
    await redis.start();
    await callbacks.start();
    const admin = new Pool({ connectionString: postgres.url('postgres'), max: 1 });
    await admin.query('CREATE DATABASE wasl');
    await admin.end();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const password = randomBytes(12).toString('hex');
    const environment: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: postgres.url('wasl'),
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'wasl-chaos',
      WASL_JWT_SECRET: randomBytes(32).toString('hex'),
      WASL_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      WASL_ADMIN_EMAIL: 'chaos@example.org',
      WASL_ADMIN_PASSWORD: password,
      PORT: String(port),
      PUBLIC_URL: base,
      LOG_LEVEL: 'error',
      LOG_FORMAT: 'json',
      CALLBACK_TIMEOUT_MS: String(CALLBACK_TIMEOUT_MS),
      OUTBOUND_BACKOFF_MS: '1000',
      OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true',
      FAILED_REQUESTS_PER_MINUTE: '1000000',
      ATTACHMENT_DIRECTORY: join(directory, 'attachments'),
    };
    const startProcess = (entry: string, role: string): ChildProcess => {
      const child = spawn(process.execPath, [join(root, entry)], {
        cwd: root,
        env: { ...environment, WASL_ROLE: role },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // LOG_LEVEL=error: what the processes print is worth seeing beside the run's own lines.
      for (const stream of [child.stdout, child.stderr]) {
        stream?.on('data', (chunk: Buffer) => process.stderr.write(`[${role} ${child.pid}] ${chunk.toString().slice(0, 2000)}`));
      }
      children.add(child);
      child.once('exit', () => children.delete(child));
      return child;
    };
    const startGateway = async (): Promise<ChildProcess> => {
      const gateway = startProcess('dist/apps/gateway/src/main.js', 'gateway');
      await waitForOwnServer(gateway, `${base}/health/ready`, 'the gateway', 120_000);
      return gateway;
    };
    const startWorker = () => startProcess('dist/apps/worker/src/main.js', 'worker');

    let gateway = await startGateway();
    const workers = [startWorker(), startWorker()];
    database = new Pool({ connectionString: postgres.url('wasl'), max: 2 });
    database.on('error', () => undefined);

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'chaos@example.org', password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const created = await fetch(`${base}/api/v1/inboxes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ channel: 'api', name: 'Chaos', callbackUrl: `http://127.0.0.1:${callbacks.port}/callback` }),
    });
    const inbox = (await created.json()) as { id: string; secret: string };

    let fault: Fault = 'none';
    const failedRequests: Record<Fault, number> = {
      none: 0,
      'worker-kill': 0,
      'redis-restart': 0,
      'postgres-restart': 0,
      'gateway-restart': 0,
    };
    const faultsApplied: Record<Fault, number> = { ...failedRequests };
    const deliveries = new Map<string, Delivery>();
    const replies: string[] = [];
    let offered = 0;
    let redeliveries = 0;
    let replyAttempts = 0;

    // As a provider does: anything but 202 (or no answer) is sent again after a pause, the same message id.
    const deliver = async (delivery: Delivery): Promise<void> => {
      const raw = JSON.stringify({
        messageId: delivery.messageId,
        from: { id: delivery.senderId },
        text: `رسالة تجربة الأعطال ${delivery.messageId}`,
      });
      for (let attempt = 0; attempt < 60; attempt += 1) {
        const status = await fetch(`${base}/webhooks/api/${inbox.id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-wasl-signature': signBody(raw, inbox.secret) },
          body: raw,
          signal: AbortSignal.timeout(15_000),
        }).then(
          (answer) => answer.status,
          () => 0,
        );
        if (status === 202) {
          delivery.acceptedAt ??= Date.now();
          return;
        }
        failedRequests[fault] += 1;
        await sleep(1_000 * Math.min(5, attempt + 1));
      }
    };

    const reply = async (): Promise<void> => {
      const rows = await database!.query('SELECT id FROM conversations ORDER BY random() LIMIT 1').catch(() => ({ rows: [] }));
      const conversationId = (rows.rows[0] as { id: string } | undefined)?.id;
      if (!conversationId) return;
      replyAttempts += 1;
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const answer = await fetch(`${base}/api/v1/conversations/${conversationId}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ text: `ردّ الموظف ${replies.length + 1}` }),
          signal: AbortSignal.timeout(15_000),
        }).catch(() => undefined);
        if (answer?.status === 201) {
          replies.push(((await answer.json()) as { id: string }).id);
          return;
        }
        failedRequests[fault] += 1;
        await sleep(2_000);
      }
    };

    // Faults on a schedule: a worker every workerKillSeconds; Redis, PostgreSQL and the gateway once each, at a
    // quarter, a half and three quarters of the run.
    const during = async (name: Fault, work: () => Promise<void>) => {
      fault = name;
      faultsApplied[name] += 1;
      log(`fault: ${name}`);
      try {
        await work();
      } finally {
        // Requests failing in the seconds after a fault still belong to it.
        await sleep(3_000);
        fault = 'none';
      }
    };
    const schedule = async (start: number) => {
      const at = (fraction: number) => start + fraction * seconds * 1000;
      const big: Array<[number, Fault, () => Promise<void>]> = [
        [
          at(0.25),
          'redis-restart',
          async () => {
            redis.kill();
            await sleep(3_000);
            await redis.start();
          },
        ],
        [
          at(0.5),
          'postgres-restart',
          async () => {
            postgres.stop();
            await sleep(5_000);
            await postgres.start();
          },
        ],
        [
          at(0.75),
          'gateway-restart',
          async () => {
            gateway.kill('SIGKILL');
            await sleep(2_000);
            gateway = await startGateway();
          },
        ],
      ];
      let nextKill = start + workerKillSeconds * 1000;
      while (Date.now() < start + seconds * 1000) {
        const now = Date.now();
        const due = big.findIndex(([when]) => when <= now);
        if (due >= 0) {
          const [, name, work] = big.splice(due, 1)[0];
          await during(name, work);
        } else if (now >= nextKill) {
          nextKill = now + workerKillSeconds * 1000;
          if (fault === 'none') {
            await during('worker-kill', async () => {
              const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0];
              victim.kill('SIGKILL');
              workers.push(startWorker());
            });
          }
        }
        await sleep(200);
      }
    };

    log(`traffic: ${rate}/s new messages for ${seconds} s, ${REDELIVERY_SHARE * 100} % re-delivered, ${REPLIES_PER_SECOND} replies/s`);
    const start = Date.now();
    const scheduler = schedule(start);
    const inFlight = new Set<Promise<void>>();
    const track = (work: Promise<void>) => {
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    };
    let tick = 0;
    while (Date.now() < start + seconds * 1000) {
      const due = Math.floor(((Date.now() - start) / 1000) * rate);
      while (offered < due) {
        const delivery: Delivery = { messageId: `chaos-${randomUUID()}`, senderId: `sender-${offered % SENDERS}` };
        deliveries.set(delivery.messageId, delivery);
        offered += 1;
        track(
          deliver(delivery).then(async () => {
            if (Math.random() < REDELIVERY_SHARE) {
              redeliveries += 1;
              await sleep(Math.random() * 5_000);
              await deliver({ ...delivery });
            }
          }),
        );
      }
      if (tick % Math.round(10 / REPLIES_PER_SECOND) === 0) track(reply());
      tick += 1;
      await sleep(100);
    }
    await scheduler;
    log(`traffic over: ${offered} messages offered; waiting for the requests still retrying`);
    await Promise.all([...inFlight]);

    // The sweeps (every minute, for work older than two minutes) queue what Redis lost.
    const accepted = [...deliveries.values()].filter((delivery) => delivery.acceptedAt !== undefined);
    const acceptedIds = accepted.map((delivery) => delivery.messageId);
    const deadline = Date.now() + drainSeconds * 1000;
    let persisted = 0;
    let queuedReplies = replies.length;
    while (Date.now() < deadline) {
      const stored = await database.query(
        'SELECT count(DISTINCT provider_message_id)::int AS count FROM messages WHERE provider_message_id = ANY($1)',
        [acceptedIds],
      );
      persisted = stored.rows[0].count;
      const queued = await database.query("SELECT count(*)::int AS count FROM messages WHERE id = ANY($1) AND status = 'queued'", [
        replies,
      ]);
      queuedReplies = queued.rows[0].count;
      if (persisted === acceptedIds.length && queuedReplies === 0) break;
      log(`draining: ${persisted} of ${acceptedIds.length} stored, ${queuedReplies} replies queued`);
      await sleep(5_000);
    }

    const copies = await database.query(
      'SELECT count(*)::int AS count FROM (SELECT provider_message_id FROM messages WHERE provider_message_id = ANY($1) GROUP BY 1 HAVING count(*) > 1) doubled',
      [acceptedIds],
    );
    const latency = await database.query(
      `SELECT extract(epoch FROM stored_at - created_at) * 1000 AS milliseconds FROM messages WHERE provider_message_id = ANY($1) ORDER BY 1`,
      [acceptedIds],
    );
    const latencies = latency.rows.map((row: { milliseconds: string }) => Number(row.milliseconds));
    const outcomes = await database.query(
      `SELECT status, coalesce(failure_code, '') AS code, count(*)::int AS count FROM messages WHERE id = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2`,
      [replies],
    );
    const contacts = await database.query('SELECT count(*)::int AS count FROM contacts');
    const senders = new Set(accepted.map((delivery) => delivery.senderId)).size;
    const openConversations = await database.query(
      "SELECT count(*)::int AS count FROM (SELECT contact_id FROM conversations WHERE status IN ('open', 'pending') GROUP BY 1 HAVING count(*) > 1) doubled",
    );
    const sentTwice = [...callbacks.calls.entries()].filter(([messageId, calls]) => replies.includes(messageId) && calls > 1).length;

    const figures = {
      benchmark: 'chaos',
      seconds,
      offeredPerSecond: rate,
      faults: faultsApplied,
      offered,
      redeliveries,
      accepted: acceptedIds.length,
      persisted,
      lost: acceptedIds.length - persisted,
      duplicated: copies.rows[0].count,
      failedRequestsByFault: failedRequests,
      contacts: { senders, stored: contacts.rows[0].count, contactsWithTwoOpenConversations: openConversations.rows[0].count },
      replies: {
        posted: replies.length,
        attempted: replyAttempts,
        byFinalStatus: Object.fromEntries(
          outcomes.rows.map((row: { status: string; code: string; count: number }) => [
            row.code ? `${row.status}:${row.code}` : row.status,
            row.count,
          ]),
        ),
        // The association's app received some replies more than once: at least once towards a receiver that
        // de-duplicates by message id (a callback that hung or failed is sent again).
        calledMoreThanOnce: sentTwice,
      },
      acceptedToPersistedMs: {
        p50: round(percentile(latencies, 0.5)),
        p99: round(percentile(latencies, 0.99)),
        max: round(latencies.at(-1) ?? NaN),
      },
    };
    console.log(JSON.stringify(figures));
  } finally {
    await database?.end().catch(() => undefined);
    for (const child of children) child.kill('SIGKILL');
    callbacks.stop();
    redis.kill();
    try {
      postgres.stop();
    } catch {
      // Already stopped.
    }
    rmSync(directory, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
