import { UserRole } from '@app/identity';
import { mkdir } from 'node:fs/promises';
import { Browser, chromium, Page } from 'playwright-core';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { accessibilityProblems, CHROMIUM_ARGUMENTS, collectPageErrors } from '../support/chromium-page';
import {
  beneficiaryMobile,
  dayFromToday,
  PDF_BYTES,
  PNG_BYTES,
  prepareRequestsOrganisation,
  smsTo,
  uploadDocument,
  VALID_VALUES,
} from '../support/support-request.helper';
import { TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { ensureWebAppBuilt } from '../support/web-app-build';

const ARTIFACTS = 'test-artifacts';

describe('Support requests in headless Chromium: the request page and the public form', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let typeId: string;
  let browser: Browser;
  const officer = { email: `amal-${Date.now().toString(36)}@example.org`, password: 'an-officer-long-password', name: 'أمل السبيعي' };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureWebAppBuilt();
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl();
    organisation = await wasl.createOrganisation('جمعية أناة البيت للإسكان التنموي');
    ({ typeId } = await prepareRequestsOrganisation(wasl, sandbox, organisation));
    const created = await wasl.request('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...officer, role: UserRole.Officer },
    });
    expect(created.status).toBe(201);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGUMENTS });
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await wasl?.close();
    await sandbox.stop();
  });

  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'ar-SA', timezoneId: 'Asia/Riyadh' });
    const page = await context.newPage();
    page.setDefaultTimeout(8_000);
    collectPageErrors(page, pageErrors);
    return page;
  }

  it('should show the request page with its live checklist, block a referral with the items named, in Arabic and English', async () => {
    const token = await wasl.login(officer.email, officer.password);
    const created = await wasl.request<{ id: string; number: number }>('POST', '/api/v1/requests', {
      token,
      body: {
        typeId,
        contact: { name: 'نوال عبدالله الدوسري', phone: '0551239876' },
        values: { ...VALID_VALUES, nationalId: '1058529941' },
      },
    });
    expect(created.status).toBe(201);
    const requestId = created.body.id;
    expect((await uploadDocument(wasl, token, requestId, 'idCard', PNG_BYTES, dayFromToday(-3))).status).toBe(201);
    expect((await uploadDocument(wasl, token, requestId, 'lease', PDF_BYTES, dayFromToday(200))).status).toBe(201);

    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${wasl.url}/`);
    await page.getByLabel('البريد الإلكتروني').fill(officer.email);
    await page.getByLabel('كلمة المرور').fill(officer.password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByTestId('live-status').waitFor();
    await page.getByRole('link', { name: 'طلبات الدعم' }).click();
    await page.getByTestId('request-table').getByRole('link', { name: '١' }).first().waitFor();
    await page.locator(`[data-request-id="${requestId}"] a`).click();
    const checklist = page.getByTestId('request-checklist');
    await checklist.getByText('رقم هوية أو إقامة غير صحيح').waitFor();
    await checklist.getByText('منتهي الصلاحية وقت التقديم').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    // The server refuses the referral and the page names what blocks it in the request's own words.
    await page.getByRole('button', { name: 'إحالة إلى مسؤول البحث الاجتماعي' }).waitFor();
    await page.getByRole('combobox', { name: 'مسؤول البحث الاجتماعي' }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('button', { name: 'إحالة إلى مسؤول البحث الاجتماعي' }).click();
    const blocked = page.getByRole('alert').filter({ hasText: 'لا يمكن المتابعة قبل استكمال ما يلي:' });
    await blocked.getByText('رقم الهوية الوطنية أو الإقامة').waitFor();
    await blocked.getByText('صورة الهوية').waitFor();

    // Correcting the ID number saves by itself and the server's checklist follows.
    await page.getByLabel('رقم الهوية الوطنية أو الإقامة').first().fill('1058529940');
    await checklist.getByText('رقم هوية أو إقامة غير صحيح').waitFor({ state: 'detached' });
    expect(await checklist.getAttribute('data-complete')).toBe('false');
    // The refusal named the ID number; corrected, it is no longer shown.
    await blocked.waitFor({ state: 'detached' });
    // The page scrolls inside the app's frame: a tall window shows all of it in the screenshot.
    await page.setViewportSize({ width: 1280, height: 2100 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${ARTIFACTS}/request-page-ar.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /^Request 1 — Rent support$/ }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.getByTestId('request-checklist').getByText('expired at submission').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/request-page-en.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('should serve the public form on a phone, right to left, and take a request to its status page', async () => {
    const page = await newPage({ width: 390, height: 844 });
    const formUrl = `${wasl.url}/forms/${organisation.id}/${typeId}`;
    await page.goto(`${wasl.url}/forms/${organisation.id}`);
    await page.getByRole('link', { name: 'مساعدة إيجار' }).click();
    expect(page.url()).toBe(formUrl);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The script adds household rows; without it four are shown.
    await page.getByRole('button', { name: 'إضافة فرد' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/public-form-ar.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Rent support' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.screenshot({ path: `${ARTIFACTS}/public-form-en.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'العربية' }).click();
    const phone = beneficiaryMobile('7201');
    await page.getByLabel('الاسم الكامل').fill('سعاد الغامدي');
    await page.getByLabel('رقم الجوال').fill(`0${phone.slice(4)}`);
    await page.getByLabel('رقم الهوية الوطنية أو الإقامة').first().fill('١٠٠٠٠٠٠٠٠٨');
    await page.getByLabel('رقم الآيبان').fill('SA03 8000 0000 6080 1016 7519');
    await page.getByLabel('تاريخ الميلاد').fill('1985-03-02');
    await page.getByLabel('نوع السكن').selectOption('rent');
    await page.locator('[name="v.household.0.name"]').fill('سعاد');
    // A person takes more than the three seconds the form's time token asks for.
    await page.waitForTimeout(3_100);
    await page.getByRole('button', { name: 'إرسال الطلب' }).click();
    await page.getByText('استلمنا طلبك. احفظ هذه الصفحة لمتابعة طلبك ورفع المستندات.').waitFor();
    await page.getByRole('heading', { name: 'تأكيد رقم الجوال' }).waitFor();
    await smsTo(sandbox, phone, /رمز التحقق لطلبك/);
    await page.screenshot({ path: `${ARTIFACTS}/public-request-status-ar.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
