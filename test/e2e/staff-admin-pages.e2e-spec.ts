import { UserRole } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { accessibilityProblems, CHROMIUM_ARGUMENTS, collectPageErrors } from '../support/chromium-page';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { ensureWebAppBuilt } from '../support/web-app-build';

const ARTIFACTS = 'test-artifacts';
// Reduced motion: dialogs open without their fade (the theme respects it), so nothing waits on a transition.
const CONTEXT_OPTIONS = {
  viewport: { width: 1280, height: 900 },
  locale: 'ar-SA',
  timezoneId: 'Asia/Riyadh',
  reducedMotion: 'reduce' as const,
};

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
    // Two wrong passwords slow an account down; a reply fails for good after two attempts.
    wasl = await WaslTestApp.startOnPublicUrl({ LOGIN_MAX_FAILURES: '2', OUTBOUND_ATTEMPTS: '2' });
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
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-form-ar.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    // The server refuses the unknown zone; its answer, in the interface's words, appears under that input and nothing
    // is created.
    await form.getByRole('button', { name: 'إنشاء الصندوق' }).click();
    await form
      .locator('[data-server-message="must be an IANA time zone such as Asia/Riyadh"]', { hasText: 'ليست منطقة زمنية معروفة' })
      .waitFor();
    expect(await timeZone.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(timeZone)).toContain('ليست منطقة زمنية معروفة');
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
      expect(await supervisorPage.getByRole('tab').allInnerTexts()).toEqual(['المستخدمون', 'سجل التدقيق']);
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
  const webChatName = 'المحادثة المباشرة في موقع الجمعية';
  const inboxRow = (name: string) => page.locator(`tr[data-inbox-name="${name}"]`);
  type InboxBody = { id: string; name: string; active: boolean; settings: Record<string, unknown> };
  const inboxNamed = async (name: string) =>
    (await wasl.request<InboxBody[]>('GET', '/api/v1/inboxes', { token: organisation.adminToken })).body.find(
      (inbox) => inbox.name === name,
    )!;

  async function openInboxMenu(name: string, item: string) {
    await inboxRow(name)
      .getByRole('button', { name: `إجراءات أخرى لـ«${name}»` })
      .click();
    await page.getByRole('menuitem', { name: item }).click();
  }

  // A Taqnyat inbound SMS as the gateway forwards it, to the URL an administrator pasted.
  function taqnyatDelivery(inboxId: string, token: string) {
    return fetch(`${wasl.url}/webhooks/taqnyat/${inboxId}/sms?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        messageId: String(5_460_000_000 + Math.floor(Math.random() * 1e9)),
        from: '966551234567',
        to: '966110000000',
        body: 'السلام عليكم',
        receivedAt: new Date().toISOString(),
      }),
    });
  }

  it('should edit an inbox’s settings, with the server’s refusal on its field, and keep its sealed credentials', async () => {
    await page.getByRole('tab', { name: 'صناديق الوارد' }).click();
    await inboxRow(webChatName).getByRole('button', { name: 'تعديل', exact: true }).click();
    const form = page.getByRole('dialog', { name: `تعديل صندوق الوارد «${webChatName}»` });
    expect(await form.getByRole('combobox', { name: 'القناة' }).isDisabled()).toBe(true);
    const greeting = form.getByLabel('رسالة الترحيب');
    expect(await greeting.inputValue()).toBe('أهلاً بك في جمعية البر، كيف نخدمك؟');
    await greeting.fill('مرحباً بكم في جمعية البر');
    const timeZone = form.getByLabel('المنطقة الزمنية');
    await timeZone.fill('Asia/Nowhere');
    await form.getByRole('button', { name: 'حفظ التغييرات' }).click();
    await form.locator('[data-server-message="must be an IANA time zone such as Asia/Riyadh"]').waitFor();
    expect(await describedText(timeZone)).toContain('ليست منطقة زمنية معروفة');
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-edit-ar.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((await inboxNamed(webChatName)).settings.greeting).toBe('أهلاً بك في جمعية البر، كيف نخدمك؟');

    await timeZone.fill('Asia/Riyadh');
    await form.getByRole('button', { name: 'حفظ التغييرات' }).click();
    await form.waitFor({ state: 'detached' });
    expect((await inboxNamed(webChatName)).settings).toMatchObject({
      greeting: 'مرحباً بكم في جمعية البر',
      allowedOrigins: ['https://albir.org.sa'],
      workingHours: { timeZone: 'Asia/Riyadh' },
    });

    // A credential left blank is kept: the form never shows it.
    const sms = await inboxNamed('رسائل الجوال');
    const sealedBefore = (await wasl.app.get(InboxesService).findWithSecrets(sms.id))!.secrets;
    await inboxRow('رسائل الجوال').getByRole('button', { name: 'تعديل', exact: true }).click();
    const smsForm = page.getByRole('dialog', { name: 'تعديل صندوق الوارد «رسائل الجوال»' });
    const token = smsForm.getByLabel('رمز الواجهة (API token)');
    expect(await token.inputValue()).toBe('');
    expect(await describedText(token)).toContain('اتركها فارغة للإبقاء عليها');
    await smsForm.getByLabel('اسم المرسل').fill('AlBirSa');
    await smsForm.getByRole('button', { name: 'حفظ التغييرات' }).click();
    await smsForm.waitFor({ state: 'detached' });
    expect((await inboxNamed('رسائل الجوال')).settings.sender).toBe('AlBirSa');
    expect((await wasl.app.get(InboxesService).findWithSecrets(sms.id))!.secrets).toEqual(sealedBefore);
  });

  it('should keep the embed snippet and webhook URLs on the inbox page, and rotate a secret shown once', async () => {
    const webChat = await inboxNamed(webChatName);
    await openInboxMenu(webChatName, 'الربط والتضمين');
    const connection = page.getByRole('dialog', { name: `ربط «${webChatName}»` });
    expect(await connection.getByTestId('embed-snippet').innerText()).toBe(
      `<script src="${wasl.url}/widget.js" data-inbox="${webChat.id}"></script>`,
    );
    await connection.getByRole('button', { name: 'إغلاق' }).first().click();
    await connection.waitFor({ state: 'detached' });

    const sms = await inboxNamed('رسائل الجوال');
    await openInboxMenu('رسائل الجوال', 'الربط والتضمين');
    const smsConnection = page.getByRole('dialog', { name: 'ربط «رسائل الجوال»' });
    await smsConnection.getByText(`${wasl.url}/webhooks/taqnyat/${sms.id}/sms?token=<secret>`).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-connection-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await smsConnection.getByRole('button', { name: 'إغلاق' }).first().click();
    await smsConnection.waitFor({ state: 'detached' });

    const oldSecret = (await wasl.app.get(InboxesService).findWithSecrets(sms.id))!.secrets.signingSecret;
    expect((await taqnyatDelivery(sms.id, oldSecret)).status).toBe(200);
    await openInboxMenu('رسائل الجوال', 'تجديد المفتاح السري');
    const confirm = page.getByRole('dialog', { name: 'تجديد المفتاح السري لـ«رسائل الجوال»؟' });
    await confirm.getByText(/الصق الروابط الجديدة في لوحة تقنيات \(Taqnyat\)/).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'تجديد المفتاح السري' }).click();
    const rotated = page.getByRole('dialog', { name: 'المفتاح السري الجديد لـ«رسائل الجوال»' });
    const secret = await rotated.getByTestId('inbox-secret').innerText();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(secret).not.toBe(oldSecret);
    await rotated.getByText(`${wasl.url}/webhooks/taqnyat/${sms.id}/sms?token=${secret}`).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-rotated-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    // The URL pasted before no longer works; the new one does.
    expect((await taqnyatDelivery(sms.id, oldSecret)).status).toBe(403);
    expect((await taqnyatDelivery(sms.id, secret)).status).toBe(200);
    await rotated.getByRole('button', { name: 'إغلاق' }).first().click();
    await rotated.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
  });

  it('should refuse to delete an inbox with conversations, offering to disable it, and delete an empty one', async () => {
    const used = await wasl.createApiInbox(organisation.adminToken);
    const messageId = `m-${randomUUID()}`;
    expect((await wasl.postSigned(used, { messageId, from: { id: 'user-5' }, text: 'طلب مساعدة' })).status).toBe(202);
    await wasl.conversationOfMessage(messageId);
    const empty = await wasl.createApiInbox(organisation.adminToken);
    const names = (await wasl.request<InboxBody[]>('GET', '/api/v1/inboxes', { token: organisation.adminToken })).body;
    const usedName = names.find((inbox) => inbox.id === used.id)!.name;
    const emptyName = names.find((inbox) => inbox.id === empty.id)!.name;
    await page.reload();
    await inboxRow(usedName).waitFor();

    await openInboxMenu(usedName, 'حذف الصندوق');
    const refused = page.getByRole('dialog', { name: `لا يمكن حذف «${usedName}»` });
    await refused.getByText(/عددها ١\)/).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-cannot-delete-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await refused.getByRole('button', { name: 'تعطيله بدلاً من ذلك' }).click();
    await refused.waitFor({ state: 'detached' });
    await inboxRow(usedName).getByText('معطّل').waitFor();
    expect((await wasl.request<InboxBody>('GET', `/api/v1/inboxes/${used.id}`, { token: organisation.adminToken })).body.active).toBe(
      false,
    );

    await openInboxMenu(emptyName, 'حذف الصندوق');
    const confirm = page.getByRole('dialog', { name: `حذف صندوق الوارد «${emptyName}» نهائياً؟` });
    await confirm.getByRole('button', { name: 'حذف الصندوق' }).click();
    await inboxRow(emptyName).waitFor({ state: 'detached' });
    expect((await wasl.request('GET', `/api/v1/inboxes/${empty.id}`, { token: organisation.adminToken })).status).toBe(404);
  });

  it('should show a slowed account in the users list and unlock it after a confirmation', async () => {
    const slowed = { email: `salma-${randomUUID().slice(0, 8)}@example.org`, password: 'salma-long-password', name: 'سلمى القحطاني' };
    expect(
      (await wasl.request('POST', '/api/v1/users', { token: organisation.adminToken, body: { ...slowed, role: UserRole.Officer } })).status,
    ).toBe(201);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await wasl.request('POST', '/api/v1/auth/login', { body: { email: slowed.email, password: 'not-the-password' } });
    }
    expect((await wasl.request('POST', '/api/v1/auth/login', { body: { email: slowed.email, password: slowed.password } })).status).toBe(
      429,
    );

    await page.getByRole('tab', { name: 'المستخدمون' }).click();
    const row = page.locator(`tr[data-user-email="${slowed.email}"]`);
    await row.getByText('الدخول مقيّد مؤقتاً').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-users-throttled-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await row.getByRole('button', { name: 'رفع تقييد الدخول' }).click();
    const confirm = page.getByRole('dialog', { name: `رفع تقييد الدخول عن «${slowed.name}»؟` });
    await confirm.getByRole('button', { name: 'رفع تقييد الدخول' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText('الدخول مقيّد مؤقتاً').waitFor({ state: 'detached' });
    expect(await wasl.login(slowed.email, slowed.password)).toEqual(expect.any(String));
  });

  it('should keep a staff member’s page when their role changes, with the new role and a new live connection', async () => {
    const mahaContext = await browser.newContext(CONTEXT_OPTIONS);
    try {
      const mahaPage = await mahaContext.newPage();
      mahaPage.setDefaultTimeout(8_000);
      collectPageErrors(mahaPage, pageErrors);
      await logIn(mahaPage, { email: supervisorEmail, password: 'a-brand-new-password' });
      expect(await mahaPage.getByRole('link', { name: 'نظرة عامة' }).count()).toBe(0);
      const users = await wasl.request<Array<{ id: string; email: string }>>('GET', '/api/v1/users', { token: organisation.adminToken });
      const mahaId = users.body.find((user) => user.email === supervisorEmail)!.id;
      const promote = (role: UserRole) =>
        wasl.request('PATCH', `/api/v1/users/${mahaId}`, { token: organisation.adminToken, body: { role } });
      expect((await promote(UserRole.Supervisor)).status).toBe(200);
      // The server closes her socket; the page asks who she is now and connects again, without a login.
      await mahaPage.getByRole('link', { name: 'نظرة عامة' }).waitFor();
      await mahaPage.getByTestId('live-status').getByText('متصل', { exact: true }).waitFor();
      expect((await promote(UserRole.Officer)).status).toBe(200);
      await mahaPage.getByRole('link', { name: 'نظرة عامة' }).waitFor({ state: 'detached' });
    } finally {
      await mahaContext.close();
    }
  });

  it('should let a staff member change their own password, then log in again with it', async () => {
    const maha = { email: supervisorEmail, password: 'a-brand-new-password' };
    const mahaContext = await browser.newContext(CONTEXT_OPTIONS);
    try {
      const mahaPage = await mahaContext.newPage();
      mahaPage.setDefaultTimeout(8_000);
      collectPageErrors(mahaPage, pageErrors);
      await logIn(mahaPage, maha);
      await mahaPage.getByRole('button', { name: 'تغيير كلمة المرور' }).click();
      const dialog = mahaPage.getByRole('dialog', { name: 'تغيير كلمة المرور' });
      const current = dialog.getByLabel('كلمة المرور الحالية');
      await current.fill('not-my-password');
      await dialog.getByLabel('كلمة المرور الجديدة').fill('maha-second-password');
      await dialog.getByRole('button', { name: 'تغيير كلمة المرور' }).click();
      await dialog.getByText('ليست كلمة مرورك الحالية.').waitFor();
      expect(await describedText(current)).toContain('ليست كلمة مرورك الحالية.');
      await mahaPage.screenshot({ path: `${ARTIFACTS}/web-account-password-ar.png` });
      expect(await accessibilityProblems(mahaPage)).toEqual([]);

      await current.fill(maha.password);
      await dialog.getByRole('button', { name: 'تغيير كلمة المرور' }).click();
      await mahaPage.getByText('تغيّرت كلمة المرور وانتهت كل جلساتك. ادخل بكلمة المرور الجديدة.').waitFor();
      await logIn(mahaPage, { email: maha.email, password: 'maha-second-password' });
      expect((await wasl.request('POST', '/api/v1/auth/login', { body: maha })).status).toBe(401);
    } finally {
      await mahaContext.close();
    }
  });

  it('should rename a team, change its members and delete another', async () => {
    await page.getByRole('tab', { name: 'الفرق والمكاتب الفرعية' }).click();
    const row = page.locator('tr[data-team-name="مكتب الخرج"]');
    await row.getByRole('button', { name: 'تعديل', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'تعديل «مكتب الخرج»' });
    await edit.getByLabel('اسم الفريق أو المكتب').fill('مكتب الخرج الرئيسي');
    await edit.getByRole('button', { name: 'حفظ' }).click();
    await edit.waitFor({ state: 'detached' });
    const renamed = page.locator('tr[data-team-name="مكتب الخرج الرئيسي"]');
    await renamed.waitFor();

    await renamed.getByRole('button', { name: 'تعديل الأعضاء' }).click();
    const members = page.getByRole('dialog', { name: 'أعضاء «مكتب الخرج الرئيسي»' });
    await members.getByLabel('الأعضاء').click();
    await page.getByRole('option', { name: 'مها الزهراني' }).click();
    await page.keyboard.press('Escape');
    expect(await accessibilityProblems(page)).toEqual([]);
    await members.getByRole('button', { name: 'حفظ' }).click();
    await members.waitFor({ state: 'detached' });
    await renamed.getByText('مها الزهراني').waitFor();
    const teams = await wasl.request<Array<{ name: string; memberIds: string[] }>>('GET', '/api/v1/teams', {
      token: organisation.adminToken,
    });
    expect(teams.body.find((team) => team.name === 'مكتب الخرج الرئيسي')!.memberIds).toHaveLength(1);

    await page.getByLabel('اسم الفريق أو المكتب').fill('فريق مؤقت');
    await page.getByRole('button', { name: 'إنشاء الفريق' }).click();
    const temporary = page.locator('tr[data-team-name="فريق مؤقت"]');
    await temporary.getByRole('button', { name: 'حذف' }).click();
    const confirm = page.getByRole('dialog', { name: 'حذف «فريق مؤقت»؟' });
    await confirm.getByText(/لا يُحذف فريق أُسندت إليه محادثات مفتوحة/).waitFor();
    await confirm.getByRole('button', { name: 'حذف' }).click();
    await temporary.waitFor({ state: 'detached' });
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-teams-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('should set the organisation’s name, time zone and digits in «المنظمة», and show every number with them', async () => {
    await page.getByRole('tab', { name: 'المنظمة' }).click();
    expect(new URL(page.url()).pathname).toBe('/admin/organisation');
    const form = page.getByTestId('organisation-form');
    expect(await form.getByLabel('اسم الجمعية').inputValue()).toBe('جمعية البر الخيرية');
    const zone = form.getByRole('combobox', { name: 'المنطقة الزمنية' });
    expect(await zone.inputValue()).toBe('Asia/Riyadh');
    await zone.click();
    await zone.fill('Dubai');
    await page.getByRole('option', { name: 'Asia/Dubai' }).click();
    await form.getByRole('radio', { name: /الأرقام اللاتينية/ }).check();
    await form.getByRole('button', { name: 'حفظ' }).click();
    await form.getByText('حُفظت إعدادات المنظمة.').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-organisation-ar.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(
      (await wasl.request<{ timeZone: string; digitStyle: string }>('GET', '/api/v1/organisation', { token: organisation.adminToken }))
        .body,
    ).toMatchObject({
      timeZone: 'Asia/Dubai',
      digitStyle: 'latin',
    });

    // Every page follows at once: the member count is written in Latin digits now, and back in Arabic-Indic after.
    await page.getByRole('tab', { name: 'الفرق والمكاتب الفرعية' }).click();
    const memberCount = page.locator('tr[data-team-name="مكتب الخرج الرئيسي"] td').nth(2);
    expect(await memberCount.innerText()).toMatch(/^1 /);
    await page.getByRole('tab', { name: 'المنظمة' }).click();
    await form.getByRole('radio', { name: /الأرقام العربية المشرقية/ }).check();
    await zone.click();
    await zone.fill('Riyadh');
    await page.getByRole('option', { name: 'Asia/Riyadh' }).click();
    await form.getByRole('button', { name: 'حفظ' }).click();
    await form.getByText('حُفظت إعدادات المنظمة.').waitFor();
    await page.getByRole('tab', { name: 'الفرق والمكاتب الفرعية' }).click();
    expect(await memberCount.innerText()).toMatch(/^١ /);
  });

  it('should list a failed reply in «المهام المتعثرة», retry it and discard it after a confirmation', async () => {
    // Replies to this inbox go to a closed port: two attempts, then a failed job.
    const inbox = await wasl.createApiInbox(organisation.adminToken, 'http://127.0.0.1:9/closed');
    const messageId = `m-${randomUUID()}`;
    expect((await wasl.postSigned(inbox, { messageId, from: { id: 'user-77' }, text: 'متى موعدي؟' })).status).toBe(202);
    const conversationId = await wasl.conversationOfMessage(messageId);
    const reply = await wasl.request('POST', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
      body: { text: 'موعدك يوم الأحد' },
    });
    expect(reply.status).toBe(201);
    type FailedJobs = { items: Array<{ jobId: string; name: string }> };
    const failed = () => wasl.request<FailedJobs>('GET', '/api/v1/admin/failed-jobs', { token: organisation.adminToken });
    const [job] = await eventually(async () => (await failed()).body.items.length > 0 && (await failed()).body.items, 'the reply to fail');

    await page.getByRole('tab', { name: 'المهام المتعثرة' }).click();
    const row = page.locator(`tr[data-job-id="${job.jobId}"]`);
    await row.getByText('إرسال ردّ').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-failed-jobs-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await row.getByRole('button', { name: 'إعادة المحاولة' }).click();
    await page.getByText('أُعيدت المهمة إلى الطابور.').waitFor();
    // It fails again (the port is still closed) and comes back to the list.
    await eventually(async () => (await failed()).body.items.some((item) => item.jobId === job.jobId), 'the retried reply to fail again');

    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
    await page.locator(`tr[data-job-id="${job.jobId}"]`).getByText('Send a reply').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-failed-jobs-en.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'العربية' }).click();

    await row.getByRole('button', { name: 'تجاهل' }).click();
    const confirm = page.getByRole('dialog', { name: 'تجاهل هذه المهمة؟' });
    await confirm.getByRole('button', { name: 'تجاهل' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await failed()).body.items).toEqual([]);
  });

  it('should filter the audit log and export what it shows as CSV', async () => {
    await page.getByRole('tab', { name: 'سجل التدقيق' }).click();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    const filters = page.getByTestId('audit-filters');
    await filters.getByRole('combobox', { name: 'الإجراء' }).click();
    await page.getByRole('option', { name: 'تجديد المفتاح السري لصندوق وارد' }).click();
    await eventually(async () => {
      const actions = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
      return actions.length === 1 && actions[0] === 'inbox.secret_rotated';
    }, 'the list to show only secret rotations');
    await table.getByText('ريم الحربي').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-audit-log-ar.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    const href = await page.getByTestId('audit-export').getAttribute('href');
    expect(href).toContain('action=inbox.secret_rotated');
    expect(href).toContain('format=csv');
    // The browser's own cookie fetches it, as a click on the link does.
    const csv = await page.request.get(`${wasl.url}${href}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.trim().split('\n')).toHaveLength(2);
    expect(text).toContain('inbox.secret_rotated');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Audit log' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-audit-log-en.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('should show the organisation, users, teams and inbox edit pages in English, left to right', async () => {
    await page.getByRole('tab', { name: 'Organisation' }).click();
    await page.getByTestId('organisation-form').getByLabel('Association name').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-organisation-en.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByTestId('users-table').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-users-en.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Teams and branch offices' }).click();
    await page.getByTestId('teams-table').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-teams-en.png` });
    await page.getByRole('tab', { name: 'Inboxes' }).click();
    await inboxRow('رسائل الجوال').getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'Edit the inbox “رسائل الجوال”' });
    await form.getByText('Leave it blank to keep it').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-edit-en.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Change password' }).click();
    const password = page.getByRole('dialog', { name: 'Change your password' });
    await password.getByLabel('Current password').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-account-password-en.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await password.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('tab', { name: 'صناديق الوارد' }).waitFor();
  });

  it('should end the session on the server at logout: a copy of its cookie no longer works', async () => {
    const cookies = await context.cookies();
    const cookie = cookies.map((entry) => `${entry.name}=${entry.value}`).join('; ');
    expect((await wasl.request('GET', '/api/v1/auth/me', { headers: { cookie } })).status).toBe(200);
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await page.getByRole('button', { name: 'دخول' }).waitFor();
    expect((await wasl.request('GET', '/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
    expect(pageErrors).toEqual([]);
  });
});
