import { REPLAY_WHATSAPP_NETWORK } from '@app/channels';
import { UserRole } from '@app/identity';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { Browser, chromium, Page } from 'playwright-core';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { accessibilityProblems, CHROMIUM_ARGUMENTS, collectPageErrors } from '../support/chromium-page';
import { saudiMobile } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { ensureWebAppBuilt } from '../support/web-app-build';

const ARTIFACTS = 'test-artifacts';
const CONTEXT_OPTIONS = { viewport: { width: 1280, height: 900 }, locale: 'ar-SA', timezoneId: 'Asia/Riyadh' };

const METRICS_TOKEN = `metrics-${randomUUID()}`;

describe('WhatsApp in the staff web app, in headless Chromium: the QR pairing page and the reply window', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const administrator = {
    email: `nawal-${Date.now().toString(36)}@example.org`,
    password: 'an-administrator-password',
    name: 'نوال القحطاني',
  };

  beforeAll(async () => {
    ensureWebAppBuilt();
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl({
      WHATSAPP_WEB_CLIENT: 'replay',
      CHANNEL_SESSION_LEASE_MS: '2000',
      CHANNEL_SESSION_CHECK_MS: '200',
      METRICS_TOKEN,
    });
    organisation = await wasl.createOrganisation('جمعية الوفاء');
    const created = await wasl.request('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...administrator, role: UserRole.Admin },
    });
    expect(created.status).toBe(201);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGUMENTS });
    page = await (await browser.newContext(CONTEXT_OPTIONS)).newPage();
    page.setDefaultTimeout(8_000);
    collectPageErrors(page, pageErrors);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.goto(`${wasl.url}/`);
    await page.getByLabel('البريد الإلكتروني').fill(administrator.email);
    await page.getByLabel('كلمة المرور').fill(administrator.password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByTestId('live-status').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await wasl?.close();
    await sandbox.stop();
  });

  it('should show the live QR code of a paired-phone inbox, then its number once the phone scans it', async () => {
    const name = `واتساب الجمعية ${randomUUID().slice(0, 4)}`;
    const created = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'whatsapp', provider: 'web', name },
    });
    await page.goto(`${wasl.url}/admin/inboxes`);
    await page.locator(`tr[data-inbox-name="${name}"]`).getByRole('button', { name: 'ربط الهاتف' }).click();
    const panel = page.getByTestId('pairing-panel');
    await page.getByRole('img', { name: 'رمز QR لربط واتساب' }).waitFor();
    expect(await panel.getAttribute('data-state')).toBe('pairing');
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${ARTIFACTS}/whatsapp-pairing-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);

    const phone = await eventually(async () => REPLAY_WHATSAPP_NETWORK.client(created.body.id), 'the session');
    await phone.scan('966112345678');
    await page.locator('[data-testid="pairing-panel"][data-state="connected"]').waitFor();
    await page.getByText('+966112345678').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/whatsapp-paired-ar.png` });
    // Connected: nothing to warn about. The phone logs out: every page's header says which inbox needs re-pairing.
    await page.getByTestId('session-attention').waitFor({ state: 'detached' });
    phone.disconnectFromPhone('LOGOUT');
    await page.goto(`${wasl.url}/`);
    const warning = page.getByTestId('session-attention');
    await warning.waitFor();
    expect(await warning.getAttribute('aria-label')).toContain(name);
    await warning.hover();
    await page.getByText(name, { exact: false }).last().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${ARTIFACTS}/whatsapp-needs-pairing-header-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await warning.click();
    await page.waitForURL(`${wasl.url}/admin/inboxes`);
    const metrics = await (await fetch(`${wasl.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(metrics).toMatch(new RegExp(`wasl_channel_sessions\\{inbox_id="${created.body.id}",state="(logged-out|pairing)"\\} 1`));
  });

  it('should show the reply window open in the composer, then closed with a template picker that sends a filled template', async () => {
    const phoneNumberId = String(100_000_000_000 + Math.floor(Math.random() * 1e9));
    const appSecret = randomBytes(16).toString('hex');
    const inbox = await wasl.request<{ id: string; webhookUrls: Array<{ url: string }> }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: {
        channel: 'whatsapp',
        provider: 'cloud',
        name: `واتساب للأعمال ${randomUUID().slice(0, 4)}`,
        settings: {
          phoneNumberId,
          wabaId: '102290129340398',
          accessToken: 'EAAG-sandbox',
          appSecret,
          verifyToken: 'verify-token-1',
          apiBaseUrl: sandbox.url,
        },
      },
    });
    sandbox.graph.registerWhatsAppNumber({
      phoneNumberId,
      wabaId: '102290129340398',
      appSecret,
      webhookUrl: inbox.body.webhookUrls[0].url,
    });
    const played = await sandbox.graph.playWhatsAppInbound({
      phoneNumberId,
      from: saudiMobile('3001'),
      name: 'سلمى',
      text: 'أحتاج موعداً للمقابلة',
    });
    const conversationId = await wasl.conversationOfMessage(played.messageId);

    await page.goto(`${wasl.url}/conversations/${conversationId}`);
    await page.locator('[data-testid="reply-window"][data-open="true"]').waitFor();
    await page.getByText(/نافذة الرد مفتوحة حتى/).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/whatsapp-window-open-ar.png` });

    await wasl.dataSource.query("UPDATE messages SET created_at = created_at - interval '25 hours' WHERE conversation_id = $1", [
      conversationId,
    ]);
    await eventually(
      async () =>
        (await wasl.request<unknown[]>('GET', `/api/v1/inboxes/${inbox.body.id}/templates`, { token: organisation.adminToken })).body
          .length > 0,
      'templates',
    );
    await page.reload();
    await page.locator('[data-testid="reply-window"][data-open="false"]').waitFor();
    await page.getByRole('combobox', { name: 'قالب معتمد' }).click();
    await page.getByRole('option', { name: 'request_update (ar)' }).click();
    await page.getByLabel('المتغيّر ١').fill('سلمى');
    await page.getByLabel('المتغيّر ٢').fill('٧٧');
    await page.getByText('مرحباً سلمى، طلبك رقم ٧٧ قيد الدراسة.').waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${ARTIFACTS}/whatsapp-window-closed-template-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'إرسال القالب' }).click();
    await eventually(async () => {
      const rows: Array<{ status: string }> = await wasl.dataSource.query(
        "SELECT status FROM messages WHERE conversation_id = $1 AND type = 'outbound' AND template IS NOT NULL",
        [conversationId],
      );
      return rows[0]?.status === 'read';
    }, 'the template to be sent and read');
    expect(pageErrors).toEqual([]);
  });
});
