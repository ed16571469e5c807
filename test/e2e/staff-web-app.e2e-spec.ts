import { UserRole } from '@app/identity';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { CallbackServer } from '../support/callback-server';
import { accessibilityProblems, CHROMIUM_ARGUMENTS, collectPageErrors } from '../support/chromium-page';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { ensureWebAppBuilt } from '../support/web-app-build';

const ARTIFACTS = 'test-artifacts';
const XSS_NAME = '<img src=x onerror="window.__waslXss=1">';
const XSS_TEXT = '<img src=x onerror="window.__waslXss=2"><script>window.__waslXss=3</script>';

describe('Staff web app in headless Chromium (login → live inbox → reply, note → search)', () => {
  const callbacks = new CallbackServer();
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string; secret: string };
  const officer = { email: 'noura@example.org', password: 'a-long-officer-password', name: 'نورة العتيبي' };
  const colleague = { email: 'huda@example.org', password: 'another-long-password', name: 'هدى الدوسري' };
  const supervisor = { email: 'maha@example.org', password: 'a-supervisor-password', name: 'مها الزهراني' };
  let profileDirectory: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureWebAppBuilt();
    await callbacks.start();
    // Two failures lock an account here, so the throttled message can be shown without many attempts.
    wasl = await WaslTestApp.start({ OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true', LOGIN_MAX_FAILURES: '2' });
    organisation = await wasl.createOrganisation('جمعية البر الخيرية');
    const created = await wasl.request<{ id: string }>('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...officer, role: UserRole.Officer },
    });
    expect(created.status).toBe(201);
    const createdColleague = await wasl.request<{ id: string }>('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...colleague, role: UserRole.Officer },
    });
    expect(createdColleague.status).toBe(201);
    const createdSupervisor = await wasl.request('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...supervisor, role: UserRole.Supervisor },
    });
    expect(createdSupervisor.status).toBe(201);
    inbox = await wasl.createApiInbox(organisation.adminToken, callbacks.url);
    // Officers see the conversations of the inboxes whose access list names them (purpose-bound access).
    const access = await wasl.request('PUT', `/api/v1/inboxes/${inbox.id}/access`, {
      token: organisation.adminToken,
      body: { teamIds: [], userIds: [created.body.id, createdColleague.body.id] },
    });
    expect(access.status).toBe(200);
    profileDirectory = await mkdtemp(join(tmpdir(), 'wasl-staff-chromium-'));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGUMENTS });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar-SA', timezoneId: 'Asia/Riyadh' });
    page = await context.newPage();
    page.setDefaultTimeout(8_000);
    // The 401 and 429 answers of the login step are expected; any other console error is a finding.
    collectPageErrors(page, pageErrors);
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await wasl?.close();
    await callbacks.stop();
    if (profileDirectory) await rm(profileDirectory, { recursive: true, force: true });
  });

  function item(text: string) {
    return page.locator('.conversation-item', { hasText: text });
  }

  async function beneficiaryWrites(messageId: string, from: { id: string; name: string; phone?: string }, text: string) {
    const accepted = await wasl.postSigned(inbox, { messageId, from, text });
    expect(accepted.status).toBe(202);
  }

  it('should serve the app at / with history fallback, compressed immutable assets and the gateway’s own routes untouched', async () => {
    const index = await fetch(`${wasl.url}/`);
    const html = await index.text();
    expect(index.status).toBe(200);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script>(?!<)/);

    const deepLink = await fetch(`${wasl.url}/conversations/6f1c2d3e-0000-4000-8000-000000000001?view=mine`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toBe(html);

    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const brotli = await fetch(`${wasl.url}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers.get('content-type')).toMatch(/javascript/);
    const gzip = await fetch(`${wasl.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');

    const unknownApi = await wasl.request<{ code: string }>('GET', '/api/v1/no-such-route', { token: organisation.adminToken });
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.body.code).toBe('NOT_FOUND');
    expect((await fetch(`${wasl.url}/assets/missing-file.js`)).status).toBe(404);
    expect((await fetch(`${wasl.url}/health`)).status).toBe(200);
    expect((await fetch(`${wasl.url}/widget.js`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it('should refuse a wrong password and a throttled account in Arabic, then log the officer in for good', async () => {
    await page.goto(`${wasl.url}/`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByLabel('البريد الإلكتروني').fill('nobody@example.org');
    await page.getByLabel('كلمة المرور').fill('wrong-password');
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByRole('alert').getByText('البريد الإلكتروني أو كلمة المرور غير صحيحة.').waitFor();
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByRole('button', { name: 'دخول' }).click();
    // The answer's Retry-After becomes the number of seconds to wait, in Arabic digits.
    await page
      .getByRole('alert')
      .getByText(/^محاولات دخول خاطئة كثيرة. حاول مرة أخرى بعد [٠-٩]+ ثانية.$/)
      .waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-login-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByLabel('البريد الإلكتروني').fill(officer.email);
    await page.getByLabel('كلمة المرور').fill(officer.password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByTestId('live-status').getByText('متصل').waitFor();
    await page.reload();
    await page.getByTestId('live-status').getByText('متصل').waitFor();
    expect(await page.getByText(officer.name).count()).toBe(1);

    // The token is in an httpOnly, SameSite cookie: no script on the page can read it.
    const session = (await context.cookies()).find((cookie) => cookie.name === 'wasl_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const visibleToScripts = await page.evaluate(() => document.cookie + JSON.stringify({ ...localStorage }));
    expect(visibleToScripts).not.toContain(session!.value);
  });

  it('should show a beneficiary’s new message in the open inbox without a reload, then send the reply to the callback and keep a note private', async () => {
    await beneficiaryWrites(
      'app-1',
      { id: 'user-1', name: 'سارة القحطاني', phone: '0551234567' },
      'السلام عليكم، متى يصدر قرار لجنة البحث؟',
    );
    await item('سارة القحطاني').getByText('السلام عليكم، متى يصدر قرار لجنة البحث؟').waitFor();
    await item('سارة القحطاني').click();
    await page.locator('.message-inbound', { hasText: 'متى يصدر قرار لجنة البحث' }).waitFor();
    expect(page.url()).toMatch(/\/conversations\/[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: 'إسنادها إليّ' }).click();
    await page.getByText('مُسندة إليك').waitFor();
    await page.locator('.timeline-event[data-event-type="assigned"]', { hasText: officer.name }).waitFor();

    const reply = 'وعليكم السلام، يصدر القرار خلال أسبوعين من دراسة الطلب';
    const composer = page.locator('.composer textarea');
    await composer.fill(reply);
    await composer.press('Control+Enter');
    // A second press before the first answer must not send twice.
    await composer.press('Control+Enter');
    await page.locator('.message-outbound', { hasText: reply }).waitFor();
    const delivered = await eventually(
      async () => callbacks.received.find((callback) => JSON.parse(callback.body).text === reply),
      'the reply at the callback',
    );
    expect(JSON.parse(delivered.body)).toMatchObject({ event: 'message.created', to: { id: 'user-1' } });
    await page.locator('.message-outbound .delivery-sent').waitFor();

    await page.getByText('ملاحظة خاصة', { exact: true }).first().click();
    const note = 'المستفيدة أرسلت صورة الهوية سابقاً';
    await composer.fill(note);
    await page.getByRole('button', { name: 'حفظ الملاحظة' }).click();
    await page.locator('.message-note', { hasText: note }).waitFor();

    // The beneficiary writes again while the conversation is open: it appears without a reload.
    await beneficiaryWrites('app-2', { id: 'user-1', name: 'سارة القحطاني' }, 'شكراً جزيلاً');
    await page.locator('.message-inbound', { hasText: 'شكراً جزيلاً' }).waitFor();
    expect(callbacks.received.filter((callback) => JSON.parse(callback.body).text === reply)).toHaveLength(1);
    expect(callbacks.received.some((callback) => JSON.parse(callback.body).text === note)).toBe(false);
    expect(await page.locator('.message-outbound', { hasText: reply }).count()).toBe(1);
    const hijri = await page.locator('.message-inbound time').first().getAttribute('title');
    expect(hijri).toMatch(/هـ/);
    await page.screenshot({ path: `${ARTIFACTS}/web-conversation-ar.png` });
  });

  it('should refuse a change made with the session cookie but without the CSRF token', async () => {
    const conversationId = /\/conversations\/([0-9a-f-]{36})/.exec(page.url())![1];
    const statuses = await page.evaluate(async (id) => {
      const csrf = /(?:^|; )wasl_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const change = (headers: Record<string, string>) =>
        fetch(`/api/v1/conversations/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ priority: 'high' }),
        }).then((response) => response.status);
      return { without: await change({}), wrong: await change({ 'x-csrf-token': 'guess' }), with: await change({ 'x-csrf-token': csrf }) };
    }, conversationId);
    expect(statuses).toEqual({ without: 403, wrong: 403, with: 200 });
  });

  it('should find a conversation typed with other hamza and ta marbuta forms', async () => {
    await beneficiaryWrites('app-3', { id: 'user-2', name: 'أحمد الشهري' }, 'أرغب في مساعدة سكنية للأسرة');
    await item('أحمد الشهري').waitFor();
    const search = page.getByRole('searchbox');
    await search.fill('مساعده سكنيه');
    await page.waitForURL(/q=/);
    await item('أحمد الشهري').waitFor();
    await item('سارة القحطاني').waitFor({ state: 'detached' });
    await search.fill('احمد');
    await page.waitForURL(/q=%D8%A7%D8%AD%D9%85%D8%AF/);
    await item('أحمد الشهري').waitFor();
    expect(await page.locator('.conversation-item').count()).toBe(1);
    await search.fill('');
    await page.waitForURL((url) => !url.search.includes('q='));
    await item('سارة القحطاني').waitFor();
  });

  it('should show a stored-XSS attempt in a name and a message as plain text', async () => {
    await beneficiaryWrites('app-4', { id: 'user-3', name: XSS_NAME }, XSS_TEXT);
    await item(XSS_NAME).waitFor();
    await item(XSS_NAME).click();
    await page.locator('.message-inbound', { hasText: XSS_TEXT }).waitFor();
    expect(await page.locator('.conversation-name').innerText()).toBe(XSS_NAME);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __waslXss?: number }).__waslXss)).toBeUndefined();

    // A draft stays with its conversation while the officer looks at another one.
    await page.locator('.composer textarea').fill('مسودة لم تُرسل بعد');
    await item('سارة القحطاني').click();
    await page.locator('.message-inbound', { hasText: 'شكراً جزيلاً' }).waitFor();
    expect(await page.locator('.composer textarea').inputValue()).toBe('');
    await item(XSS_NAME).click();
    await page.locator('.message-inbound', { hasText: XSS_TEXT }).waitFor();
    expect(await page.locator('.composer textarea').inputValue()).toBe('مسودة لم تُرسل بعد');
    await page.locator('.composer textarea').fill('');
    await page.locator('.composer textarea').press('Escape');
  });

  it('should work without the mouse: j and k move through the list, n writes a note, ? shows the shortcuts', async () => {
    const name = page.locator('.conversation-name');
    await page.keyboard.press('j');
    await name.getByText('أحمد الشهري').waitFor();
    await page.keyboard.press('k');
    await name.getByText(XSS_NAME).waitFor();
    await page.keyboard.press('j');
    await name.getByText('أحمد الشهري').waitFor();

    await page.keyboard.press('n');
    const composer = page.locator('.composer-note textarea');
    await composer.waitFor();
    expect(await composer.evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type('اتصلت بالمستفيد وطلبت صورة عقد الإيجار');
    await page.keyboard.press('Control+Enter');
    await page.locator('.message-note', { hasText: 'اتصلت بالمستفيد وطلبت صورة عقد الإيجار' }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' }).waitFor();
    // The dialog fades in; the screenshot is of the settled page.
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${ARTIFACTS}/web-shortcuts-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('should show a colleague in another browser, live, that a conversation was assigned and resolved', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar-SA', timezoneId: 'Asia/Riyadh' });
    try {
      const colleaguePage = await other.newPage();
      colleaguePage.setDefaultTimeout(8_000);
      await colleaguePage.goto(`${wasl.url}/`);
      await colleaguePage.getByLabel('البريد الإلكتروني').fill(colleague.email);
      await colleaguePage.getByLabel('كلمة المرور').fill(colleague.password);
      await colleaguePage.getByRole('button', { name: 'دخول' }).click();
      await colleaguePage.locator('.conversation-item', { hasText: 'أحمد الشهري' }).click();
      await colleaguePage.getByRole('button', { name: 'إسنادها إليّ' }).waitFor();

      await item('أحمد الشهري').click();
      await page.getByRole('button', { name: 'إسنادها إليّ' }).click();
      // The staff directory names the colleague.
      await colleaguePage.getByText(`مُسندة إلى ${officer.name}`).waitFor();
      await page.getByRole('button', { name: 'تمّ الحلّ' }).click();
      await colleaguePage.locator('.conversation-header .status-badge', { hasText: 'تمّ حلّها' }).waitFor();
      await colleaguePage.locator('.timeline-event[data-event-type="status_changed"]', { hasText: 'تمّ حلّها' }).waitFor();
      // The colleague's list shows open conversations, so the resolved one leaves it without a reload.
      await colleaguePage.locator('.conversation-item', { hasText: 'أحمد الشهري' }).waitFor({ state: 'detached' });
    } finally {
      await other.close();
    }
  });

  it('should give the supervisor a live overview of open work by channel, team and officer', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ar-SA', timezoneId: 'Asia/Riyadh' });
    try {
      const overview = await other.newPage();
      overview.setDefaultTimeout(8_000);
      await overview.goto(`${wasl.url}/`);
      await overview.getByLabel('البريد الإلكتروني').fill(supervisor.email);
      await overview.getByLabel('كلمة المرور').fill(supervisor.password);
      await overview.getByRole('button', { name: 'دخول' }).click();
      await overview.getByRole('link', { name: 'نظرة عامة' }).click();
      expect(new URL(overview.url()).pathname).toBe('/supervisor');
      const total = (key: string) => overview.locator(`[data-total="${key}"] .overview-total-value`);
      // Sara's (assigned to the officer) and the XSS attempt's (unassigned) are open; Ahmed's was resolved.
      await total('open').getByText('٢', { exact: true }).waitFor();
      await total('unassigned').getByText('١', { exact: true }).waitFor();
      await overview.locator('tr', { hasText: officer.name }).waitFor();
      expect(await overview.locator('.overview-waiting li').count()).toBe(2);

      // A new beneficiary writes: the overview counts it without a reload.
      await beneficiaryWrites('app-5', { id: 'user-4', name: 'نوف العنزي' }, 'هل يمكنني التطوع في الجمعية؟');
      await total('open').getByText('٣', { exact: true }).waitFor();
      await total('unassigned').getByText('٢', { exact: true }).waitFor();
      await overview.screenshot({ path: `${ARTIFACTS}/web-overview-ar.png` });
      expect(await accessibilityProblems(overview)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('should switch to English, left to right, remember it, and show one pane at a time on a phone', async () => {
    await item('سارة القحطاني').click();
    await page.locator('.message-note').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-inbox-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Assigned to you').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByText('Assigned to you').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-inbox-en.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByText('مُسندة إليك').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'رجوع إلى صندوق الوارد' }).waitFor();
    expect(await page.locator('.conversation-list').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/web-phone-conversation-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'رجوع إلى صندوق الوارد' }).click();
    await item('سارة القحطاني').waitFor();
    expect(await page.locator('.conversation-pane').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/web-phone-inbox-ar.png` });

    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await page.getByRole('button', { name: 'دخول' }).waitFor();
    expect((await context.cookies()).filter((cookie) => cookie.name.startsWith('wasl_'))).toEqual([]);
    await page.reload();
    await page.getByRole('button', { name: 'دخول' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
