import { UserRole } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { Browser, chromium, Page } from 'playwright-core';
import { accessibilityProblems, CHROMIUM_ARGUMENTS, collectPageErrors } from '../support/chromium-page';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { ensureWebAppBuilt } from '../support/web-app-build';
import { WebChatVisitor } from '../support/webchat-visitor';

const ARTIFACTS = 'test-artifacts';
const SITE = 'https://www.example.org';
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(40 * 1024, 0x41), Buffer.from('\n%%EOF\n')]);

// An officer attaches files in the composer of the staff web app, in Debian's Chromium against the real gateway,
// worker, PostgreSQL and Redis: the button and a drop, chips with name and size, the channel's limits, a file the
// server refuses by its bytes shown on its chip, the reply in the timeline with its photo inline, and the web-chat
// visitor receiving both files.
describe('Attachments in the composer (Chromium)', () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let browser: Browser;
  let page: Page;
  let visitor: WebChatVisitor;
  let conversationId: string;
  let photo: Buffer;
  const pageErrors: string[] = [];
  const officer = { email: `reem-${randomUUID()}@example.org`, password: 'a-long-officer-password', name: 'ريم الحربي' };

  beforeAll(async () => {
    ensureWebAppBuilt();
    wasl = await WaslTestApp.startOnPublicUrl();
    organisation = await wasl.createOrganisation('جمعية المرفقات');
    const created = await wasl.request<{ id: string }>('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...officer, role: UserRole.Officer },
    });
    const inbox = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'webchat', name: 'محادثة الموقع', settings: { allowedOrigins: [SITE] } },
    });
    await wasl.request('PUT', `/api/v1/inboxes/${inbox.body.id}/access`, {
      token: organisation.adminToken,
      body: { teamIds: [], userIds: [created.body.id] },
    });
    visitor = await WebChatVisitor.connect(
      wasl.url,
      { inboxId: inbox.body.id, profile: { name: 'منيرة السبيعي', phone: `05${Math.floor(10_000_000 + Math.random() * 89_999_999)}` } },
      SITE,
    );
    const sent = await visitor.send(`ask-${randomUUID().slice(0, 6)}`, 'أرسلوا لي صورة بطاقة الموعد وخطاب القبول');
    conversationId = await eventually(async () => {
      const rows: Array<{ conversation_id: string }> = await wasl.dataSource.query('SELECT conversation_id FROM messages WHERE id = $1', [
        sent.id,
      ]);
      return rows[0]?.conversation_id;
    }, 'the visitor’s message');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGUMENTS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, locale: 'ar-SA', timezoneId: 'Asia/Riyadh' });
    page = await context.newPage();
    page.setDefaultTimeout(8_000);
    collectPageErrors(page, pageErrors);
    // A real picture for the timeline to draw: Chromium's own rendering of a small card.
    await page.setContent('<div style="width:160px;height:100px;background:linear-gradient(90deg,#0b7285,#e6fcf5)"></div>');
    photo = await page.locator('div').screenshot();
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    visitor?.close();
    await browser?.close();
    await wasl?.close();
  });

  // Files dropped on the composer, as a browser hands them over from the desktop.
  async function drop(files: Array<{ name: string; type: string; content: Buffer }>) {
    const payload = files.map((file) => ({ name: file.name, type: file.type, bytes: [...file.content] }));
    const transfer = await page.evaluateHandle((given) => {
      const data = new DataTransfer();
      for (const file of given) data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
      return data;
    }, payload);
    await page.locator('.composer').dispatchEvent('dragover', { dataTransfer: transfer });
    await page.locator('.composer-drop-hint').waitFor();
    await page.locator('.composer').dispatchEvent('drop', { dataTransfer: transfer });
  }

  it('should attach by button and by drop, show chips, limits and a refusal on its chip, send, and show the photo inline', async () => {
    await page.goto(`${wasl.url}/`);
    await page.getByLabel(/البريد الإلكتروني/).fill(officer.email);
    await page.getByLabel(/كلمة المرور/).fill(officer.password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByTestId('live-status').waitFor();
    await page.goto(`${wasl.url}/conversations/${conversationId}`);
    await page.locator('.message-inbound', { hasText: 'بطاقة الموعد' }).waitFor();

    // The channel's rule, in Arabic digits and units.
    await page.getByTestId('attachment-limits').getByText('المرفقات: PNG، JPEG، PDF · حتى ٥ ملفات · ٥ م.ب للملف').waitFor();
    await page.getByTestId('composer-file-input').setInputFiles({ name: 'بطاقة الموعد.png', mimeType: 'image/png', buffer: photo });
    await drop([
      { name: 'خطاب القبول.pdf', type: 'application/pdf', content: PDF },
      // Named and typed as a PDF by the browser; the server reads its bytes.
      { name: 'ليس ملفاً.pdf', type: 'application/pdf', content: Buffer.from('<html>not a pdf</html>') },
    ]);
    const chips = page.getByTestId('composer-file');
    await chips.filter({ hasText: 'بطاقة الموعد.png' }).waitFor();
    await chips.filter({ hasText: 'خطاب القبول.pdf' }).getByText('٤٠ كيلوبايت').waitFor();
    const refused = chips.filter({ hasText: 'ليس ملفاً.pdf' });
    await refused.getByRole('alert').getByText('الملف غير مقبول.').waitFor();
    await page.waitForFunction(() => !document.querySelector('.composer-file-uploading'));
    await page.locator('.composer textarea').fill('تفضلي بطاقة الموعد وخطاب القبول');
    await page.screenshot({ path: `${ARTIFACTS}/web-composer-attachments-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);

    await refused.getByRole('button', { name: 'إزالة المرفق ليس ملفاً.pdf' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="composer-file"]').length === 2);
    await page.getByRole('button', { name: 'إرسال', exact: true }).click();
    const sent = page.locator('.message-outbound', { hasText: 'تفضلي بطاقة الموعد' });
    await sent.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="composer-file"]').length === 0);
    // The photo is drawn from the staff download, the PDF is a download link.
    const image = sent.locator('.attachment-image img');
    await image.waitFor();
    await page.waitForFunction(
      (element) => element instanceof HTMLImageElement && element.complete && element.naturalWidth > 0,
      await image.elementHandle(),
    );
    expect(await image.getAttribute('alt')).toBe('بطاقة الموعد.png');
    await sent.locator('.attachment-file', { hasText: 'خطاب القبول.pdf' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-reply-attachments-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);

    const received = await eventually(
      async () => visitor.received.find((message) => message.text === 'تفضلي بطاقة الموعد وخطاب القبول'),
      'the reply on the visitor’s socket',
    );
    expect(received.attachments?.map((attachment) => [attachment.fileName, attachment.contentType])).toEqual([
      ['بطاقة الموعد.png', 'image/png'],
      ['خطاب القبول.pdf', 'application/pdf'],
    ]);
    const fetched = await fetch(new URL(received.attachments![0].url!, wasl.url));
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(photo);
    expect(pageErrors).toEqual([]);
  });

  it('should show a private note’s own limits and carry its file, and read left to right in English', async () => {
    await page.locator('.composer').getByText('ملاحظة خاصة', { exact: true }).click();
    await page.getByTestId('attachment-limits').getByText('مرفقات الملاحظة: PNG، JPEG، PDF · حتى ١٠ ملفات · ٥ م.ب للملف').waitFor();
    await page.getByTestId('composer-file-input').setInputFiles({ name: 'نموذج البحث.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('composer-file').filter({ hasText: 'نموذج البحث.pdf' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.composer-file-uploading'));
    await page.getByRole('button', { name: 'حفظ الملاحظة' }).click();
    await page.locator('.message-note .attachment-file', { hasText: 'نموذج البحث.pdf' }).waitFor();
    expect(visitor.received.some((message) => message.attachments?.some((attachment) => attachment.fileName === 'نموذج البحث.pdf'))).toBe(
      false,
    );

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.composer').getByText('Reply to the beneficiary', { exact: true }).click();
    await page.getByTestId('attachment-limits').getByText('Attachments: PNG, JPEG, PDF · up to 5 files · 5 MB each').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page
      .getByTestId('composer-file-input')
      .setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(6 * 1024 * 1024) });
    await page.getByTestId('composer-file').filter({ hasText: 'big.pdf' }).getByText('Larger than allowed (5 MB).').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-composer-attachments-en.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.locator('html[dir="rtl"]').waitFor();
  });
});
