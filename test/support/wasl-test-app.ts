import { signBody } from '@app/common';
import { loadConfig, WaslConfig } from '@app/config';
import { OrganisationsService, UserRole, UsersService } from '@app/identity';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createGateway } from '../../apps/gateway/src/gateway.bootstrap';
import { createWorker } from '../../apps/worker/src/worker.bootstrap';
import { TEST_DATABASE_URL_VARIABLE, TEST_REDIS_URL, testQueuePrefix } from './test-environment';

export interface TestOrganisation {
  id: string;
  adminToken: string;
  adminId: string;
}

// Builds a real configuration the way production does (loadConfig over an environment), pointed at the
// suite's PostgreSQL database and a queue prefix of its own so suites never share jobs.
export function testConfig(overrides: Record<string, string> = {}): WaslConfig {
  return loadConfig({
    WASL_ROLE: 'all',
    PORT: '0',
    DATABASE_URL: process.env[TEST_DATABASE_URL_VARIABLE],
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `${testQueuePrefix()}-${randomBytes(4).toString('hex')}`,
    WASL_JWT_SECRET: randomBytes(32).toString('hex'),
    WASL_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    INBOUND_BACKOFF_MS: '50',
    OUTBOUND_BACKOFF_MS: '50',
    CALLBACK_TIMEOUT_MS: '2000',
    // The suites' callback servers and provider stand-ins listen on 127.0.0.1.
    OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true',
    // Every suite's requests come from 127.0.0.1, and several send hundreds of bad signatures and tokens on purpose.
    FAILED_REQUESTS_PER_MINUTE: '1000000',
    ...overrides,
  });
}

export class WaslTestApp {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly config: WaslConfig,
    private readonly extras: INestApplicationContext[],
  ) {}

  static async start(overrides: Record<string, string> = {}, config = testConfig(overrides)): Promise<WaslTestApp> {
    const app = await createGateway(config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    return new WaslTestApp(app, `http://127.0.0.1:${port}`, config, []);
  }

  // Providers sign the public URL they call, so webhook suites need PUBLIC_URL to be the address the app
  // listens on: a free port is picked first, then the app is configured and bound to it.
  static async startOnPublicUrl(overrides: Record<string, string> = {}): Promise<WaslTestApp> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const config = testConfig({ PORT: String(port), PUBLIC_URL: url, ...overrides });
    const app = await createGateway(config);
    await app.listen(port, '127.0.0.1');
    return new WaslTestApp(app, url, config, []);
  }

  // A separate worker process's worth of Nest context, for WASL_ROLE=gateway + worker topologies.
  async startSeparateWorker(): Promise<INestApplicationContext> {
    const worker = await createWorker(Object.assign(Object.create(Object.getPrototypeOf(this.config)), this.config, { role: 'worker' }));
    this.extras.push(worker);
    return worker;
  }

  get dataSource(): DataSource {
    return this.app.get<DataSource>(getDataSourceToken());
  }

  async close(): Promise<void> {
    for (const extra of this.extras) await extra.close();
    await this.app.close();
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const response = await fetch(this.url + path, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  }

  async login(email: string, password: string): Promise<string> {
    const response = await this.request<{ accessToken: string }>('POST', '/api/v1/auth/login', { body: { email, password } });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.accessToken;
  }

  // A new association with its administrator, through the same services the first start and the CLI use.
  async createOrganisation(name = 'جمعية الاختبار'): Promise<TestOrganisation> {
    const organisation = await this.app.get(OrganisationsService).create(name);
    const email = `admin-${randomUUID()}@example.org`;
    const password = `pass-${randomUUID()}`;
    const admin = await this.app.get(UsersService).create(organisation.id, { email, name: 'Admin', role: UserRole.Admin, password });
    return { id: organisation.id, adminToken: await this.login(email, password), adminId: admin.id };
  }

  async createUser(adminToken: string, role: UserRole, extra: Record<string, unknown> = {}): Promise<{ id: string; token: string }> {
    const email = `${role}-${randomUUID()}@example.org`;
    const password = `pass-${randomUUID()}`;
    const created = await this.request<{ id: string }>('POST', '/api/v1/users', {
      token: adminToken,
      body: { email, name: `${role} user`, role, password, ...extra },
    });
    if (created.status !== 201) throw new Error(`user creation failed: ${JSON.stringify(created.body)}`);
    return { id: created.body.id, token: await this.login(email, password) };
  }

  async createApiInbox(adminToken: string, callbackUrl = 'http://127.0.0.1:9/unused'): Promise<{ id: string; secret: string }> {
    const created = await this.request<{ id: string; secret: string }>('POST', '/api/v1/inboxes', {
      token: adminToken,
      body: { channel: 'api', name: `App ${randomUUID().slice(0, 8)}`, callbackUrl },
    });
    if (created.status !== 201) throw new Error(`inbox creation failed: ${JSON.stringify(created.body)}`);
    return created.body;
  }

  // The conversation an inbound provider message landed in, once the worker has applied it.
  // The inbound event row a provider's message was stored as (its job is queued under this id: JOB_CATALOGUE).
  async inboundEventOf(inboxId: string, providerMessageId: string): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM inbound_events WHERE inbox_id = $1 AND provider_message_id = $2',
      [inboxId, providerMessageId],
    );
    if (!rows[0]) throw new Error(`No inbound event for ${providerMessageId}`);
    return Number(rows[0].id);
  }

  async conversationOfMessage(providerMessageId: string): Promise<string> {
    return eventually(async () => {
      const rows: { conversation_id: string }[] = await this.dataSource.query(
        'SELECT conversation_id FROM messages WHERE provider_message_id = $1',
        [providerMessageId],
      );
      return rows[0]?.conversation_id;
    }, `message ${providerMessageId} to be stored`);
  }

  async postSigned(inbox: { id: string; secret: string }, body: unknown, signature?: string) {
    const raw = JSON.stringify(body);
    return this.request<{ accepted?: boolean; code?: string; fields?: { field: string }[] }>('POST', `/webhooks/api/${inbox.id}/messages`, {
      body: raw,
      headers: { 'x-wasl-signature': signature ?? signBody(raw, inbox.secret) },
    });
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMilliseconds = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMilliseconds;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
