// npm run bench:web — the staff web app as an officer meets it, in Debian's Chromium against a gateway started from
// dist/ (npm run build first) on a scratch PostgreSQL database, gateway and worker in one process (WASL_ROLE=all, what
// `npm start` runs). Measures: the JavaScript and CSS the login and inbox pages load (their gzip files, what the
// gateway sends a gzip client; Chromium itself is sent brotli, also reported); the time from a signed API-channel
// webhook POST to the message shown in the conversation open in the page, at BENCH_WEB_RATE messages/s (default 20)
// for BENCH_WEB_MESSAGES messages (default 200); and the time to show the inbox's first page with BENCH_WEB_CONVERSATIONS
// conversations (default 100,000, filled with set-based SQL), over BENCH_WEB_LOADS page loads (default 20). One JSON
// line. Environment: DATABASE_URL (server for the scratch database), REDIS_URL and the BENCH_WEB_* above.
import { ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { chromium, Page } from 'playwright-core';
import { CHROMIUM_ARGUMENTS } from '../support/chromium-page';
import { removeKeysWithPrefix } from '../support/redis-keys';
import { assertBuilt, percentile, redisUrl, root, round, scratchDatabaseUrl, serverUrl, waitFor } from './bench-support';
import { freePort, waitForOwnServer } from './bench-server.util';

const rate = Number(process.env.BENCH_WEB_RATE ?? 20);
const messageCount = Number(process.env.BENCH_WEB_MESSAGES ?? 200);
const conversationCount = Number(process.env.BENCH_WEB_CONVERSATIONS ?? 100_000);
const pageLoads = Number(process.env.BENCH_WEB_LOADS ?? 20);
const WEB_ROOT = join(root, 'dist', 'web');

interface PageWeight {
  javascriptGzipBytes: number;
  cssGzipBytes: number;
  javascriptTransferredBytes: number;
  cssTransferredBytes: number;
}

// The scripts and styles a page loads, as the browser asked for them: gzip sizes from the files the gateway serves,
// and what Chromium received (brotli) from the response sizes.
async function weighPage(page: Page, open: () => Promise<void>): Promise<PageWeight> {
  const assets = new Map<string, number>();
  const onResponse = async (response: import('playwright-core').Response) => {
    const path = new URL(response.url()).pathname;
    if (!/^\/assets\/.+\.(js|css)$/.test(path)) return;
    const sizes = await response.request().sizes();
    assets.set(path, sizes.responseBodySize + sizes.responseHeadersSize);
  };
  page.on('response', onResponse);
  await open();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const weight: PageWeight = { javascriptGzipBytes: 0, cssGzipBytes: 0, javascriptTransferredBytes: 0, cssTransferredBytes: 0 };
  for (const [path, transferred] of assets) {
    const gzip = join(WEB_ROOT, `${path.slice(1)}.gz`);
    const gzipBytes = existsSync(gzip) ? statSync(gzip).size : statSync(join(WEB_ROOT, path.slice(1))).size;
    if (path.endsWith('.js')) {
      weight.javascriptGzipBytes += gzipBytes;
      weight.javascriptTransferredBytes += transferred;
    } else {
      weight.cssGzipBytes += gzipBytes;
      weight.cssTransferredBytes += transferred;
    }
  }
  return weight;
}

async function fill(database: Client, organisationId: string, inboxId: string): Promise<void> {
  await database.query(
    `INSERT INTO contacts (id, organisation_id, name, phone, created_at, updated_at)
     SELECT gen_random_uuid(), $1, (ARRAY['نورة', 'أحمد', 'فاطمة', 'عبدالله'])[1 + g % 4] || ' ' || g,
            '+9665' || lpad(g::text, 8, '0'), now(), now()
       FROM generate_series(1, $2::int) g`,
    [organisationId, conversationCount],
  );
  await database.query(
    `INSERT INTO conversations (id, organisation_id, number, inbox_id, contact_id, channel, status, labels, last_message_preview,
                                last_activity_at, waiting_since, created_at, updated_at)
     SELECT gen_random_uuid(), $1, 1000 + row_number() OVER (), $2, id, 'api',
            CASE WHEN random() < 0.8 THEN 'open' ELSE 'resolved' END, '[]', 'أحتاج مساعدة لأسرتي في دفع الإيجار',
            now() - random() * interval '90 days', now() - interval '1 hour', now(), now()
       FROM contacts WHERE organisation_id = $1`,
    [organisationId, inboxId],
  );
  await database.query(
    `INSERT INTO messages (id, organisation_id, conversation_id, inbox_id, contact_id, type, text, attachments, created_at, sequence,
                           stored_at, updated_at)
     SELECT gen_random_uuid(), $1, id, $2, contact_id, 'inbound', 'أحتاج مساعدة لأسرتي في دفع الإيجار', '[]', last_activity_at,
            row_number() OVER (), now(), now()
       FROM conversations WHERE organisation_id = $1`,
    [organisationId, inboxId],
  );
  await database.query('VACUUM ANALYZE contacts, conversations, messages');
}

async function main(): Promise<void> {
  assertBuilt();
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error('Build the web app first: npm run build');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const name = `wasl_bench_web_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = scratchDatabaseUrl(name);
  const password = randomBytes(12).toString('hex');
  const queuePrefix = `wasl-bench-${randomBytes(3).toString('hex')}`;
  let gateway: ChildProcess | undefined;
  const database = new Client({ connectionString: url });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGUMENTS });
  try {
    gateway = spawn(process.execPath, [join(root, 'dist/apps/gateway/src/main.js')], {
      env: {
        ...process.env,
        WASL_ROLE: 'all',
        DATABASE_URL: url,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: queuePrefix,
        WASL_JWT_SECRET: randomBytes(32).toString('hex'),
        WASL_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        WASL_ADMIN_EMAIL: 'bench@example.org',
        WASL_ADMIN_PASSWORD: password,
        PORT: String(port),
        PUBLIC_URL: base,
        LOG_LEVEL: 'warn',
        // The bench's callback URL is on loopback.
        OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForOwnServer(gateway, `${base}/health/ready`, 'the gateway');
    await database.connect();
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.org', password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const created = await fetch(`${base}/api/v1/inboxes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ channel: 'api', name: 'Bench', callbackUrl: 'http://127.0.0.1:9/unused' }),
    });
    const inbox = (await created.json()) as { id: string; secret: string };
    const post = (body: object) => {
      const raw = JSON.stringify(body);
      const signature = `sha256=${createHmac('sha256', inbox.secret).update(raw).digest('hex')}`;
      return fetch(`${base}/webhooks/api/${inbox.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wasl-signature': signature },
        body: raw,
      });
    };

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar-SA', timezoneId: 'Asia/Riyadh' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    // Initial load of each page, from a cold cache.
    const loginWeight = await weighPage(page, async () => {
      await page.goto(`${base}/`);
      await page.getByRole('button', { name: 'دخول' }).waitFor();
    });
    await context.close();
    const coldContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar-SA' });
    const inboxPage = await coldContext.newPage();
    inboxPage.setDefaultTimeout(30_000);
    await inboxPage.goto(`${base}/`);
    await inboxPage.getByLabel('البريد الإلكتروني').fill('bench@example.org');
    await inboxPage.getByLabel('كلمة المرور').fill(password);
    await inboxPage.getByRole('button', { name: 'دخول' }).click();
    await inboxPage.getByTestId('live-status').getByText('متصل').waitFor();
    // The inbox page opened fresh by a signed-in officer: a new tab with an empty cache and the session cookie.
    const signedIn = await coldContext.storageState();
    const freshContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar-SA', storageState: signedIn });
    const freshPage = await freshContext.newPage();
    freshPage.setDefaultTimeout(30_000);
    const inboxWeight = await weighPage(freshPage, async () => {
      await freshPage.goto(`${base}/`);
      await freshPage.getByTestId('live-status').getByText('متصل').waitFor();
    });
    await freshContext.close();

    // Webhook → visible: one beneficiary writes at the given rate while the officer has the conversation open.
    const first = await post({ messageId: 'bench-open', from: { id: 'bench-visitor', name: 'سارة القحطاني' }, text: 'السلام عليكم' });
    if (first.status !== 202) throw new Error(`the webhook answered ${first.status}`);
    await inboxPage.locator('.conversation-item', { hasText: 'سارة القحطاني' }).click();
    await inboxPage.locator('.message-inbound', { hasText: 'السلام عليكم' }).waitFor();
    await inboxPage.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: Record<string, number> }).__seen = seen;
      new MutationObserver(() => {
        for (const text of Array.from(document.querySelectorAll('.message-inbound .message-text'))) {
          const value = text.textContent ?? '';
          if (value.startsWith('رسالة رقم ') && !(value in seen)) seen[value] = Date.now();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const sentAt = new Map<string, number>();
    const started = performance.now();
    const posts: Array<Promise<unknown>> = [];
    for (let index = 0; index < messageCount; index += 1) {
      const due = started + (index * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const text = `رسالة رقم ${index}`;
      sentAt.set(text, Date.now());
      posts.push(post({ messageId: `bench-${index}`, from: { id: 'bench-visitor', name: 'سارة القحطاني' }, text }));
    }
    await Promise.all(posts);
    await waitFor(
      async () => (await inboxPage.evaluate(() => Object.keys((window as unknown as { __seen: object }).__seen).length)) >= messageCount,
      'every message in the page',
    );
    const seen = await inboxPage.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
    const visibleAfter = [...sentAt].map(([text, at]) => seen[text] - at).sort((left, right) => left - right);
    // Where the time goes: POST to stored by the worker, and stored to shown in the page.
    const stored: Array<{ text: string; created_at: Date; stored_at: Date }> = (
      await database.query("SELECT text, created_at, stored_at FROM messages WHERE text LIKE 'رسالة رقم %'")
    ).rows;
    const toStored = stored.map((row) => row.stored_at.getTime() - sentAt.get(row.text)!).sort((left, right) => left - right);
    const storedToShown = stored.map((row) => seen[row.text] - row.stored_at.getTime()).sort((left, right) => left - right);
    await coldContext.close();

    // The first inbox page over a large organisation.
    const fillStarted = performance.now();
    const { rows } = await database.query('SELECT organisation_id FROM inboxes WHERE id = $1', [inbox.id]);
    await fill(database, rows[0].organisation_id, inbox.id);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const largeContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar-SA', storageState: signedIn });
    const largePage = await largeContext.newPage();
    largePage.setDefaultTimeout(30_000);
    const firstPage: number[] = [];
    for (let load = 0; load <= pageLoads; load += 1) {
      await largePage.goto(`${base}/`);
      await largePage.locator('.conversation-item').first().waitFor();
      // From the navigation's start to the first row on screen; the first load warms the server and is left out.
      const shownAt = await largePage.evaluate(() => performance.now());
      if (load > 0) firstPage.push(shownAt);
    }
    firstPage.sort((left, right) => left - right);
    const apiPage: number[] = [];
    for (let index = 0; index < pageLoads; index += 1) {
      const apiStarted = performance.now();
      const response = await fetch(`${base}/api/v1/conversations?status=open&limit=50`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      await response.json();
      apiPage.push(performance.now() - apiStarted);
    }
    apiPage.sort((left, right) => left - right);
    await largeContext.close();

    console.log(
      JSON.stringify({
        benchmark: 'web',
        machine: `${cpus().length} cores`,
        loginPage: loginWeight,
        inboxPage: inboxWeight,
        webhookToVisible: {
          ratePerSecond: rate,
          messages: messageCount,
          p50Ms: round(percentile(visibleAfter, 0.5)),
          p95Ms: round(percentile(visibleAfter, 0.95)),
          maxMs: round(visibleAfter[visibleAfter.length - 1]),
          postToStoredP50Ms: round(percentile(toStored, 0.5)),
          postToStoredP95Ms: round(percentile(toStored, 0.95)),
          storedToShownP50Ms: round(percentile(storedToShown, 0.5)),
          storedToShownP95Ms: round(percentile(storedToShown, 0.95)),
        },
        firstInboxPage: {
          conversations: conversationCount,
          fillSeconds: round(fillSeconds),
          loads: firstPage.length,
          p50Ms: round(percentile(firstPage, 0.5)),
          p95Ms: round(percentile(firstPage, 0.95)),
          apiFirstPageP50Ms: round(percentile(apiPage, 0.5)),
          apiFirstPageP95Ms: round(percentile(apiPage, 0.95)),
        },
        indexHtmlBytes: readFileSync(join(WEB_ROOT, 'index.html')).length,
      }),
    );
  } finally {
    await browser.close().catch(() => undefined);
    gateway?.kill('SIGTERM');
    await database.end().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await removeKeysWithPrefix(redisUrl, `${queuePrefix}:`).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
