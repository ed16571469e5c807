import { UserRole } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { accessibilityProblems, CHROMIUM_ARGUMENTS, collectPageErrors } from '../support/chromium-page';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { ensureWebAppBuilt } from '../support/web-app-build';

const ARTIFACTS = 'test-artifacts';
const CONTEXT_OPTIONS = {
  viewport: { width: 1280, height: 900 },
  locale: 'ar-SA',
  timezoneId: 'Asia/Riyadh',
  reducedMotion: 'reduce' as const,
};

interface DefinitionBody {
  kind: string;
  provider: string | null;
  title: { ar: string; en: string };
  fields: Array<{ name: string; input: string; required: boolean; writeOnly: boolean; label: { ar: string; en: string } }>;
  webhooks: Array<{ purpose: string; urlPattern: string; needsToken: boolean }> | null;
  registersWebhook: boolean;
  session: boolean;
}

type InboxBody = { id: string; name: string; provider: string | null; settings: Record<string, unknown> };

// The inbox form has no per-provider code: Msegat SMS and Telegram are drawn from GET /api/v1/channel-definitions.
describe('The administrator’s inbox form drawn from the channel definitions, in headless Chromium', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  const administrator = {
    email: `nora-${Date.now().toString(36)}@example.org`,
    password: 'an-administrator-password',
    name: 'نورة القحطاني',
  };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const botToken = `${Math.floor(1e9 + Math.random() * 8e9)}:AAH${randomBytes(16).toString('hex')}`;

  beforeAll(async () => {
    ensureWebAppBuilt();
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl();
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
    await sandbox.stop();
  });

  const inboxNamed = async (name: string) =>
    (await wasl.request<InboxBody[]>('GET', '/api/v1/inboxes', { token: organisation.adminToken })).body.find(
      (inbox) => inbox.name === name,
    );
  const sealedSecretsOf = async (id: string) => (await wasl.app.get(InboxesService).findWithSecrets(id))!.secrets;

  async function describedText(input: Locator): Promise<string> {
    return input.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  }

  async function choose(form: Locator, combobox: string, option: string) {
    await form.getByRole('combobox', { name: combobox }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('should describe every channel with its form, webhook URL patterns from PUBLIC_URL and capabilities, to staff who manage inboxes only', async () => {
    const answer = await wasl.request<DefinitionBody[]>('GET', '/api/v1/channel-definitions', { token: organisation.adminToken });
    expect(answer.status).toBe(200);
    const of = (kind: string, provider: string | null) => answer.body.find((entry) => entry.kind === kind && entry.provider === provider)!;
    const msegat = of('sms', 'msegat');
    expect(msegat.title).toEqual({ ar: 'مسجات (Msegat)', en: 'Msegat' });
    expect(msegat.fields.map((field) => [field.name, field.input, field.required, field.writeOnly])).toEqual([
      ['userName', 'text', true, false],
      ['apiKey', 'secret', true, true],
      ['userSender', 'text', true, false],
      ['apiBaseUrl', 'url', false, false],
    ]);
    expect(msegat.webhooks).toBeNull();
    expect(of('sms', 'taqnyat').webhooks).toEqual([
      expect.objectContaining({ purpose: 'taqnyatSms', urlPattern: `${wasl.url}/webhooks/taqnyat/{inboxId}/sms`, needsToken: true }),
    ]);
    expect(of('telegram', null)).toMatchObject({ registersWebhook: true, session: false, webhooks: [] });
    expect(of('whatsapp', 'web')).toMatchObject({ session: true, fields: [expect.objectContaining({ name: 'messagesPerMinute' })] });

    const officer = await wasl.createUser(organisation.adminToken, UserRole.Officer);
    expect((await wasl.request('GET', '/api/v1/channel-definitions', { token: officer.token })).status).toBe(403);
  });

  it('should create a Msegat SMS inbox through the generic form, with the server’s 400 under the sender field first', async () => {
    await page.goto(`${wasl.url}/`);
    await page.getByLabel('البريد الإلكتروني').fill(administrator.email);
    await page.getByLabel('كلمة المرور').fill(administrator.password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByTestId('live-status').waitFor();
    await page.goto(`${wasl.url}/admin/inboxes`);
    await page.getByRole('button', { name: 'صندوق وارد جديد' }).click();
    const form = page.getByRole('dialog', { name: 'إنشاء صندوق وارد' });
    await choose(form, 'القناة', 'الرسائل النصية');
    await choose(form, 'المزوّد', 'مسجات (Msegat)');
    await form.getByLabel('اسم صندوق الوارد').fill('رسائل مسجات');
    await form.getByLabel('اسم المستخدم في مسجات').fill('albir');
    const apiKey = form.getByLabel('مفتاح الواجهة (API key)');
    await apiKey.fill('msegat-key-1');
    const sender = form.getByLabel('اسم المرسل');
    // Arabic letters: Msegat takes a registered Latin sender name only.
    await sender.fill('جمعية البر');
    await form.getByRole('button', { name: 'إنشاء الصندوق' }).click();
    await form.locator('[data-server-message="must be a registered sender name of at most 11 characters"]').waitFor();
    expect(await sender.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(sender)).toContain('must be a registered sender name');
    expect(await apiKey.getAttribute('aria-invalid')).not.toBe('true');
    expect(await inboxNamed('رسائل مسجات')).toBeUndefined();
    // Right to left: the page is, the credentials and addresses keep their own direction.
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await apiKey.getAttribute('dir')).toBe('auto');
    expect(await form.getByLabel('عنوان واجهة المزوّد (اختياري، للاختبار)').getAttribute('dir')).toBe('auto');
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-form-msegat-ar.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    await sender.fill('AlBir');
    await form.getByRole('button', { name: 'إنشاء الصندوق' }).click();
    const created = page.getByRole('dialog', { name: 'أُنشئ صندوق الوارد «رسائل مسجات»' });
    await created.getByTestId('inbox-secret').waitFor();
    const inbox = (await inboxNamed('رسائل مسجات'))!;
    expect(inbox).toMatchObject({
      provider: 'msegat',
      settings: { userName: 'albir', userSender: 'AlBir', apiBaseUrl: 'https://www.msegat.com/gw' },
    });
    expect(inbox.settings).not.toHaveProperty('apiKey');
    expect(await sealedSecretsOf(inbox.id)).toMatchObject({ apiKey: 'msegat-key-1' });
    // Msegat calls nothing back: no webhook URLs to paste.
    expect(await created.getByText('روابط الاستقبال التي تُلصق في لوحة المزوّد').count()).toBe(0);
    await created.getByRole('button', { name: 'إغلاق' }).first().click();
    await created.waitFor({ state: 'detached' });
    await page.locator('tr[data-inbox-name="رسائل مسجات"]').getByText('مسجات (Msegat)').waitFor();
  });

  it('should create a Telegram inbox through the same form, refusing a malformed bot token under its field, then register its webhook', async () => {
    await page.getByRole('button', { name: 'صندوق وارد جديد' }).click();
    const form = page.getByRole('dialog', { name: 'إنشاء صندوق وارد' });
    await choose(form, 'القناة', 'تيليجرام');
    // One definition for the kind: no provider to choose.
    expect(await form.getByRole('combobox', { name: 'المزوّد' }).count()).toBe(0);
    await form.getByLabel('اسم صندوق الوارد').fill('بوت الجمعية');
    const token = form.getByLabel('رمز البوت من BotFather');
    await token.fill('not-a-bot-token');
    await form.getByLabel('عنوان واجهة المزوّد (اختياري، للاختبار)').fill(sandbox.url);
    await form.getByRole('button', { name: 'إنشاء الصندوق' }).click();
    await form.locator('[data-server-message="must be the bot token BotFather gave (digits:letters)"]').waitFor();
    expect(await describedText(token)).toContain('must be the bot token BotFather gave');
    expect(await inboxNamed('بوت الجمعية')).toBeUndefined();

    await token.fill(botToken);
    await form.getByRole('button', { name: 'إنشاء الصندوق' }).click();
    const created = page.getByRole('dialog', { name: 'أُنشئ صندوق الوارد «بوت الجمعية»' });
    const secret = await created.getByTestId('inbox-secret').innerText();
    const inbox = (await inboxNamed('بوت الجمعية'))!;
    expect(inbox.settings).toEqual({ apiBaseUrl: sandbox.url });
    // The form's inbox works: Wasl registered its webhook with the bot, in a job.
    const webhook = await eventually(async () => sandbox.telegram.webhooks.get(botToken), 'setWebhook to be called');
    expect(webhook).toMatchObject({ url: `${wasl.url}/webhooks/telegram/${inbox.id}`, secretToken: secret });
    await created.getByRole('button', { name: 'إغلاق' }).first().click();
    await created.waitFor({ state: 'detached' });
    await page.locator('tr[data-inbox-name="بوت الجمعية"]').waitFor();
  });

  it('should edit the Telegram inbox with its bot token blank (kept sealed), and show the form in English, left to right', async () => {
    const inbox = (await inboxNamed('بوت الجمعية'))!;
    const sealedBefore = await sealedSecretsOf(inbox.id);
    await page.locator('tr[data-inbox-name="بوت الجمعية"]').getByRole('button', { name: 'تعديل', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'تعديل صندوق الوارد «بوت الجمعية»' });
    expect(await form.getByRole('combobox', { name: 'القناة' }).isDisabled()).toBe(true);
    const token = form.getByLabel('رمز البوت من BotFather');
    expect(await token.inputValue()).toBe('');
    expect(await describedText(token)).toContain('اتركها فارغة للإبقاء عليها');
    const apiBaseUrl = form.getByLabel('عنوان واجهة المزوّد (اختياري، للاختبار)');
    expect(await apiBaseUrl.inputValue()).toBe(sandbox.url);
    // A refused edit first: the server's problem under the field, nothing stored.
    await apiBaseUrl.fill('not a url');
    await form.getByRole('button', { name: 'حفظ التغييرات' }).click();
    await form.locator('[data-server-message]').first().waitFor();
    expect(await apiBaseUrl.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-edit-telegram-ar.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((await inboxNamed('بوت الجمعية'))!.settings).toEqual({ apiBaseUrl: sandbox.url });

    await apiBaseUrl.fill(sandbox.url);
    await form.getByLabel('اسم صندوق الوارد').fill('بوت جمعية البر');
    await form.getByRole('button', { name: 'حفظ التغييرات' }).click();
    await form.waitFor({ state: 'detached' });
    const edited = (await inboxNamed('بوت جمعية البر'))!;
    expect(edited.settings).toEqual({ apiBaseUrl: sandbox.url });
    expect(await sealedSecretsOf(inbox.id)).toEqual(sealedBefore);

    // The same generic form in English: labels from the definitions' English, the page left to right.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('tr[data-inbox-name="رسائل مسجات"]').getByRole('button', { name: 'Edit', exact: true }).click();
    const english = page.getByRole('dialog', { name: 'Edit the inbox “رسائل مسجات”' });
    expect(await english.getByLabel('Msegat user name').inputValue()).toBe('albir');
    expect(await english.getByLabel('API key').inputValue()).toBe('');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.screenshot({ path: `${ARTIFACTS}/web-admin-inbox-edit-msegat-en.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    await english.getByRole('button', { name: 'Cancel' }).click();
    await english.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'العربية' }).click();
    expect(pageErrors).toEqual([]);
  });
});
