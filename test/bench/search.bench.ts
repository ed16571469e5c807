// npm run bench:search — conversation search (GET /api/v1/conversations?q=) over a large organisation, on real
// PostgreSQL. Starts a gateway from dist/ (npm run build first) on a scratch database, fills one organisation
// with BENCH_MESSAGES messages (default 200,000) over BENCH_CONVERSATIONS conversations (default 20,000),
// times searches through the staff API, and times the same message match folding the text at query time, the
// alternative the stored search_text column replaced. Prints one JSON line. Environment: DATABASE_URL (server
// to create the scratch database on), REDIS_URL, BENCH_MESSAGES, BENCH_CONVERSATIONS, BENCH_QUERIES.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { removeKeysWithPrefix } from '../support/redis-keys';
import { assertBuilt, percentile, redisUrl, root, round, scratchDatabaseUrl, serverUrl } from './bench-support';
import { freePort, waitForOwnServer } from './bench-server.util';

const messageCount = Number(process.env.BENCH_MESSAGES ?? 200_000);
const conversationCount = Number(process.env.BENCH_CONVERSATIONS ?? 20_000);
const queriesPerTerm = Number(process.env.BENCH_QUERIES ?? 20);
// Chosen in main() by freePort: a random port could belong to another instance.
let port = 0;
let base = '';

// Typed the way officers type: without hamza, ha for ta marbuta, a phone fragment, a name, and a rare word.
const TERMS = ['مساعده لاسرتي', 'لجنه البحث', 'نوره', '0500012', 'مستعجل جدا'];
const TEXTS = [
  'السلام عليكم، أرغب في الاستفسار عن حالة طلب الدعم المقدم الأسبوع الماضي',
  'متى يصدر قرار لجنة البحث بخصوص طلبي؟',
  'أرجو تحديث رقم الجوال المسجل لدى الجمعية',
  'شكراً لكم على سرعة الاستجابة والخدمة المميزة',
  'أحتاج مساعدة لأسرتي في دفع الإيجار',
];

async function fill(database: Client, organisationId: string, inboxId: string): Promise<void> {
  // Contacts and conversations in bulk; one in 2,000 messages carries the rare phrase.
  await database.query(
    `INSERT INTO contacts (id, organisation_id, name, phone, created_at, updated_at)
     SELECT gen_random_uuid(), $1, (ARRAY['نورة', 'أحمد', 'فاطمة', 'عبدالله'])[1 + g % 4] || ' ' || g,
            '+9665' || lpad(g::text, 8, '0'), now(), now()
       FROM generate_series(1, $2::int) g`,
    [organisationId, conversationCount],
  );
  await database.query(
    `INSERT INTO conversations (id, organisation_id, number, inbox_id, contact_id, channel, status, labels, last_activity_at, created_at, updated_at)
     SELECT gen_random_uuid(), $1, 1000 + row_number() OVER (), $2, id, 'api', 'open', '[]',
            now() - random() * interval '90 days', now(), now()
       FROM contacts WHERE organisation_id = $1`,
    [organisationId, inboxId],
  );
  await database.query(
    `WITH numbered AS (SELECT id, contact_id, row_number() OVER () - 1 AS slot FROM conversations WHERE organisation_id = $1)
     INSERT INTO messages (id, organisation_id, conversation_id, inbox_id, contact_id, type, text, attachments, created_at, sequence, stored_at, updated_at)
     SELECT gen_random_uuid(), $1, numbered.id, $2, numbered.contact_id, 'inbound',
            CASE WHEN g % 2000 = 0 THEN 'طلب مستعجل جداً' ELSE ($3::text[])[1 + g % 5] END || ' ' || g,
            '[]', now(), g, now(), now()
       FROM generate_series(1, $4::int) g
       JOIN numbered ON numbered.slot = g % $5::int`,
    [organisationId, inboxId, TEXTS, messageCount, conversationCount],
  );
  await database.query('VACUUM ANALYZE contacts, conversations, messages');
}

async function main(): Promise<void> {
  assertBuilt();
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const name = `wasl_bench_search_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = scratchDatabaseUrl(name);
  const password = randomBytes(12).toString('hex');
  const queuePrefix = `wasl-bench-${randomBytes(3).toString('hex')}`;
  let gateway: ChildProcess | undefined;
  const database = new Client({ connectionString: url });
  try {
    gateway = spawn(process.execPath, [join(root, 'dist/apps/gateway/src/main.js')], {
      env: {
        ...process.env,
        WASL_ROLE: 'gateway',
        DATABASE_URL: url,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: queuePrefix,
        WASL_JWT_SECRET: randomBytes(32).toString('hex'),
        WASL_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        WASL_ADMIN_EMAIL: 'bench@example.org',
        WASL_ADMIN_PASSWORD: password,
        PORT: String(port),
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
    const inbox = (await created.json()) as { id: string };
    const { rows } = await database.query('SELECT organisation_id FROM inboxes WHERE id = $1', [inbox.id]);
    const organisationId: string = rows[0].organisation_id;

    const fillStarted = performance.now();
    await fill(database, organisationId, inbox.id);
    const fillSeconds = (performance.now() - fillStarted) / 1000;

    const perTerm: Record<string, { p50Ms: number; p99Ms: number; found: number }> = {};
    const all: number[] = [];
    for (const term of TERMS) {
      const timings: number[] = [];
      let found = 0;
      for (let index = 0; index < queriesPerTerm; index += 1) {
        const started = performance.now();
        const response = await fetch(`${base}/api/v1/conversations?limit=25&q=${encodeURIComponent(term)}`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        const page = (await response.json()) as { items: unknown[] };
        if (response.status !== 200) throw new Error(`search answered ${response.status}`);
        timings.push(performance.now() - started);
        found = page.items.length;
      }
      timings.sort((left, right) => left - right);
      all.push(...timings);
      perTerm[term] = { p50Ms: round(percentile(timings, 0.5)), p99Ms: round(percentile(timings, 0.99)), found };
    }
    all.sort((left, right) => left - right);

    // The message match alone, on the stored fold and folded at query time.
    const matchMilliseconds = async (predicate: string): Promise<number> => {
      const started = performance.now();
      await database.query(`SELECT count(DISTINCT conversation_id) FROM messages WHERE organisation_id = $1 AND ${predicate}`, [
        organisationId,
        '%لجنه البحث%',
      ]);
      return performance.now() - started;
    };
    await matchMilliseconds('search_text LIKE $2');
    const stored = await matchMilliseconds('search_text LIKE $2');
    const foldedAtQueryTime = await matchMilliseconds('wasl_search_fold(text) LIKE $2');

    console.log(
      JSON.stringify({
        benchmark: 'search',
        machine: `${cpus().length} cores`,
        messages: messageCount,
        conversations: conversationCount,
        fillSeconds: round(fillSeconds),
        apiSearchP50Ms: round(percentile(all, 0.5)),
        apiSearchP99Ms: round(percentile(all, 0.99)),
        perTerm,
        messageMatchStoredFoldMs: round(stored),
        messageMatchFoldAtQueryTimeMs: round(foldedAtQueryTime),
      }),
    );
  } finally {
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
