import { UserRole } from '@app/identity';
import { QueueName } from '@app/queue';
import { mkdirSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGUMENTS, collectPageErrors } from '../support/chromium-page';
import { TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

const ARTIFACTS = 'test-artifacts';

describe('Queue dashboard (Bull Board) for administrators', () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;

  beforeAll(async () => {
    wasl = await WaslTestApp.start();
    organisation = await wasl.createOrganisation();
  });

  afterAll(async () => {
    await wasl.close();
  });

  it('should be for signed-in administrators only', async () => {
    expect((await wasl.request('GET', '/admin/queues')).status).toBe(401);
    expect((await wasl.request('GET', '/admin/queues/api/queues', { token: 'not-a-token' })).status).toBe(401);
    for (const role of [UserRole.Officer, UserRole.Supervisor]) {
      const { token } = await wasl.createUser(organisation.adminToken, role);
      const refused = await wasl.request<{ code: string }>('GET', '/admin/queues/api/queues', { token });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
  });

  it('should list every queue of libs/queue, read-only, and refuse any change', async () => {
    const answer = await wasl.request<{ queues: { name: string; readOnlyMode: boolean }[] }>('GET', '/admin/queues/api/queues', {
      token: organisation.adminToken,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.queues.map((queue) => queue.name).sort()).toEqual(Object.values(QueueName).sort());
    expect(answer.body.queues.every((queue) => queue.readOnlyMode)).toBe(true);
    const retry = await wasl.request('PUT', `/admin/queues/api/queues/${QueueName.ChannelOutbound}/retry/failed`, {
      token: organisation.adminToken,
    });
    expect(retry.status).toBe(405);
  });

  it('should render in Chromium with the session cookie under a policy that allows its own scripts only', async () => {
    const page = await fetch(`${wasl.url}/admin/queues`, { headers: { authorization: `Bearer ${organisation.adminToken}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Wasl queues</title>');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");

    const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGUMENTS });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const { email, password } = await createAdmin();
      const login = await context.request.post(`${wasl.url}/api/v1/auth/session`, { data: { email, password } });
      expect(login.status()).toBe(200);
      const tab = await context.newPage();
      const errors: string[] = [];
      collectPageErrors(tab, errors);
      const violations: string[] = [];
      tab.on('console', (message) => {
        if (message.text().includes('Content Security Policy') && !message.text().includes('fonts.googleapis.com')) {
          violations.push(message.text());
        }
      });
      await tab.goto(`${wasl.url}/admin/queues`);
      for (const queue of Object.values(QueueName)) await tab.getByText(queue, { exact: true }).first().waitFor();
      mkdirSync(ARTIFACTS, { recursive: true });
      await tab.screenshot({ path: `${ARTIFACTS}/admin-queue-dashboard.png`, fullPage: true });
      expect(violations).toEqual([]);
      expect(errors.filter((error) => !error.includes('fonts.googleapis.com'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  async function createAdmin(): Promise<{ email: string; password: string }> {
    const email = `queues-admin-${Date.now()}@example.org`;
    const password = `pass-${Date.now()}-dashboard`;
    const created = await wasl.request('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { email, name: 'مديرة الطوابير', role: UserRole.Admin, password },
    });
    expect(created.status).toBe(201);
    return { email, password };
  }
});
