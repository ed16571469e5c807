import { UserRole } from '@app/identity';
import { mkdir } from 'node:fs/promises';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { CallbackServer } from '../support/callback-server';
import { accessibilityProblems, CHROMIUM_ARGUMENTS, collectPageErrors } from '../support/chromium-page';
import { createTwilioInbox, receiveTwilioSms, saudiMobile, TwilioTestInbox } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { ensureWebAppBuilt } from '../support/web-app-build';

const ARTIFACTS = 'test-artifacts';
// Enough conversations that the list needs several pages and draws only some of them.
const MANY_CONVERSATIONS = 120;

// The officer's half of the staff web app in Debian's Chromium against the real gateway, worker, PostgreSQL and
// Redis: the inbox's filters, unread counts and virtualised list; a conversation's failed reply, voicemail, calls
// and SMS length; the actions and the beneficiary's panel with a merge; notifications; the language kept on the
// user; the phone layout; and a web-chat visitor on /demo answered entirely in the browser.
describe('Officer tools in the staff web app (Chromium)', () => {
  const callbacks = new CallbackServer();
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let apiInbox: { id: string; secret: string };
  let smsInbox: TwilioTestInbox;
  let voiceInbox: TwilioTestInbox;
  let webchatInbox: { id: string };
  const officer = { email: `noura-${Date.now()}@example.org`, password: 'a-long-officer-password', name: 'نورة العتيبي' };
  const colleague = { email: `huda-${Date.now()}@example.org`, password: 'another-long-password', name: 'هدى الدوسري' };
  let officerId: string;
  let ahmed: string;
  let teamName: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureWebAppBuilt();
    await callbacks.start();
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl({ OUTBOUND_ATTEMPTS: '1' });
    organisation = await wasl.createOrganisation('جمعية أدوات الموظف');
    const created = await wasl.request<{ id: string }>('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...officer, role: UserRole.Officer },
    });
    officerId = created.body.id;
    const createdColleague = await wasl.request<{ id: string }>('POST', '/api/v1/users', {
      token: organisation.adminToken,
      body: { ...colleague, role: UserRole.Officer },
    });
    teamName = 'فريق الخرج';
    await wasl.request('POST', '/api/v1/teams', { token: organisation.adminToken, body: { name: teamName, memberIds: [officerId] } });
    apiInbox = await wasl.createApiInbox(organisation.adminToken, callbacks.url);
    smsInbox = await createTwilioInbox(wasl, organisation.adminToken, 'sms', sandbox.url);
    voiceInbox = await createTwilioInbox(wasl, organisation.adminToken, 'voice', sandbox.url, { forwardTo: ['+966110000001'] });
    const webchat = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'webchat', name: 'محادثة موقع الجمعية', settings: { preChat: { email: 'optional' } } },
    });
    webchatInbox = webchat.body;
    for (const inbox of [apiInbox, smsInbox, voiceInbox, webchatInbox]) {
      const access = await wasl.request('PUT', `/api/v1/inboxes/${inbox.id}/access`, {
        token: organisation.adminToken,
        body: { teamIds: [], userIds: [officerId, createdColleague.body.id] },
      });
      expect(access.status).toBe(200);
    }
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGUMENTS });
    context = await browser.newContext({ viewport: { width: 1400, height: 860 }, locale: 'ar-SA', timezoneId: 'Asia/Riyadh' });
    // The system notifications the page raises, recorded where the test can read them (headless Chromium shows none).
    await context.grantPermissions(['notifications'], { origin: wasl.url });
    await context.addInitScript(() => {
      const shown: Array<{ title: string; body?: string }> = [];
      (window as unknown as { __notifications: typeof shown }).__notifications = shown;
      const Original = window.Notification;
      class RecordedNotification extends Original {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push({ title, body: options?.body });
        }
      }
      Object.defineProperty(RecordedNotification, 'permission', { get: () => Original.permission });
      window.Notification = RecordedNotification as unknown as typeof Notification;
    });
    page = await context.newPage();
    page.setDefaultTimeout(8_000);
    collectPageErrors(page, pageErrors);
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await wasl?.close();
    await callbacks.stop();
    await sandbox.stop();
  });

  function item(text: string) {
    return page.locator('.conversation-item', { hasText: text });
  }

  async function writes(messageId: string, from: { id: string; name: string; phone?: string }, text: string): Promise<string> {
    expect((await wasl.postSigned(apiInbox, { messageId, from, text })).status).toBe(202);
    return wasl.conversationOfMessage(messageId);
  }

  // Opens a conversation as a link would, without reloading the page (the list draws only the rows in view).
  async function open(path: string) {
    await page.evaluate((target) => {
      window.history.pushState(null, '', target);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);
  }

  async function conversationOfInbox(inboxId: string): Promise<string> {
    return eventually(async () => {
      const rows: Array<{ id: string }> = await wasl.dataSource.query('SELECT id FROM conversations WHERE inbox_id = $1', [inboxId]);
      return rows[0]?.id;
    }, 'the conversation of the inbox');
  }

  async function attachmentStored(inboxId: string): Promise<void> {
    await eventually(
      async () => {
        const rows: unknown[] = await wasl.dataSource.query("SELECT 1 FROM messages WHERE inbox_id = $1 AND attachments <> '[]'", [
          inboxId,
        ]);
        return rows.length > 0;
      },
      'the message with an attachment',
      20_000,
    );
  }

  async function choose(label: string, option: string | RegExp) {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  }

  async function logIn(target: Page, user: { email: string; password: string }) {
    await target.goto(`${wasl.url}/`);
    await target.getByLabel(/البريد الإلكتروني|E-mail/).fill(user.email);
    await target.getByLabel(/كلمة المرور|Password/).fill(user.password);
    await target.getByRole('button', { name: /^(دخول|Log in)$/ }).click();
    await target.getByTestId('live-status').waitFor();
  }

  it('should count unread messages per row and in the tab title, clear them on reading, filter by inbox and label, and scroll through every conversation', async () => {
    await writes('unread-1', { id: 'u-1', name: 'سارة القحطاني' }, 'السلام عليكم');
    await writes('unread-2', { id: 'u-1', name: 'سارة القحطاني' }, 'متى يصدر قرار لجنة البحث؟');
    await logIn(page, officer);
    await item('سارة القحطاني').locator('.unread-badge', { hasText: '٢' }).waitFor();
    await page.waitForFunction(() => document.title === '(٢) وصل');

    await item('سارة القحطاني').click();
    await page.locator('.message-inbound', { hasText: 'متى يصدر قرار لجنة البحث' }).waitFor();
    await item('سارة القحطاني').locator('.unread-badge').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.title === 'وصل');

    // A label added in the conversation becomes a filter of the list, kept in the address bar.
    await page.getByRole('combobox', { name: 'التصنيفات', exact: true }).fill('مساعدة سكنية');
    await page.getByRole('combobox', { name: 'التصنيفات', exact: true }).press('Enter');
    await page.locator('.timeline-event[data-event-type="labels_changed"]', { hasText: 'مساعدة سكنية' }).waitFor();
    ahmed = await writes('other-1', { id: 'u-2', name: 'أحمد الشهري' }, 'أرغب في التطوع');
    await item('أحمد الشهري').waitFor();
    await choose('التصنيف', 'مساعدة سكنية');
    await page.waitForURL(/label=/);
    await item('أحمد الشهري').waitFor({ state: 'detached' });
    await item('سارة القحطاني').waitFor();
    expect(await page.locator('.conversation-item').count()).toBe(1);
    await choose('التصنيف', 'كل التصنيفات');
    await item('أحمد الشهري').waitFor();
    await receiveTwilioSms(wasl, smsInbox, saudiMobile('1111'), 'أحتاج مساعدة');
    await choose('صندوق الوارد', /^sms [0-9a-f]{8}$/);
    await page.waitForURL(new RegExp(`inbox=${smsInbox.id}`));
    await item('أحمد الشهري').waitFor({ state: 'detached' });
    await item('أحتاج مساعدة').waitFor();
    expect(await page.locator('.conversation-item').count()).toBe(1);
    await choose('صندوق الوارد', 'كل صناديق الوارد');
    expect(await accessibilityProblems(page)).toEqual([]);

    // Many conversations: the list pages through all of them while drawing only those in view.
    await Promise.all(
      Array.from({ length: MANY_CONVERSATIONS }, (_unused, index) =>
        wasl.postSigned(apiInbox, { messageId: `many-${index}`, from: { id: `many-${index}`, name: `مستفيد رقم ${index}` }, text: 'سؤال' }),
      ),
    );
    await wasl.conversationOfMessage(`many-${MANY_CONVERSATIONS - 1}`);
    await wasl.conversationOfMessage('many-0');
    await page.reload();
    await item('مستفيد رقم').first().waitFor();
    const drawn = await page.locator('.conversation-item').count();
    expect(drawn).toBeLessThan(40);
    // The oldest conversations are at the end, past the first page of 50.
    for (let attempt = 0; attempt < 30 && (await item('سارة القحطاني').count()) === 0; attempt += 1) {
      await page.locator('.conversation-items').evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
      await page.waitForFunction(() => !document.querySelector('.conversation-items .mantine-Loader-root'), undefined, { timeout: 4_000 });
    }
    await item('سارة القحطاني').waitFor();
    expect(await page.locator('.conversation-item').count()).toBeLessThan(40);
  });

  it('should show a failed reply’s reason and send it again once, play a voicemail, log a call and count SMS parts while typing', async () => {
    await page.locator('.conversation-items').evaluate((list) => list.scrollTo({ top: 0 }));
    callbacks.script([500]);
    await open(`/conversations/${ahmed}`);
    const composer = page.locator('.composer textarea');
    await composer.fill('أهلاً بك، سنتواصل معك قريباً');
    await composer.press('Control+Enter');
    const failed = page.locator('.message-outbound', { hasText: 'أهلاً بك، سنتواصل معك قريباً' });
    await failed.locator('.failed-reply', { hasText: 'لم تُرسَل' }).waitFor();
    const retry = failed.getByRole('button', { name: 'إعادة الإرسال' });
    await retry.click();
    await retry.click({ timeout: 500 }).catch(() => undefined);
    await failed.locator('.delivery-sent').waitFor();
    const messageId = await failed.getAttribute('data-message-id');
    expect(callbacks.forMessage(messageId!)).toHaveLength(2);

    // A call the officer made, logged from the beneficiary's panel, joins the timeline.
    await page.getByRole('button', { name: 'بيانات المستفيد', exact: true }).click();
    await page.getByRole('button', { name: 'تسجيل مكالمة' }).click();
    const dialog = page.getByRole('dialog', { name: 'تسجيل مكالمة مع المستفيد' });
    await dialog.getByLabel('المدة بالدقائق').fill('3');
    await dialog.getByLabel('ملاحظات المكالمة').fill('شرحت للمستفيد خطوات التطوع');
    expect(await accessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'حفظ المكالمة' }).click();
    await page.locator('.timeline-call', { hasText: 'مكالمة صادرة أُجيبت' }).getByText('شرحت للمستفيد خطوات التطوع').waitFor();
    await page.locator('.timeline-call', { hasText: '٣ د' }).waitFor();

    // A voicemail the provider keeps plays in the page through the staff download.
    const caller = saudiMobile('2222');
    await sandbox.playCall({
      voiceUrl: `${wasl.url}/webhooks/twilio/${voiceInbox.id}/voice`,
      authToken: voiceInbox.authToken,
      from: caller,
      to: voiceInbox.phoneNumber,
      voicemail: { durationSeconds: 1 },
    });
    // Stored before the conversation opens: on a loaded machine the worker may take longer than a locator waits.
    await attachmentStored(voiceInbox.id);
    await open(`/conversations/${await conversationOfInbox(voiceInbox.id)}`);
    const audio = page.locator('.attachment-audio audio');
    await audio.waitFor({ state: 'attached' });
    const played = await audio.evaluate(async (element: HTMLAudioElement) => {
      const response = await fetch(element.src);
      element.preload = 'auto';
      element.load();
      await new Promise((resolve) => element.addEventListener('loadedmetadata', resolve, { once: true }));
      return { status: response.status, type: response.headers.get('content-type'), duration: element.duration };
    });
    expect(played).toMatchObject({ status: 200, type: 'audio/x-wav' });
    expect(played.duration).toBeGreaterThan(0.4);
    await page.locator('.timeline-call', { hasText: 'مكالمة واردة فائتة' }).waitFor();

    // Arabic is UCS-2: the officer sees the parts grow while typing an SMS reply.
    await open(`/conversations/${await conversationOfInbox(smsInbox.id)}`);
    await page.locator('.message-inbound', { hasText: 'أحتاج مساعدة' }).waitFor();
    await composer.fill('شكراً لتواصلك');
    await page
      .getByTestId('sms-length')
      .getByText(/يونيكود .* عدد الأجزاء: ١ /)
      .waitFor();
    await composer.fill('ن'.repeat(71));
    await page
      .getByTestId('sms-length')
      .getByText(/عدد الأجزاء: ٢ /)
      .waitFor();
    await composer.fill('');
  });

  it('should assign to a colleague and a team, set status and priority, and show the beneficiary with a merge that says what happens', async () => {
    await open(`/conversations/${ahmed}/contact`);
    await choose('مُسندة إلى', new RegExp(colleague.name));
    await page.locator('.timeline-event[data-event-type="assigned"]', { hasText: colleague.name }).waitFor();
    await choose('فريق المحادثة', teamName);
    await page.locator('.timeline-event[data-event-type="team_changed"]', { hasText: teamName }).waitFor();
    await choose('الأولوية', 'عاجلة');
    await page.locator('.timeline-event[data-event-type="priority_changed"]', { hasText: 'عاجلة' }).waitFor();
    await choose('حالة المحادثة', 'معلّقة');
    await page.locator('.conversation-header .status-badge', { hasText: 'معلّقة' }).waitFor();

    // The same person wrote again under another app account, with a number typed by hand.
    await writes('duplicate-1', { id: 'u-2-second', name: 'أحمد الشهري (حساب آخر)', phone: '0557778899' }, 'نسيت كلمة المرور');
    const panel = page.locator('.contact-panel');
    await panel.waitFor();
    await panel.locator('.contact-identities li[data-verified="true"]').first().waitFor();
    await panel.getByRole('button', { name: 'دمج سجلّ مكرر' }).click();
    const merge = page.getByRole('dialog');
    await merge.getByLabel('ابحث عن السجلّ المكرر بالاسم أو رقم الجوال أو البريد').fill('حساب آخر');
    await merge.getByRole('button', { name: 'اختيار' }).click();
    const consequences = merge.getByTestId('merge-consequences');
    await consequences.getByText('سيُدمج سجلّ «أحمد الشهري (حساب آخر)» في سجلّ «أحمد الشهري»:').waitFor();
    await consequences.getByText('تنتقل محادثاته (١) ورسائلها إلى «أحمد الشهري».').waitFor();
    await consequences.getByText('+966557778899').waitFor();
    await consequences.getByText('يختفي «أحمد الشهري (حساب آخر)» من قائمة المستفيدين', { exact: false }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${ARTIFACTS}/web-merge-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    await merge.getByRole('button', { name: 'دمج «أحمد الشهري (حساب آخر)» في «أحمد الشهري»' }).click();
    await merge.waitFor({ state: 'detached' });
    await eventually(async () => (await panel.locator('.contact-conversations li').count()) === 2, 'both conversations on the record');
    await panel.locator('.contact-identities li', { hasText: '+966557778899' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-contact-panel-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('should notify, once switched on, of a beneficiary’s new message on an unassigned conversation, and keep the choice', async () => {
    await page.getByRole('button', { name: 'تفعيل التنبيهات' }).click();
    await page.locator('[data-testid="notification-toggle"][aria-pressed="true"]').waitFor();
    expect(await page.getByTestId('notification-toggle').getAttribute('aria-label')).toBe('التنبيهات مفعّلة');
    await writes('notify-1', { id: 'u-9', name: 'نوف العنزي' }, 'هل يمكنني التسجيل في البرنامج؟');
    const shown = await eventually(
      async () =>
        (await page.evaluate(() => (window as unknown as { __notifications: Array<{ title: string; body?: string }> }).__notifications))[0],
      'the notification',
    );
    expect(shown).toEqual({ title: 'رسالة جديدة من نوف العنزي', body: 'هل يمكنني التسجيل في البرنامج؟' });
    // A colleague's conversation stays quiet.
    const theirs = await writes('notify-2', { id: 'u-10', name: 'ريم' }, 'سؤال');
    await wasl.request('PATCH', `/api/v1/conversations/${theirs}`, {
      token: organisation.adminToken,
      body: { assigneeId: organisation.adminId },
    });
    await eventually(
      async () => (await page.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications.length)) === 2,
      'the notification of the new, still unassigned conversation',
    );
    await writes('notify-3', { id: 'u-10', name: 'ريم' }, 'سؤال آخر');
    await item('سؤال آخر').waitFor();
    expect(
      await page.evaluate(() =>
        (window as unknown as { __notifications: Array<{ body?: string }> }).__notifications.map((shown) => shown.body),
      ),
    ).toEqual(['هل يمكنني التسجيل في البرنامج؟', 'سؤال']);
    await page.reload();
    await page.locator('[data-testid="notification-toggle"][aria-pressed="true"]').waitFor();
  });

  it('should keep the language on the user, show English left to right with the panel, and one pane at a time on a phone', async () => {
    await open(`/conversations/${ahmed}/contact`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Beneficiary', exact: true }).waitFor();
    await page.locator('.contact-panel').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.screenshot({ path: `${ARTIFACTS}/web-contact-panel-en.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    // Another browser with no language stored: the login applies the one kept on the user.
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar-SA' });
    try {
      const elsewhere = await other.newPage();
      elsewhere.setDefaultTimeout(8_000);
      await logIn(elsewhere, officer);
      await elsewhere.getByRole('button', { name: 'Log out' }).waitFor();
      expect(await elsewhere.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await other.close();
    }
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('button', { name: 'بيانات المستفيد', exact: true }).waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.contact-panel').waitFor();
    expect(await page.locator('.conversation-pane').count()).toBe(0);
    expect(await page.locator('.conversation-list').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/web-phone-contact-ar.png` });
    await page.getByRole('button', { name: 'إغلاق بيانات المستفيد' }).click();
    await page.locator('.conversation-pane').waitFor();
    expect(await page.locator('.contact-panel').count()).toBe(0);
    await page.getByRole('button', { name: 'رجوع إلى صندوق الوارد' }).click();
    await page.locator('.conversation-list').waitFor();
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  it('should let an officer answer a web-chat visitor on /demo entirely in the browser', async () => {
    const visitorContext = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'ar-SA' });
    try {
      const visitor = await visitorContext.newPage();
      visitor.setDefaultTimeout(8_000);
      await visitor.goto(`${wasl.url}/demo?inbox=${webchatInbox.id}`);
      await visitor.getByRole('button', { name: 'راسلنا' }).click();
      await visitor.getByLabel('الاسم').fill('فاطمة الزهراني');
      await visitor.getByLabel('رقم الجوال').fill('0551112233');
      await visitor.getByRole('button', { name: 'ابدأ المحادثة' }).click();
      await visitor.getByLabel('رسالتك').fill('السلام عليكم، أرغب في التطوع مع الجمعية');
      await visitor.getByLabel('رسالتك').press('Enter');
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAAABJRU5ErkJggg==',
        'base64',
      );
      await visitor.locator('#wasl-webchat input[type=file]').setInputFiles({ name: 'بطاقة.png', mimeType: 'image/png', buffer: png });

      await attachmentStored(webchatInbox.id);
      await open(`/conversations/${await conversationOfInbox(webchatInbox.id)}/contact`);
      await page.locator('.message-inbound', { hasText: 'أرغب في التطوع مع الجمعية' }).waitFor();
      // The visitor's photo is shown inline, loaded through the staff download.
      const image = page.locator('.attachment-image img');
      await image.waitFor();
      await page.waitForFunction(() => (document.querySelector('.attachment-image img') as HTMLImageElement | null)?.naturalWidth === 1);
      // The typed number is a claim: shown, unverified.
      await page.locator('.contact-identities li[data-verified="false"]', { hasText: '+966551112233' }).waitFor();
      const reply = 'وعليكم السلام، يسعدنا انضمامك لفريق التطوع';
      await page.locator('.composer textarea').fill(reply);
      await page.getByRole('button', { name: 'إرسال', exact: true }).click();
      await visitor.getByText(reply).waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/web-conversation-panel-ar.png` });
    } finally {
      await visitorContext.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it('should start a conversation by SMS and record a walk-in visit from the inbox, with the API’s field problem on its field', async () => {
    const walkIn = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'walk_in', name: 'مقر الجمعية', settings: { location: 'الرياض' } },
    });
    await wasl.request('PUT', `/api/v1/inboxes/${walkIn.body.id}/access`, {
      token: organisation.adminToken,
      body: { teamIds: [], userIds: [officerId] },
    });
    await page.goto(`${wasl.url}/`);
    await page.getByTestId('live-status').waitFor();
    await page.getByRole('button', { name: 'محادثة جديدة' }).click();
    const dialog = page.getByRole('dialog', { name: 'بدء محادثة مع مستفيد' });
    const pickInbox = async (option: RegExp) => {
      await dialog.getByRole('combobox', { name: 'القناة' }).click();
      await page.getByRole('option', { name: option }).click();
    };
    await pickInbox(/ · الرسائل النصية$/);
    await dialog.getByLabel('رقم الجوال').fill('123');
    await dialog.getByLabel('نص الرسالة').fill('تذكير: موعد مقابلة البحث الاجتماعي غداً');
    await dialog.getByRole('button', { name: 'إرسال' }).click();
    await dialog.getByText('ليس رقم جوال صحيحاً.').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/web-new-conversation-ar.png` });
    expect(await accessibilityProblems(page)).toEqual([]);
    const phone = saudiMobile('7301');
    await dialog.getByLabel('رقم الجوال').fill(`0${phone.slice(4)}`);
    await dialog.getByRole('button', { name: 'إرسال' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.message-text', { hasText: 'تذكير: موعد مقابلة البحث الاجتماعي غداً' }).waitFor();
    const sms = await eventually(async () => {
      const rows: Array<{ status: string }> = await wasl.dataSource.query(
        `SELECT message.status FROM messages message JOIN contacts contact ON contact.id = message.contact_id
          WHERE contact.phone = $1 AND message.type = 'outbound'`,
        [phone],
      );
      return ['sent', 'delivered'].includes(rows[0]?.status) && rows;
    }, 'the first SMS to reach the provider');
    expect(sms).toHaveLength(1);

    await page.getByRole('button', { name: 'محادثة جديدة' }).click();
    await pickInbox(/^مقر الجمعية · تسجيل مقابلة$/);
    await dialog.getByLabel('اسم المستفيد').fill('أبو فهد');
    await dialog.getByLabel('ملخص المقابلة').fill('حضر للاستفسار عن مواعيد توزيع السلال الغذائية');
    await dialog.getByRole('button', { name: 'حفظ المقابلة' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.message-text', { hasText: 'حضر للاستفسار عن مواعيد توزيع السلال الغذائية' }).waitFor();
    const [visit] = await wasl.dataSource.query(
      `SELECT message.type, conversation.status, conversation.assignee_id FROM messages message
         JOIN conversations conversation ON conversation.id = message.conversation_id WHERE conversation.inbox_id = $1`,
      [walkIn.body.id],
    );
    expect(visit).toEqual({ type: 'note', status: 'open', assignee_id: officerId });
    expect(pageErrors).toEqual([]);
  });
});
