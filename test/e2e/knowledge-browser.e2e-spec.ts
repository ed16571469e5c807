import { UserRole } from '@app/identity';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { printArabicPdf } from '../support/arabic-pdf';
import { CallbackServer } from '../support/callback-server';
import { accessibilityProblems, CHROMIUM_ARGUMENTS, collectPageErrors } from '../support/chromium-page';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { ensureWebAppBuilt } from '../support/web-app-build';

const ARTIFACTS = 'test-artifacts';
const CONTEXT_OPTIONS = { viewport: { width: 1280, height: 900 }, locale: 'ar-SA', timezoneId: 'Asia/Riyadh' };
const POLICY = readFileSync(join(__dirname, '../../libs/knowledge/src/__fixtures__/anat-albayt-housing.txt'), 'utf8');

describe('The officer’s tools in headless Chromium (knowledge base, quoting from the composer, canned replies)', () => {
  const callbacks = new CallbackServer();
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string; secret: string };
  const administrator = { email: 'reem.tools@example.org', password: 'an-administrator-password', name: 'ريم الحربي' };
  const officer = { email: 'noura.tools@example.org', password: 'a-long-officer-password', name: 'نورة العتيبي' };
  let browser: Browser;
  let adminPage: Page;
  let officerPage: Page;
  let policyPdf: Buffer;
  let conversationUrl = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureWebAppBuilt();
    await callbacks.start();
    [wasl, policyPdf] = await Promise.all([WaslTestApp.start(), printArabicPdf(POLICY)]);
    organisation = await wasl.createOrganisation('جمعية أناة البيت للإسكان التنموي');
    expect(
      (await wasl.request('POST', '/api/v1/users', { token: organisation.adminToken, body: { ...administrator, role: UserRole.Admin } }))
        .status,
    ).toBe(201);
    const createdOfficer = await wasl.request<{ id: string }>('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...officer, role: UserRole.Officer },
    });
    expect(createdOfficer.status).toBe(201);
    inbox = await wasl.createApiInbox(organisation.adminToken, callbacks.url);
    await wasl.request('PUT', `/api/v1/inboxes/${inbox.id}/access`, {
      token: organisation.adminToken,
      body: { teamIds: [], userIds: [createdOfficer.body.id] },
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGUMENTS });
    adminPage = await (await browser.newContext(CONTEXT_OPTIONS)).newPage();
    officerPage = await (await browser.newContext(CONTEXT_OPTIONS)).newPage();
    for (const page of [adminPage, officerPage]) {
      page.setDefaultTimeout(10_000);
      collectPageErrors(page, pageErrors);
    }
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await wasl?.close();
    await callbacks.stop();
  });

  async function logIn(page: Page, user: { email: string; password: string }) {
    await page.goto(`${wasl.url}/`);
    await page.getByLabel('البريد الإلكتروني').fill(user.email);
    await page.getByLabel('كلمة المرور').fill(user.password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByTestId('live-status').waitFor();
  }

  const callbackTexts = () => callbacks.received.map((callback) => JSON.parse(callback.body).text as string);

  it('should let an administrator upload the policy PDF, see it read, and search it on the tools page', async () => {
    await logIn(adminPage, administrator);
    await adminPage.getByRole('link', { name: 'الأدوات' }).click();
    expect(new URL(adminPage.url()).pathname).toBe('/knowledge');
    await adminPage.getByText('لا توجد مستندات بعد.').waitFor();

    await adminPage.getByRole('button', { name: 'رفع مستند' }).click();
    const form = adminPage.getByRole('dialog', { name: 'رفع مستند إلى الأدوات' });
    await form
      .locator('input[type="file"]')
      .setInputFiles({ name: 'سياسة تنظيم العلاقة.pdf', mimeType: 'application/pdf', buffer: policyPdf });
    await form.getByRole('textbox', { name: 'العنوان' }).fill('دليل سياسة الدعم للمستفيدين');
    await form.getByLabel('النوع').click();
    await adminPage.getByRole('option', { name: 'دليل سياسة الدعم للمستفيدين' }).click();
    await adminPage.screenshot({ path: `${ARTIFACTS}/web-knowledge-upload-ar.png` });
    expect(await accessibilityProblems(adminPage)).toEqual([]);
    await form.getByRole('button', { name: 'رفع المستند' }).click();
    await form.waitFor({ state: 'detached' });
    const row = adminPage.locator('tr', { hasText: 'دليل سياسة الدعم للمستفيدين' });
    // The page asks again while the worker reads the file.
    await row.locator('[data-status="ready"]').waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain('جاهز للبحث');

    await adminPage.getByRole('textbox', { name: 'البحث في الأدوات' }).fill('لجنه البحث لدراسه طلبه');
    const hit = adminPage.locator('.knowledge-hit').first();
    await hit.getByText('خلال مدة لا تقل عن أسبوعين').waitFor();
    expect(await hit.innerText()).toContain('ص ٢');
    await adminPage.screenshot({ path: `${ARTIFACTS}/web-knowledge-documents-ar.png`, fullPage: true });
    expect(await accessibilityProblems(adminPage)).toEqual([]);
  });

  it('should let the administrator write a canned reply with variables and see the server’s live preview, its unknown variable refused on the field', async () => {
    await adminPage.getByRole('tab', { name: 'الردود الجاهزة' }).click();
    await adminPage.getByRole('button', { name: 'ردّ جاهز جديد' }).click();
    const form = adminPage.getByRole('dialog', { name: 'ردّ جاهز جديد' });
    await form.getByLabel('العنوان').fill('موعد قرار لجنة البحث');
    await form.getByLabel('الاختصار').fill('/قرار');
    const arabic = form.getByLabel('النص بالعربية');
    await arabic.fill('أهلاً ');
    await form.getByRole('button', { name: 'اسم المستفيد' }).click();
    await arabic.press('End');
    await arabic.pressSequentially('، يُدرس طلبك رقم ');
    await form.getByRole('button', { name: 'رقم الطلب' }).click();
    await arabic.press('End');
    await arabic.pressSequentially(' وسيصلك الرد خلال أسبوعين. {{contact.phone}}');
    await form
      .locator('.canned-reply-preview[data-language="ar"]')
      .getByText('أهلاً سارة القحطاني، يُدرس طلبك رقم R-2026-0042 وسيصلك الرد خلال أسبوعين.', { exact: false })
      .waitFor();
    await form
      .getByText(/unknown variable \{\{contact\.phone\}\}/)
      .first()
      .waitFor();
    await form.getByRole('button', { name: 'حفظ الردّ' }).click();
    await eventually(async () => (await arabic.getAttribute('aria-invalid')) === 'true', 'the Arabic body marked invalid');

    await arabic.fill(await arabic.inputValue().then((value) => value.replace(' {{contact.phone}}', '')));
    await form.getByLabel('النص بالإنجليزية (اختياري)').fill('Dear {{contact.name}}, request {{request.number}} is being studied.');
    await form
      .locator('.canned-reply-preview[data-language="en"]')
      .getByText('Dear Sara Alqahtani, request R-2026-0042 is being studied.')
      .waitFor();
    await adminPage.screenshot({ path: `${ARTIFACTS}/web-knowledge-canned-reply-editor-ar.png` });
    expect(await accessibilityProblems(adminPage)).toEqual([]);
    await form.getByRole('button', { name: 'حفظ الردّ' }).click();
    await form.waitFor({ state: 'detached' });
    await adminPage.locator('tr', { hasText: '/قرار' }).waitFor();
  });

  it('should let an officer search the tools from the composer with Ctrl+K, quote a passage at the cursor and send it', async () => {
    expect(
      (await wasl.postSigned(inbox, { messageId: 'tools-1', from: { id: 'user-7', name: 'سارة القحطاني' }, text: 'كم تستغرق دراسة طلبي؟' }))
        .status,
    ).toBe(202);
    await logIn(officerPage, officer);
    await officerPage.locator('.conversation-item', { hasText: 'سارة القحطاني' }).click();
    await officerPage.locator('.message-inbound').first().waitFor();
    conversationUrl = officerPage.url();
    const composer = officerPage.locator('.composer textarea');
    await composer.fill('وعليكم السلام، ');
    await composer.press('Control+k');
    const search = officerPage.getByRole('dialog', { name: 'بحث في الأدوات (Ctrl+K)' });
    await search.getByLabel('ابحث عن مقطع تقتبسه').fill('لا تقل عن اسبوعين');
    await search.locator('.knowledge-hit').first().getByText('لجنة البحث').first().waitFor();
    await officerPage.screenshot({ path: `${ARTIFACTS}/web-composer-knowledge-search-ar.png` });
    expect(await accessibilityProblems(officerPage)).toEqual([]);
    await search.locator('.knowledge-hit').first().getByRole('button', { name: 'اقتباس' }).click();
    await search.waitFor({ state: 'hidden' });
    const quoted = await composer.inputValue();
    // The passage is the policy's list of steps, with the step on the research committee among them.
    expect(quoted).toMatch(
      /^وعليكم السلام، \n«[^»]*- التوضيح للمستفيد بأن طلبه سيرفع للجنة البحث[^»]*لا تقل عن أسبوعين\.[^»]*» — المصدر: دليل سياسة الدعم للمستفيدين، ويتم التعامل مع المستفيد .+، ص ٢$/su,
    );
    // The cursor is after the quote: what the officer types next follows it.
    await composer.pressSequentially(' نتمنى لك التوفيق.');
    expect(await composer.inputValue()).toBe(`${quoted} نتمنى لك التوفيق.`);
    await composer.press('Control+Enter');
    const sent = await eventually(
      async () => callbackTexts().find((text) => text.includes('— المصدر: دليل سياسة الدعم للمستفيدين')),
      'the quoted reply at the callback',
    );
    expect(sent).toBe(`${quoted} نتمنى لك التوفيق.`);
  });

  it('should insert a canned reply with / and Enter, filled for the conversation, and refuse to send until its blank is filled', async () => {
    const composer = officerPage.locator('.composer textarea');
    await composer.fill('/قر');
    // Typed Arabic runs right to left in the field, even when it starts with the slash.
    expect(await composer.evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe('plaintext');
    const option = officerPage.getByRole('option', { name: /\/قرار/ });
    await option.waitFor();
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await composer.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await officerPage.screenshot({ path: `${ARTIFACTS}/web-composer-canned-reply-picker-ar.png` });
    expect(await accessibilityProblems(officerPage)).toEqual([]);
    await composer.press('Enter');
    await eventually(async () => (await composer.inputValue()).startsWith('أهلاً سارة القحطاني'), 'the rendered reply in the composer');
    expect(await composer.inputValue()).toBe('أهلاً سارة القحطاني، يُدرس طلبك رقم [____] وسيصلك الرد خلال أسبوعين.');
    await officerPage.getByRole('status').getByText('املأ الفراغات [____] قبل الإرسال: رقم الطلب').waitFor();
    expect(await officerPage.getByRole('button', { name: 'إرسال' }).isDisabled()).toBe(true);
    await composer.press('Control+Enter');
    // The blank is selected: typing replaces it.
    await composer.pressSequentially('R-2026-0107');
    expect(await composer.inputValue()).toBe('أهلاً سارة القحطاني، يُدرس طلبك رقم R-2026-0107 وسيصلك الرد خلال أسبوعين.');
    expect(callbackTexts().some((text) => text.includes('[____]'))).toBe(false);
    await officerPage.getByRole('button', { name: 'إرسال' }).click();
    await eventually(
      async () => callbackTexts().includes('أهلاً سارة القحطاني، يُدرس طلبك رقم R-2026-0107 وسيصلك الرد خلال أسبوعين.'),
      'the canned reply at the callback',
    );
    await officerPage.locator('.message-outbound', { hasText: 'R-2026-0107' }).waitFor();
  });

  it('should show the officer the tools read-only, and the same pages in English', async () => {
    await officerPage.getByRole('link', { name: 'الأدوات' }).click();
    await officerPage.getByText('يضيف مدير النظام المستندات والمقالات').waitFor();
    expect(await officerPage.getByRole('button', { name: 'رفع مستند' }).count()).toBe(0);
    expect(await officerPage.getByRole('button', { name: 'حذف' }).count()).toBe(0);
    await officerPage.getByRole('button', { name: 'English' }).click();
    await officerPage.getByRole('heading', { name: 'The beneficiary-relations officer’s tools' }).waitFor();
    expect(await officerPage.locator('html').getAttribute('dir')).toBe('ltr');
    await officerPage.getByRole('textbox', { name: 'Search the tools' }).fill('جودة الخدمة');
    await officerPage.locator('.knowledge-hit').first().waitFor();
    expect(await officerPage.locator('.knowledge-hit').first().innerText()).toMatch(/Whole phrase|All words|Some words/);
    await officerPage.screenshot({ path: `${ARTIFACTS}/web-knowledge-documents-en.png`, fullPage: true });
    expect(await accessibilityProblems(officerPage)).toEqual([]);

    await officerPage.goto(conversationUrl);
    const composer = officerPage.locator('.composer textarea');
    await composer.press('Control+k');
    const search = officerPage.getByRole('dialog', { name: 'Search the tools (Ctrl+K)' });
    await search.getByLabel('Find a passage to quote').fill('تقديم الخدمة اللازمة');
    await search.locator('.knowledge-hit').first().waitFor();
    await officerPage.screenshot({ path: `${ARTIFACTS}/web-composer-knowledge-search-en.png` });
    await search.locator('.knowledge-hit').first().getByRole('button', { name: 'Quote' }).click();
    const english = await composer.inputValue();
    expect(english.slice(english.lastIndexOf('»'))).toMatch(/^» — Source: دليل سياسة الدعم للمستفيدين, .+, p\. 2$/u);
    expect(pageErrors).toEqual([]);
  });
});
