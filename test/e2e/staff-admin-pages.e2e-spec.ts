import { UserRole } from '@app/identity';
import { mkdir } from 'node:fs/promises';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { accessibilityProblems, CHROMIUM_ARGUMENTS, collectPageErrors } from '../support/chromium-page';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { ensureWebAppBuilt } from '../support/web-app-build';

const ARTIFACTS = 'test-artifacts';
const CONTEXT_OPTIONS = { viewport: { width: 1280, height: 900 }, locale: 'ar-SA', timezoneId: 'Asia/Riyadh' };

describe('Administrator pages in headless Chromium (inboxes, users, teams)', () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  // Every suite shares one database, and an e-mail that is staff of two organisations must name one at login: the
  // staff-web-app suite has its own Maha, so this one's address is unique to the run.
  const supervisorEmail = `maha-${Date.now().toString(36)}@example.org`;
  const administrator = { email: 'reem@example.org', password: 'an-administrator-password', name: 'ريم الحربي' };
  const newOfficer = { email: 'faisal@example.org', password: 'a-new-officer-password', name: 'فيصل المطيري' };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let officerContext: BrowserContext;
  let officerPage: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureWebAppBuilt();
    wasl = await WaslTestApp.start();
    organisation = await wasl.createOrganisation('جمعية البر الخيرية');
    const created = await wasl.request('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...administrator, role: UserRole.Admin },
    });
    expect(created.status).toBe(201);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGUMENTS });
    context = await browser.newContext(CONTEXT_OPTIONS);
    page = await context.newPage();
    page.setDefaultTimeout(8_000);
    collectPageErrors(page, pageErrors);
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await wasl?.close();
  });

  async function logIn(target: Page, user: { email: string; password: string }) {
    await target.goto(`${wasl.url}/`);
    await target.getByLabel('البريد الإلكتروني').fill(user.email);
    await target.getByLabel('كلمة المرور').fill(user.password);
    await target.getByRole('button', { name: 'دخول' }).click();
    await target.getByTestId('live-status').waitFor();
  }

  // The texts an input points at through aria-describedby (its error, its hint).
  async function describedText(input: Locator): Promise<string> {
    return input.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  }

  // Modals fade in; screenshots and axe look at the settled page.
  async function settle() {
    await page.waitForTimeout(400);
  }

  it('should let an administrator create a web chat inbox, with the API’s error on its field, then show the embed snippet and the secret once', async () => {
    await logIn(page, administrator);
    await page.getByRole('link', { name: 'الإدارة' }).click();
    expect(new URL(page.url()).pathname).toBe('/admin/inboxes');
    await page.getByText('لا توجد صناديق وارد بعد.').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'صندوق وارد جديد' }).click();
    const form = page.getByRole('dialog', { name: 'إنشاء صندوق وارد' });
    await form.waitFor();
    await form.getByLabel('اسم صندوق الوارد').fill('المحادثة المباشرة في موقع الجمعية');
    await form.getByLabel('المواقع المسموح لها بتضمين المحادثة (موقع في كل سطر)').fill('https://albir.org.sa');
    await form.getByLabel('رسالة الترحيب').fill('أهلاً بك في جمعية البر، كيف نخدمك؟');
    await form.getByRole('switch', { name: 'تحديد أوقات العمل' }).check();
    const timeZone = form.getByLabel('المنطقة الزمنية');
    await timeZone.fill('Asia/Nowhere');
    await settle();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-form-ar.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    // The server refuses the unknown zone; its words appear under that input and nothing is created.
    await form.getByRole('button', { name: 'إنشاء الصندوق' }).click();
    await form.getByText('must be an IANA time zone such as Asia/Riyadh').waitFor();
    expect(await timeZone.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(timeZone)).toContain('must be an IANA time zone');
    expect(await form.getByLabel('اسم صندوق الوارد').getAttribute('aria-invalid')).not.toBe('true');
    expect((await wasl.request<unknown[]>('GET', '/api/v1/inboxes', { token: organisation.adminToken })).body).toEqual([]);

    await timeZone.fill('Asia/Riyadh');
    await form.getByRole('button', { name: 'إنشاء الصندوق' }).click();
    const created = page.getByRole('dialog', { name: 'أُنشئ صندوق الوارد «المحادثة المباشرة في موقع الجمعية»' });
    await created.waitFor();
    const inboxes = await wasl.request<Array<{ id: string; channel: string; settings: Record<string, unknown> }>>(
      'GET',
      '/api/v1/inboxes',
      {
        token: organisation.adminToken,
      },
    );
    expect(inboxes.body).toHaveLength(1);
    const inbox = inboxes.body[0];
    expect(inbox).toMatchObject({
      channel: 'webchat',
      settings: { allowedOrigins: ['https://albir.org.sa'], workingHours: { timeZone: 'Asia/Riyadh', days: [0, 1, 2, 3, 4] } },
    });
    expect(await created.getByTestId('embed-snippet').innerText()).toBe(
      `<script src="${wasl.url}/widget.js" data-inbox="${inbox.id}"></script>`,
    );
    const secret = await created.getByTestId('inbox-secret').innerText();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await created.getByRole('button', { name: 'نسخ: المفتاح السري' }).waitFor();
    await settle();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-created-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);

    // Once closed, the secret is nowhere: not on the page, not in the list the API answers.
    await created.getByRole('button').first().click();
    await created.waitFor({ state: 'detached' });
    await page.locator('tr[data-inbox-name="المحادثة المباشرة في موقع الجمعية"]').waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(JSON.stringify(inboxes.body)).not.toContain(secret);
  });

  it('should disable an inbox only after a confirmation that says what happens to its conversations', async () => {
    const row = page.locator('tr[data-inbox-name="المحادثة المباشرة في موقع الجمعية"]');
    await row.getByRole('button', { name: 'تعطيل' }).click();
    const confirm = page.getByRole('dialog', { name: 'تعطيل صندوق الوارد «المحادثة المباشرة في موقع الجمعية»؟' });
    await confirm.getByText(/تبقى محادثاته السابقة/).waitFor();
    await confirm.getByRole('button', { name: 'تعطيل' }).click();
    await row.getByText('معطّل').waitFor();
    const inboxes = await wasl.request<Array<{ active: boolean }>>('GET', '/api/v1/inboxes', { token: organisation.adminToken });
    expect(inboxes.body[0].active).toBe(false);
    await row.getByRole('button', { name: 'تفعيل' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'تفعيل' }).click();
    await row.getByText('مفعّل').waitFor();
  });

  it('should create a Taqnyat SMS inbox, with the provider’s setting error on its field, and give the forwarding URL with its token', async () => {
    await page.getByRole('button', { name: 'صندوق وارد جديد' }).click();
    const form = page.getByRole('dialog', { name: 'إنشاء صندوق وارد' });
    await form.getByRole('combobox', { name: 'القناة' }).click();
    await page.getByRole('option', { name: 'الرسائل النصية' }).click();
    await form.getByRole('combobox', { name: 'المزوّد' }).click();
    await page.getByRole('option', { name: 'تقنيات (Taqnyat)' }).click();
    await form.getByLabel('اسم صندوق الوارد').fill('رسائل الجوال');
    await form.getByLabel('رمز الواجهة (API token)').fill('taqnyat-token');
    const sender = form.getByLabel('اسم المرسل');
    await sender.fill('جمعية البر');
    await form.getByRole('button', { name: 'إنشاء الصندوق' }).click();
    await form.getByText('must be an active sender name of at most 11 characters').waitFor();
    expect(await describedText(sender)).toContain('must be an active sender name');

    await sender.fill('AlBir');
    await form.getByRole('button', { name: 'إنشاء الصندوق' }).click();
    const created = page.getByRole('dialog', { name: 'أُنشئ صندوق الوارد «رسائل الجوال»' });
    const secret = await created.getByTestId('inbox-secret').innerText();
    const inboxes = await wasl.request<Array<{ id: string; name: string; provider: string }>>('GET', '/api/v1/inboxes', {
      token: organisation.adminToken,
    });
    const sms = inboxes.body.find((inbox) => inbox.name === 'رسائل الجوال')!;
    expect(sms.provider).toBe('taqnyat');
    await created.getByText(`${wasl.url}/webhooks/taqnyat/${sms.id}/sms?token=${secret}`).waitFor();
    expect(await created.getByTestId('embed-snippet').count()).toBe(0);
    await settle();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-created-sms-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await created.getByRole('button', { name: 'إغلاق' }).first().click();
    await created.waitFor({ state: 'detached' });
    await page.locator('tr[data-inbox-name="رسائل الجوال"]').getByText('تقنيات (Taqnyat)').waitFor();
  });

  it('should show the admin inbox form in English, left to right', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'New inbox' }).click();
    const form = page.getByRole('dialog', { name: 'Create an inbox' });
    await form.getByLabel('Inbox name').fill('Association website chat');
    await form.getByRole('switch', { name: 'Set working hours' }).check();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await settle();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-form-en.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('button', { name: 'صندوق وارد جديد' }).waitFor();
  });

  it('should show the server’s password policy on the password field, then create an officer who logs in elsewhere', async () => {
    await page.getByRole('tab', { name: 'المستخدمون' }).click();
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    await page.getByRole('button', { name: 'مستخدم جديد' }).click();
    const form = page.getByRole('dialog', { name: 'إضافة مستخدم' });
    await form.getByLabel('الاسم').fill(newOfficer.name);
    await form.getByLabel('البريد الإلكتروني').fill(newOfficer.email);
    const password = form.getByLabel('كلمة المرور');
    await password.fill('short');
    await form.getByRole('button', { name: 'إضافة المستخدم' }).click();
    // The API's own message for that field, under that field.
    const refused = await wasl.request<{ fields: Array<{ field: string; message: string }> }>('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...newOfficer, role: UserRole.Officer, password: 'short' },
    });
    expect(refused.status).toBe(400);
    const message = refused.body.fields.find((problem) => problem.field === 'password')!.message;
    expect(message).toBe('password must be at least 10 characters');
    // The server's answer, in the interface's words, as the password input's description for assistive technology.
    const shown = 'يجب ألا تقل عن ١٠ أحرف.';
    await form.locator(`[data-server-message="${message}"]`, { hasText: shown }).waitFor();
    expect(await describedText(password)).toContain(shown);
    expect(await describedText(form.getByLabel('الاسم'))).not.toContain(shown);
    await settle();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-user-form-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);

    await password.fill(newOfficer.password);
    await form.getByRole('button', { name: 'إضافة المستخدم' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.locator(`tr[data-user-email="${newOfficer.email}"]`);
    await row.getByText(newOfficer.name).waitFor();
    await row.getByText('مفعّل').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-users-ar.png` });

    officerContext = await browser.newContext(CONTEXT_OPTIONS);
    officerPage = await officerContext.newPage();
    officerPage.setDefaultTimeout(8_000);
    await logIn(officerPage, newOfficer);
    await officerPage.getByText(newOfficer.name).waitFor();
    // An officer has no administration link.
    expect(await officerPage.getByRole('link', { name: 'الإدارة' }).count()).toBe(0);
  });

  it('should let the administrator give the new officer access to the web chat inbox', async () => {
    await page.getByRole('tab', { name: 'صناديق الوارد' }).click();
    const row = page.locator('tr[data-inbox-name="المحادثة المباشرة في موقع الجمعية"]');
    await row.getByRole('button', { name: 'تعديل الوصول' }).click();
    const dialog = page.getByRole('dialog', { name: 'من يرى محادثات «المحادثة المباشرة في موقع الجمعية»' });
    await dialog.getByLabel('الموظفون').click();
    await page.getByRole('option', { name: newOfficer.name }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'حفظ' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText(newOfficer.name).waitFor();
    const inboxes = await wasl.request<Array<{ name: string; access: { userIds: string[]; teamIds: string[] } }>>(
      'GET',
      '/api/v1/inboxes',
      {
        token: organisation.adminToken,
      },
    );
    const users = await wasl.request<Array<{ id: string; email: string }>>('GET', '/api/v1/users', { token: organisation.adminToken });
    const officerId = users.body.find((user) => user.email === newOfficer.email)!.id;
    expect(inboxes.body.find((inbox) => inbox.name === 'المحادثة المباشرة في موقع الجمعية')!.access).toEqual({
      teamIds: [],
      userIds: [officerId],
    });
    await page.getByRole('tab', { name: 'المستخدمون' }).click();
  });

  it('should deactivate the officer after a confirmation about their sessions, and log them out on their next request', async () => {
    const row = page.locator(`tr[data-user-email="${newOfficer.email}"]`);
    await row.getByRole('button', { name: 'إيقاف الحساب' }).click();
    const confirm = page.getByRole('dialog', { name: `إيقاف حساب «${newOfficer.name}»؟` });
    await confirm.getByText(/تنتهي جلسات هذا المستخدم واتصالاته المفتوحة فوراً/).waitFor();
    await confirm.getByRole('button', { name: 'إيقاف الحساب' }).click();
    await row.getByText('معطّل').waitFor();

    await officerPage.reload();
    await officerPage.getByRole('button', { name: 'دخول' }).waitFor();
    // And cannot log back in.
    await officerPage.getByLabel('البريد الإلكتروني').fill(newOfficer.email);
    await officerPage.getByLabel('كلمة المرور').fill(newOfficer.password);
    await officerPage.getByRole('button', { name: 'دخول' }).click();
    await officerPage.getByRole('alert').waitFor();
    await officerContext.close();
  });

  it('should let a supervisor look at the users, and change nothing', async () => {
    const supervisor = { email: supervisorEmail, password: 'a-supervisor-password', name: 'مها الزهراني' };
    const created = await wasl.request('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...supervisor, role: UserRole.Supervisor },
    });
    expect(created.status).toBe(201);
    const supervisorContext = await browser.newContext(CONTEXT_OPTIONS);
    try {
      const supervisorPage = await supervisorContext.newPage();
      supervisorPage.setDefaultTimeout(8_000);
      await logIn(supervisorPage, supervisor);
      await supervisorPage.getByRole('link', { name: 'الإدارة' }).click();
      expect(new URL(supervisorPage.url()).pathname).toBe('/admin/users');
      await supervisorPage.locator(`tr[data-user-email="${newOfficer.email}"]`).waitFor();
      expect(await supervisorPage.getByRole('tab').count()).toBe(1);
      expect(await supervisorPage.getByRole('button', { name: 'مستخدم جديد' }).count()).toBe(0);
      expect(await supervisorPage.getByRole('button', { name: 'إيقاف الحساب' }).count()).toBe(0);
      expect(await accessibilityProblems(supervisorPage)).toEqual([]);
    } finally {
      await supervisorContext.close();
    }
  });

  it('should change a user’s role and reset their password, with the policy’s answer on the field', async () => {
    const row = page.locator(`tr[data-user-email="${supervisorEmail}"]`);
    await page.reload();
    await row.getByRole('combobox', { name: 'تغيير دور مها الزهراني' }).click();
    await page.getByRole('option', { name: 'موظف علاقات المستفيدين' }).click();
    await eventually(async () => {
      const users = await wasl.request<Array<{ email: string; role: string }>>('GET', '/api/v1/users', { token: organisation.adminToken });
      return users.body.find((user) => user.email === supervisorEmail && user.role === 'officer');
    }, 'the new role');

    await row.getByRole('button', { name: 'تعيين كلمة مرور' }).click();
    const dialog = page.getByRole('dialog', { name: 'كلمة مرور جديدة لـ«مها الزهراني»' });
    const password = dialog.getByLabel('كلمة المرور');
    await password.fill('aaaaaaaaaaaa');
    await dialog.getByRole('button', { name: 'حفظ' }).click();
    await dialog.getByText('يجب أن تضم أكثر من ثلاثة أحرف مختلفة.').waitFor();
    await password.fill('a-brand-new-password');
    await dialog.getByRole('button', { name: 'حفظ' }).click();
    await dialog.getByText('عُيّنت كلمة المرور الجديدة.').waitFor();
    expect(await wasl.login(supervisorEmail, 'a-brand-new-password')).toEqual(expect.any(String));
    await dialog.getByRole('button', { name: 'إغلاق' }).last().click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('should list and create teams and branch offices', async () => {
    await page.getByRole('tab', { name: 'الفرق والمكاتب الفرعية' }).click();
    await page.getByText('لا توجد فرق بعد.').waitFor();
    await page.getByLabel('اسم الفريق أو المكتب').fill('مكتب الخرج');
    await page.getByLabel('مكتب فرعي').check();
    await page.getByRole('button', { name: 'إنشاء الفريق' }).click();
    await page.locator('tr', { hasText: 'مكتب الخرج' }).getByText('مكتب فرعي').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    const teams = await wasl.request<Array<{ name: string; isBranch: boolean }>>('GET', '/api/v1/teams', {
      token: organisation.adminToken,
    });
    expect(teams.body).toEqual([expect.objectContaining({ name: 'مكتب الخرج', isBranch: true })]);
    expect(pageErrors).toEqual([]);
  });
});
