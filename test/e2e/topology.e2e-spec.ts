import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { startWorkerHealthServer } from '../../apps/worker/src/worker.bootstrap';
import { CallbackServer } from '../support/callback-server';
import { TEST_DATABASE_URL_VARIABLE, TEST_REDIS_URL, testQueuePrefix } from '../support/test-environment';
import { eventually, WaslTestApp } from '../support/wasl-test-app';

const root = join(__dirname, '..', '..');

describe('Deployment topology: separate gateway and worker processes, boot-time checks', () => {
  const callbacks = new CallbackServer();
  let gateway: WaslTestApp;

  beforeAll(async () => {
    await callbacks.start();
    gateway = await WaslTestApp.start({ WASL_ROLE: 'gateway' });
  });

  afterAll(async () => {
    await gateway.close();
    await callbacks.stop();
  });

  it('should accept while no worker runs, and apply and reply once a worker joins on the same Redis', async () => {
    expect(gateway.config.runsWorker).toBe(false);
    const organisation = await gateway.createOrganisation();
    const inbox = await gateway.createApiInbox(organisation.adminToken, callbacks.url);
    expect((await gateway.postSigned(inbox, { messageId: 'split-1', from: { id: 'split-user' }, text: 'قبل تشغيل العامل' })).status).toBe(
      202,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = await gateway.dataSource.query("SELECT count(*)::int AS count FROM messages WHERE provider_message_id = 'split-1'");
    expect(before[0].count).toBe(0);

    const worker = await gateway.startSeparateWorker();
    const conversationId = await gateway.conversationOfMessage('split-1');

    const reply = await gateway.request<{ id: string }>('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'ردّ من عامل منفصل' },
    });
    await eventually(async () => callbacks.forMessage(reply.body.id).length === 1, 'the separate worker to send the reply');

    const health = startWorkerHealthServer(worker, 0);
    await new Promise((resolve) => health.once('listening', resolve));
    const port = (health.address() as { port: number }).port;
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
    await new Promise((resolve) => health.close(resolve));
  });

  it('should report liveness and readiness on the gateway', async () => {
    expect((await gateway.request('GET', '/health')).body).toEqual({ status: 'ok' });
    expect((await gateway.request('GET', '/health/ready')).body).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
    const openapi = await gateway.request<{ paths: Record<string, unknown> }>('GET', '/docs/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/conversations', '/webhooks/api/{inboxId}/messages', '/health/ready']),
    );
  });

  it('should run a separate worker process at the configured lower CPU priority', async () => {
    const worker = spawn(process.execPath, [join(root, 'scripts/run-ts.js'), join(root, 'apps/worker/src/main.ts')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: process.env[TEST_DATABASE_URL_VARIABLE],
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: `${testQueuePrefix()}-nice`,
        WASL_JWT_SECRET: randomBytes(32).toString('hex'),
        WASL_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        WORKER_NICENESS: '7',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const collect = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Wasl worker processing queues')) resolve();
        };
        worker.stdout!.on('data', collect);
        worker.stderr!.on('data', collect);
        worker.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
      });
      expect(getPriority(worker.pid)).toBe(7);
    } finally {
      worker.kill('SIGTERM');
    }
  });

  it('should stop at boot with one line naming the configuration key at fault', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/run-ts.js'), join(root, 'apps/gateway/src/main.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, WASL_ENCRYPTION_KEY: 'a'.repeat(64), PORT: 'not-a-port' },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: (PORT|WASL_JWT_SECRET) /);
  });
});
