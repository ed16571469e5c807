import { InboxesService } from '@app/inboxes';
import { UserRole } from '@app/identity';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGUMENTS } from '../support/chromium-page';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { WebChatVisitor } from '../support/webchat-visitor';

const SITE = 'https://www.example.org';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
// Links live two seconds in this app, so the suite can watch one expire.
const LINK_SECONDS = 2;

interface StoredRow {
  id: string;
  conversation_id: string;
  attachments: string;
}

describe('Web chat attachments: expiring visitor links, the visitor’s own token, audited staff downloads', () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let other: TestOrganisation;
  let inbox: { id: string };
  let owner: WebChatVisitor;
  let stranger: WebChatVisitor;
  let uploaded: { id: string; url: string };
  let message: { id: string; conversationId: string; storedUrl: string };
  const visitors: WebChatVisitor[] = [];
  const mobile = () => `05${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;

  async function visitor(name: string): Promise<WebChatVisitor> {
    const connected = await WebChatVisitor.connect(wasl.url, { inboxId: inbox.id, profile: { name, phone: mobile() } }, SITE);
    visitors.push(connected);
    return connected;
  }

  const get = (path: string, headers: Record<string, string> = {}) => fetch(wasl.url + path, { headers });

  beforeAll(async () => {
    wasl = await WaslTestApp.start({ WEBCHAT_ATTACHMENT_LINK_SECONDS: String(LINK_SECONDS) });
    organisation = await wasl.createOrganisation();
    other = await wasl.createOrganisation('جمعية أخرى');
    const created = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'webchat', name: `الموقع ${randomUUID().slice(0, 6)}`, settings: { allowedOrigins: [SITE] } },
    });
    expect(created.status).toBe(201);
    inbox = created.body;
    owner = await visitor('صاحبة الهوية');
    stranger = await visitor('زائر آخر');

    const upload = await fetch(`${wasl.url}/webchat/inboxes/${inbox.id}/attachments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-wasl-visitor-token': owner.session.visitorToken,
        'x-file-name': encodeURIComponent('الهوية.png'),
        origin: SITE,
      },
      body: new Uint8Array(PNG),
    });
    expect(upload.status).toBe(201);
    uploaded = (await upload.json()) as { id: string; url: string };
    const sent = await owner.send(`id-card-${randomUUID().slice(0, 6)}`, 'صورة الهوية', [{ id: uploaded.id, fileName: 'الهوية.png' }]);
    const row = await (async () => {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const rows: StoredRow[] = await wasl.dataSource.query('SELECT id, conversation_id, attachments FROM messages WHERE id = $1', [
          sent.id,
        ]);
        if (rows[0]) return rows[0];
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the message was not stored');
    })();
    const [attachment] = JSON.parse(row.attachments) as Array<{ url: string }>;
    message = { id: row.id, conversationId: row.conversation_id, storedUrl: attachment.url };
  });

  afterAll(async () => {
    for (const connected of visitors) connected.close();
    await wasl.close();
  });

  it('should keep only a bare path in the message row, which by itself opens nothing', async () => {
    expect(message.storedUrl).toBe(uploaded.url.split('?')[0]);
    expect(message.storedUrl).not.toMatch(/signature|expires|\?/);
    const events: Array<{ payload: string }> = await wasl.dataSource.query(
      "SELECT payload::text AS payload FROM inbound_events WHERE payload::text LIKE '%' || $1 || '%'",
      [uploaded.id],
    );
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(event.payload).not.toMatch(/signature=|expires=/);
    expect((await get(message.storedUrl)).status).toBe(404);
  });

  it('should serve a freshly minted link, refuse it once it has expired, and never accept a forged expiry or a former never-expiring link', async () => {
    const [fromHistory] = (await owner.history()).filter((item) => item.attachments?.length);
    const link = fromHistory.attachments![0].url!;
    expect(link).toMatch(/^\/webchat\/files\/.+\?expires=\d{13}&signature=[0-9a-f]{64}$/);
    const expires = Number(new URL(link, wasl.url).searchParams.get('expires'));
    expect(expires - Date.now()).toBeLessThanOrEqual(LINK_SECONDS * 1000);
    const fresh = await get(link);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await fresh.arrayBuffer())).toEqual(PNG);

    // Extending the expiry breaks the signature; the former never-expiring signature over the path is refused too.
    expect((await get(link.replace(/expires=\d+/, `expires=${expires + 86_400_000}`))).status).toBe(404);
    const { secrets } = (await wasl.app.get(InboxesService).findWithSecrets(inbox.id))!;
    const [, , , inboxId, visitorKey, fileId] = message.storedUrl.split('/');
    const legacy = createHmac('sha256', secrets.signingSecret).update(`file:${inboxId}/${visitorKey}/${fileId}`).digest('hex');
    expect((await get(`${message.storedUrl}?signature=${legacy}`)).status).toBe(404);

    await new Promise((resolve) => setTimeout(resolve, LINK_SECONDS * 1000 + 300));
    const expired = await get(link);
    expect(expired.status).toBe(403);
    expect((await get(uploaded.url)).status).toBe(403);
    // Asking again (opening the chat) mints a new link that works.
    const [again] = (await owner.history()).filter((item) => item.attachments?.length);
    expect((await get(again.attachments![0].url!)).status).toBe(200);
  });

  it('should serve the file to its visitor’s own token and to nobody else’s', async () => {
    const own = await get(message.storedUrl, { 'x-wasl-visitor-token': owner.session.visitorToken });
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer())).toEqual(PNG);
    expect((await get(message.storedUrl, { 'x-wasl-visitor-token': stranger.session.visitorToken })).status).toBe(404);
    expect((await get(message.storedUrl, { 'x-wasl-visitor-token': 'forged.token' })).status).toBe(404);
    // Nor does another visitor's chat ever show it.
    expect(JSON.stringify(await stranger.history())).not.toContain(uploaded.id);
  });

  it('should let staff download with their session, audit it, and refuse without one or outside the organisation', async () => {
    const path = `/api/v1/webchat/conversations/${message.conversationId}/messages/${message.id}/attachments/0`;
    const download = await get(path, { authorization: `Bearer ${organisation.adminToken}` });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);

    const audit = await wasl.request<{ items: Array<{ actorUserId: string; subjectType: string; subjectId: string; details: unknown }> }>(
      'GET',
      `/api/v1/admin/audit-log?action=attachment.downloaded&subjectId=${message.conversationId}`,
      { token: organisation.adminToken },
    );
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actorUserId: organisation.adminId,
        subjectType: 'conversation',
        subjectId: message.conversationId,
        details: expect.objectContaining({ messageId: message.id, index: 0 }),
      }),
    ]);

    // The staff web app's session cookie works too, so a page can show the image directly.
    expect((await get(path, { cookie: `wasl_session=${organisation.adminToken}` })).status).toBe(200);
    expect((await get(path)).status).toBe(401);
    expect((await get(path, { authorization: `Bearer ${other.adminToken}` })).status).toBe(404);
    const committee = await wasl.createUser(organisation.adminToken, UserRole.Committee);
    expect((await get(path, { authorization: `Bearer ${committee.token}` })).status).toBe(403);
    for (const wrong of [
      `/api/v1/webchat/conversations/${message.conversationId}/messages/${message.id}/attachments/1`,
      `/api/v1/webchat/conversations/${message.conversationId}/messages/${message.id}/attachments/x`,
      `/api/v1/webchat/conversations/${message.conversationId}/messages/${randomUUID()}/attachments/0`,
    ]) {
      expect((await get(wrong, { authorization: `Bearer ${organisation.adminToken}` })).status).toBe(404);
    }
    // Refusals read nothing, so they are not in the log.
    const after = await wasl.request<{ items: unknown[] }>('GET', '/api/v1/admin/audit-log?action=attachment.downloaded', {
      token: organisation.adminToken,
    });
    expect(after.body.items).toHaveLength(2);
  });

  it('should let the widget open a PDF whose link expired while the chat stayed open, by fetching a fresh link', async () => {
    const profileDirectory = await mkdtemp(join(tmpdir(), 'wasl-chromium-'));
    const browser = await chromium.launchPersistentContext(profileDirectory, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGUMENTS,
      locale: 'ar-SA',
    });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      page.setDefaultTimeout(8_000);
      await page.goto(`${wasl.url}/demo?inbox=${inbox.id}`);
      await page.getByRole('button', { name: 'راسلنا' }).click();
      await page.getByLabel('الاسم').fill('ريم');
      await page.getByLabel('رقم الجوال').fill(mobile());
      await page.getByRole('button', { name: 'ابدأ المحادثة' }).click();
      await page.getByLabel('رسالتك').waitFor();
      const pdf = Buffer.from('%PDF-1.4\n% تقرير طبي\n%%EOF\n');
      await page.locator('#wasl-webchat input[type=file]').setInputFiles({ name: 'تقرير.pdf', mimeType: 'application/pdf', buffer: pdf });
      const link = page.getByRole('link', { name: 'تقرير.pdf' });
      await link.waitFor();
      // Wait for the acknowledgement, which gives the bubble the message's id.
      await page.locator('#wasl-webchat .bubble.visitor:not([data-id^="pending-"]) a').waitFor();
      const before = (await link.getAttribute('href'))!;

      await new Promise((resolve) => setTimeout(resolve, LINK_SECONDS * 1000 + 300));
      expect((await fetch(before)).status).toBe(403);
      await link.click();
      const after = await eventually(async () => {
        const href = await link.getAttribute('href');
        return href && href !== before ? href : undefined;
      }, 'a fresh link in the widget');
      expect(Number(new URL(after).searchParams.get('expires'))).toBeGreaterThan(Date.now());
      const fresh = await fetch(after);
      expect(fresh.status).toBe(200);
      expect(Buffer.from(await fresh.arrayBuffer())).toEqual(pdf);
    } finally {
      await browser.close();
      await rm(profileDirectory, { recursive: true, force: true });
    }
  }, 30_000);
});
