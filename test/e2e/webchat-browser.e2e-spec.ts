import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { io, Socket } from 'socket.io-client';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { createTwilioInbox, receiveTwilioSms, saudiMobile } from '../support/twilio-inbox.helper';
import { CHROMIUM_ARGUMENTS } from '../support/chromium-page';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { codeIn } from '../support/verification-code';

interface ConversationItem {
  id: string;
  channel: string;
  contact: { name: string | null; phone: string | null };
}

describe('Web chat widget in headless Chromium (/demo → officer → reply → reload)', () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string };
  let profileDirectory: string;
  let browser: BrowserContext;
  let page: Page;
  let agents: Socket;
  const agentEvents: Array<{ event: string; payload: { text?: string; type?: string } }> = [];

  beforeAll(async () => {
    wasl = await WaslTestApp.start();
    organisation = await wasl.createOrganisation('جمعية تنمية المواهب');
    const created = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'webchat', name: 'محادثة موقع الجمعية', settings: { preChat: { email: 'optional' } } },
    });
    inbox = created.body;
    agents = io(`${wasl.url}/agents`, { auth: { token: organisation.adminToken }, transports: ['websocket'], forceNew: true });
    agents.onAny((event: string, payload: { text?: string }) => agentEvents.push({ event, payload }));
    await new Promise((resolve) => agents.once('ready', resolve));
    profileDirectory = await mkdtemp(join(tmpdir(), 'wasl-chromium-'));
    browser = await chromium.launchPersistentContext(profileDirectory, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGUMENTS,
      viewport: { width: 1100, height: 800 },
      locale: 'ar-SA',
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    // A step that fails should fail with its own message, well before the test's timeout.
    page.setDefaultTimeout(8_000);
    page.on('pageerror', (error) => console.error(`widget error: ${error.message}`));
  });

  afterAll(async () => {
    agents?.close();
    await browser?.close();
    await wasl?.close();
    if (profileDirectory) await rm(profileDirectory, { recursive: true, force: true });
  });

  it('should let a beneficiary write in Arabic, reach the officers, read the reply and keep the history across a reload', async () => {
    await page.goto(`${wasl.url}/demo?inbox=${inbox.id}`);
    const launcher = page.getByRole('button', { name: 'راسلنا' });
    await launcher.click();
    expect(await page.locator('#wasl-webchat').getAttribute('dir')).toBe('rtl');

    await page.getByLabel('الاسم').fill('فاطمة الزهراني');
    // Arabic-Indic digits, as a phone keyboard in Arabic types them.
    await page.getByLabel('رقم الجوال').fill('٠٥٥١١١٢٢٣٣');
    await page.getByRole('button', { name: 'ابدأ المحادثة' }).click();

    const input = page.getByLabel('رسالتك');
    await input.fill('السلام عليكم، أرغب في التطوع مع الجمعية');
    await input.press('Enter');
    await page.getByText('السلام عليكم، أرغب في التطوع مع الجمعية').waitFor();

    const conversation = await eventually(async () => {
      const list = await wasl.request<{ items: ConversationItem[] }>('GET', '/api/v1/conversations', { token: organisation.adminToken });
      return list.body.items.find((item) => item.channel === 'webchat');
    }, 'the web-chat conversation in the staff API');
    expect(conversation.contact).toMatchObject({ name: 'فاطمة الزهراني', phone: '+966551112233' });
    await eventually(
      async () =>
        agentEvents.find((item) => item.event === 'message.created' && item.payload.text === 'السلام عليكم، أرغب في التطوع مع الجمعية'),
      'the message on the /agents socket',
    );

    const reply = await wasl.request<{ id: string }>('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      token: organisation.adminToken,
      body: { text: 'وعليكم السلام، يسعدنا انضمامك لفريق التطوع' },
    });
    expect(reply.status).toBe(201);
    await page.getByText('وعليكم السلام، يسعدنا انضمامك لفريق التطوع').waitFor();
    // Hovering a message's time shows its full date in the Hijri (Umm al-Qura) and Gregorian calendars.
    const fullDate = await page.locator('#wasl-webchat .bubble.agent .meta').first().getAttribute('title');
    expect(fullDate).toMatch(/هـ/);
    expect(fullDate).toMatch(/[٠-٩]{4} هـ .* — .*[٠-٩]{4}/);
    // The panel is open on a visible page, so the widget reports the reply as read.
    await eventually(async () => {
      const messages = await wasl.request<{ items: Array<{ id: string; status: string | null }> }>(
        'GET',
        `/api/v1/conversations/${conversation.id}/messages`,
        { token: organisation.adminToken },
      );
      return messages.body.items.find((message) => message.id === reply.body.id && message.status === 'read');
    }, 'the read receipt');

    // An image picked from the device: uploaded, checked by its bytes, shown in the conversation.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await page.locator('#wasl-webchat input[type=file]').setInputFiles({ name: 'بطاقة.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('img', { name: 'بطاقة.png' }).waitFor();
    const withImage = await eventually(async () => {
      const messages = await wasl.request<{ items: Array<{ attachments: Array<{ contentType: string }> }> }>(
        'GET',
        `/api/v1/conversations/${conversation.id}/messages`,
        { token: organisation.adminToken },
      );
      return messages.body.items.find((message) => message.attachments.length > 0);
    }, 'the attachment in the staff API');
    expect(withImage.attachments[0]).toMatchObject({ contentType: 'image/png', fileName: 'بطاقة.png' });

    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/webchat-widget.png' });

    await page.reload();
    await page.getByRole('button', { name: 'راسلنا' }).click();
    await page.getByText('السلام عليكم، أرغب في التطوع مع الجمعية').waitFor();
    await page.getByText('وعليكم السلام، يسعدنا انضمامك لفريق التطوع').waitFor();
    expect(await page.getByLabel('الاسم').count()).toBe(0);

    await page.goto(`${wasl.url}/demo?inbox=${inbox.id}&locale=en`);
    await page.getByRole('button', { name: 'Chat with us' }).waitFor();
    expect(await page.locator('#wasl-webchat').getAttribute('dir')).toBe('ltr');
    // A real browser round trip with a reload takes a few seconds; the suite default is too tight for it.
  }, 30_000);

  it('should let a visitor prove their mobile number with the code sent by SMS and join their file', async () => {
    const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
    await sandbox.start();
    let visitorPage: Page | undefined;
    try {
      const smsInbox = await createTwilioInbox(wasl, organisation.adminToken, 'sms', sandbox.url);
      const verifying = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
        token: organisation.adminToken,
        body: {
          channel: 'webchat',
          name: 'محادثة مع التحقق',
          settings: { greeting: 'أهلًا بك في جمعية تنمية المواهب', phoneVerification: { smsInboxId: smsInbox.id } },
        },
      });
      expect(verifying.status).toBe(201);
      // The beneficiary is known by SMS: the provider asserts the number.
      const phone = saudiMobile('7788');
      const known = await receiveTwilioSms(wasl, smsInbox, phone, 'أرسلت طلبي بالرسائل النصية');

      // The widget keeps its token per inbox, so the first test's visitor in this browser does not interfere.
      visitorPage = await browser.newPage();
      visitorPage.setDefaultTimeout(8_000);
      await visitorPage.goto(`${wasl.url}/demo?inbox=${verifying.body.id}`);
      await visitorPage.getByRole('button', { name: 'راسلنا' }).click();
      // The inbox's greeting welcomes the visitor before the form, and stays above the conversation.
      await visitorPage.getByText('أهلًا بك في جمعية تنمية المواهب').waitFor();
      await visitorPage.getByLabel('الاسم').fill('منى');
      await visitorPage.getByLabel('رقم الجوال').fill(phone);
      await visitorPage.getByRole('button', { name: 'ابدأ المحادثة' }).click();
      await visitorPage.getByLabel('رسالتك').fill('هل وصل طلبي؟');
      await visitorPage.getByLabel('رسالتك').press('Enter');
      await visitorPage.getByText('هل وصل طلبي؟').waitFor();
      await visitorPage.locator('#wasl-webchat .greeting').waitFor();
      // Until the code is entered, the typed number is only a claim: the chat is a contact of its own.
      const claimed = await eventually(async () => {
        const rows: Array<{ contact_id: string }> = await wasl.dataSource.query(
          "SELECT m.contact_id FROM messages m WHERE m.inbox_id = $1 AND m.text = 'هل وصل طلبي؟'",
          [verifying.body.id],
        );
        return rows[0]?.contact_id;
      }, 'the visitor’s message');
      expect(claimed).not.toBe(known);

      await visitorPage.getByRole('button', { name: 'أرسل رمز التحقق' }).click();
      const sent = await eventually(async () => sandbox.messages.find((message) => message.to === phone), 'the code by SMS');
      const code = codeIn(sent.body);
      await visitorPage.getByLabel('رمز التحقق').fill(code);
      await mkdir('test-artifacts', { recursive: true });
      await visitorPage.screenshot({ path: 'test-artifacts/webchat-widget-verification.png' });
      await visitorPage.getByRole('button', { name: 'تأكيد' }).click();
      await visitorPage.getByText('تم التحقق من رقم جوالك.').waitFor();
      await visitorPage.getByText('هل وصل طلبي؟').waitFor();
      const joined: Array<{ contact_id: string }> = await wasl.dataSource.query(
        "SELECT contact_id FROM messages WHERE inbox_id = $1 AND text = 'هل وصل طلبي؟'",
        [verifying.body.id],
      );
      expect(joined[0].contact_id).toBe(known);
      expect(await visitorPage.locator('#wasl-webchat .verify').isVisible()).toBe(false);
    } finally {
      await visitorPage?.close();
      await sandbox.stop();
    }
  }, 30_000);
});
