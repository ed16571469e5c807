import { UserRole } from '@app/identity';
import { mkdir } from 'node:fs/promises';
import { Browser, chromium, Page } from 'playwright-core';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { accessibilityProblems, CHROMIUM_ARGUMENTS, collectPageErrors } from '../support/chromium-page';
import { beneficiaryMobile, prepareRequestsOrganisation } from '../support/support-request.helper';
import { TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { ensureWebAppBuilt } from '../support/web-app-build';

const ARTIFACTS = 'test-artifacts';

describe('Volunteering and complaint forms and the supervisor’s queue in headless Chromium', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let browser: Browser;
  const supervisor = { email: `huda-${Date.now().toString(36)}@example.org`, password: 'a-supervisor-long-password', name: 'هدى المطيري' };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureWebAppBuilt();
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl();
    organisation = await wasl.createOrganisation('جمعية التنمية الأهلية');
    await prepareRequestsOrganisation(wasl, sandbox, organisation);
    const created = await wasl.request('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...supervisor, role: UserRole.Supervisor },
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

  it('should take a volunteering application and a complaint on the public forms, right to left on a phone', async () => {
    const page = await newPage({ width: 390, height: 844 });
    // The forms page the web-chat widget opens links to both.
    await page.goto(`${wasl.url}/forms/${organisation.id}`);
    await page.getByRole('link', { name: 'خدمة التطوع' }).click();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByLabel('الاسم الكامل').fill('ريم العتيبي');
    await page.getByLabel('رقم الجوال').fill(`0${beneficiaryMobile('8101').slice(4)}`);
    await page.getByLabel('المدينة').fill('الرياض');
    await page.getByLabel('المهارات والخبرات').fill('تصميم وتنظيم فعاليات للأطفال');
    await page.getByLabel('الوقت المتاح للتطوع').selectOption('weekends');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/request-kinds-volunteering-form.png`, fullPage: true });
    // A person takes more than the form's three seconds.
    await page.waitForTimeout(3_100);
    await page.getByRole('button', { name: 'إرسال طلب التطوع' }).click();
    await page.getByText('استلمنا طلب التطوع').waitFor();
    await page.getByLabel('رمز التحقق').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/request-kinds-volunteering-received.png`, fullPage: true });
    // The masked number reads left to right inside the Arabic sentence.
    const masked = page.locator('bdi[dir=ltr]');
    expect(await masked.textContent()).toMatch(/^\+9665•+101$/);
    await masked.screenshot({ path: `${ARTIFACTS}/request-kinds-masked-number.png` });

    await page.goto(`${wasl.url}/forms/${organisation.id}/feedback`);
    await page.getByLabel('النوع').selectOption('complaint');
    await page.getByLabel('الاسم الكامل').fill('سعد الحربي');
    await page.getByLabel('رقم الجوال').fill(`0${beneficiaryMobile('8102').slice(4)}`);
    await page.getByLabel('التفاصيل').fill('اتصلت ثلاث مرات ولم يرد أحد');
    await page.waitForTimeout(3_100);
    await page.getByRole('button', { name: 'إرسال', exact: true }).click();
    await page.getByText('استلمنا رسالتك').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('should show the supervisor’s queue of suggestions and complaints, filter it, and act on a complaint', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${wasl.url}/`);
    await page.getByLabel('البريد الإلكتروني').fill(supervisor.email);
    await page.getByLabel('كلمة المرور').fill(supervisor.password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByTestId('live-status').waitFor();
    await page.getByRole('link', { name: 'التطوع والمقترحات' }).click();
    await page.getByRole('heading', { name: 'المقترحات والشكاوى' }).waitFor();
    const row = page.getByTestId('kind-row').filter({ hasText: 'اتصلت ثلاث مرات' });
    await row.waitFor();
    await row.getByText('مستلم').waitFor();
    // Dates in Gregorian and Hijri.
    expect(await row.locator('.kind-date-hijri').textContent()).toMatch(/هـ/);
    await page.getByLabel('النوع', { exact: true }).first().click();
    await page.getByRole('option', { name: 'مقترح' }).click();
    await page.getByText('لا توجد سجلات بهذه المرشحات.').waitFor();
    await page.getByLabel('النوع', { exact: true }).first().click();
    await page.getByRole('option', { name: 'شكوى' }).click();
    await row.getByRole('button', { name: 'بدء الدراسة' }).click();
    await row.getByText('قيد الدراسة').waitFor();
    await row.getByRole('button', { name: 'معالجة والرد' }).click();
    await page.getByLabel('الرد على المرسل').fill('عيّنا موظفاً لمتابعتك اليوم.');
    await page.screenshot({ path: `${ARTIFACTS}/request-kinds-act-on.png` });
    await page.getByRole('button', { name: 'تنفيذ' }).click();
    await row.getByText('تمت المعالجة').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.screenshot({ path: `${ARTIFACTS}/request-kinds-supervisor-queue.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('tab', { name: 'خدمة التطوع' }).click();
    const application = page.getByTestId('kind-row').filter({ hasText: 'تصميم وتنظيم فعاليات' });
    await application.getByText('جديد').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/request-kinds-volunteering-list.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
