import { buildDataSourceOptions } from '@app/database';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { StripAttachmentSignatures1795689432583 as StripOnPostgres } from '../../libs/database/src/migrations/postgres/1795689432583-StripAttachmentSignatures';
import { StripAttachmentSignatures1795689432583 as StripOnSqlite } from '../../libs/database/src/migrations/sqlite/1795689432583-StripAttachmentSignatures';
import { WaslTestApp } from '../support/wasl-test-app';

const SIGNATURE = 'ab'.repeat(32);

// A web-chat upload stored the old way, beside a provider's own URL that merely has a `signature` parameter.
function legacyRows() {
  const path = `/webchat/files/${randomUUID()}/${'c'.repeat(40)}/${randomUUID()}.png`;
  const provider = `https://media.example.org/file.png?signature=${SIGNATURE}`;
  const attachments = JSON.stringify([{ url: `${path}?signature=${SIGNATURE}`, contentType: 'image/png' }, { url: provider }]);
  const payload = JSON.stringify({ providerMessageId: 'v:1', text: 'صورة', attachments: [{ url: `${path}?signature=${SIGNATURE}` }] });
  return {
    attachments,
    payload,
    expectedAttachments: [{ url: path, contentType: 'image/png' }, { url: provider }],
    expectedPayloadUrl: path,
  };
}

async function insertRows(dataSource: DataSource, placeholder: (index: number) => string) {
  const rows = legacyRows();
  const messageId = randomUUID();
  const now = new Date().toISOString();
  const values = Array.from({ length: 11 }, (_, index) => placeholder(index + 1)).join(', ');
  await dataSource.query(
    `INSERT INTO messages (id, organisation_id, conversation_id, inbox_id, contact_id, type, text, attachments, created_at, stored_at, updated_at)
     VALUES (${values})`,
    [messageId, randomUUID(), randomUUID(), randomUUID(), randomUUID(), 'inbound', 'صورة', rows.attachments, now, now, now],
  );
  await dataSource.query(
    `INSERT INTO inbound_events (organisation_id, inbox_id, provider_message_id, payload, received_at, message_id)
     VALUES (${placeholder(1)}, ${placeholder(2)}, ${placeholder(3)}, ${placeholder(4)}, ${placeholder(5)}, ${placeholder(6)})`,
    [randomUUID(), randomUUID(), `v:${randomUUID()}`, rows.payload, now, messageId],
  );
  return { messageId, ...rows };
}

async function expectStripped(dataSource: DataSource, inserted: Awaited<ReturnType<typeof insertRows>>, placeholder: string) {
  const [message] = await dataSource.query(`SELECT attachments FROM messages WHERE id = ${placeholder}`, [inserted.messageId]);
  expect(JSON.parse(message.attachments)).toEqual(inserted.expectedAttachments);
  const [event] = await dataSource.query(`SELECT payload FROM inbound_events WHERE message_id = ${placeholder}`, [inserted.messageId]);
  expect(JSON.parse(event.payload).attachments).toEqual([{ url: inserted.expectedPayloadUrl }]);
}

describe('StripAttachmentSignatures: no stored web-chat attachment URL keeps its former never-expiring signature', () => {
  it('should strip them on PostgreSQL and leave other URLs alone', async () => {
    const wasl = await WaslTestApp.start({ WASL_ROLE: 'gateway' });
    try {
      const inserted = await insertRows(wasl.dataSource, (index) => `$${index}`);
      const runner = wasl.dataSource.createQueryRunner();
      try {
        await new StripOnPostgres().up(runner);
      } finally {
        await runner.release();
      }
      await expectStripped(wasl.dataSource, inserted, '$1');
    } finally {
      await wasl.close();
    }
  });

  it('should strip them on SQLite and leave other URLs alone', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'wasl-sqlite-'));
    const dataSource = new DataSource(buildDataSourceOptions({ kind: 'sqlite', path: join(directory, 'wasl.sqlite') }));
    try {
      await dataSource.initialize();
      await dataSource.runMigrations();
      const inserted = await insertRows(dataSource, () => '?');
      const runner = dataSource.createQueryRunner();
      try {
        await new StripOnSqlite().up(runner);
      } finally {
        await runner.release();
      }
      await expectStripped(dataSource, inserted, '?');
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
