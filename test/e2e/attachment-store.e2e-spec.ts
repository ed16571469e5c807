import { S3AttachmentStore } from '@app/storage';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalS3Server } from '../support/s3-server';
import { TEST_DATABASE_URL_VARIABLE, TEST_REDIS_URL, testQueuePrefix } from '../support/test-environment';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { WebChatVisitor } from '../support/webchat-visitor';

const SITE = 'https://www.example.org';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 9)]);
const root = join(__dirname, '..', '..');

async function keysIn(store: S3AttachmentStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const { key } of store.list()) keys.push(key);
  return keys;
}

describe('One attachment store: web chat files on S3-compatible object storage, and moving files off the disk', () => {
  const s3 = new LocalS3Server();
  let bucket: S3AttachmentStore;
  const directory = mkdtempSync(join(tmpdir(), 'wasl-attachments-disk-'));
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string };
  let visitor: WebChatVisitor;

  beforeAll(async () => {
    await s3.start();
    bucket = (await import('@app/storage').then(({ createAttachmentStore }) =>
      createAttachmentStore({ store: 's3', directory, s3: s3.settings() }),
    )) as S3AttachmentStore;
    // The disk folder is configured too, so the test sees that nothing lands there.
    wasl = await WaslTestApp.start({ ...s3.environment(), ATTACHMENT_DIRECTORY: directory });
    organisation = await wasl.createOrganisation();
    const created = await wasl.request<{ id: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'webchat', name: `الموقع ${randomUUID().slice(0, 6)}`, settings: { allowedOrigins: [SITE] } },
    });
    expect(created.status).toBe(201);
    inbox = created.body;
    visitor = await WebChatVisitor.connect(wasl.url, { inboxId: inbox.id, profile: { name: 'ريم', phone: '0551230000' } }, SITE);
  });

  afterAll(async () => {
    visitor.close();
    await wasl.close();
    bucket.onModuleDestroy();
    await s3.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  const upload = (body: Buffer) =>
    fetch(`${wasl.url}/webchat/inboxes/${inbox.id}/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-wasl-visitor-token': visitor.session.visitorToken, origin: SITE },
      body: new Uint8Array(body),
    });

  it('should keep uploads in the bucket, serve them to the visitor and to staff from it, and erase them there', async () => {
    const answer = await upload(PNG);
    expect(answer.status).toBe(201);
    const uploaded = (await answer.json()) as { id: string; url: string };
    expect(await keysIn(bucket)).toEqual([expect.stringMatching(new RegExp(`^${inbox.id}/[0-9a-f]{40}/${uploaded.id}$`))]);
    expect(readdirSync(directory)).toEqual([]);

    const visitorCopy = await fetch(wasl.url + uploaded.url);
    expect(visitorCopy.status).toBe(200);
    expect(visitorCopy.headers.get('content-length')).toBe(String(PNG.length));
    expect(Buffer.from(await visitorCopy.arrayBuffer()).equals(PNG)).toBe(true);

    const sent = await visitor.send(`card-${randomUUID().slice(0, 6)}`, 'صورة البطاقة', [{ id: uploaded.id, fileName: 'بطاقة.png' }]);
    const row = await eventually(async () => {
      const rows: { conversation_id: string; contact_id: string }[] = await wasl.dataSource.query(
        'SELECT conversation_id, contact_id FROM messages WHERE id = $1',
        [sent.id],
      );
      return rows[0];
    }, 'the message to be stored');
    const staffCopy = await fetch(`${wasl.url}/api/v1/webchat/conversations/${row.conversation_id}/messages/${sent.id}/attachments/0`, {
      headers: { authorization: `Bearer ${organisation.adminToken}` },
    });
    expect(staffCopy.status).toBe(200);
    expect(Buffer.from(await staffCopy.arrayBuffer()).equals(PNG)).toBe(true);

    const erased = await wasl.request('POST', `/api/v1/contacts/${row.contact_id}/erase`, {
      token: organisation.adminToken,
      body: { mode: 'delete', confirm: row.contact_id },
    });
    expect(erased.status).toBe(200);
    expect(await keysIn(bucket)).toEqual([]);
  });

  it('should refuse an upload past the limit and keep nothing of it', async () => {
    const answer = await upload(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
    expect(answer.status).toBe(413);
    expect(await keysIn(bucket)).toEqual([]);
  });

  it('should move existing files from the disk to the bucket with the CLI, verified, and find nothing left the second time', async () => {
    const key = `${randomUUID()}/${'e'.repeat(40)}/${randomUUID()}.png`;
    mkdirSync(join(directory, ...key.split('/').slice(0, 2)), { recursive: true });
    writeFileSync(join(directory, ...key.split('/')), PNG);
    const first = await runCli('attachments:move-to-object-store');
    expect(first).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('1 copied and verified, 0 already in the bucket, 1 removed from disk, 0 failed'),
    });
    expect(await keysIn(bucket)).toEqual([key]);
    expect(readdirSync(join(directory, ...key.split('/').slice(0, 2)))).toEqual([]);
    expect(await runCli('attachments:move-to-object-store')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^0 files in /) });
  });

  // Not spawnSync: the S3 stand-in answers from this process's event loop.
  function runCli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [join(root, 'scripts/run-ts.js'), join(root, 'apps/gateway/src/cli.ts'), ...args], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: process.env[TEST_DATABASE_URL_VARIABLE],
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: `${testQueuePrefix()}-cli`,
        WASL_JWT_SECRET: 'j'.repeat(40),
        WASL_ENCRYPTION_KEY: 'a'.repeat(64),
        ATTACHMENT_DIRECTORY: directory,
        ...s3.environment(),
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
  }
});
