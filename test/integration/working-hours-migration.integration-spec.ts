import { WorkingHoursDto } from '@app/channels';
import { validateInput } from '@app/common';
import { buildDataSourceOptions } from '@app/database';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, MigrationInterface } from 'typeorm';
import { UnifyWorkingHours1796229237654 as UnifyOnPostgres } from '../../libs/database/src/migrations/postgres/1796229237654-UnifyWorkingHours';
import { UnifyWorkingHours1796229237654 as UnifyOnSqlite } from '../../libs/database/src/migrations/sqlite/1796229237654-UnifyWorkingHours';
import { WaslTestApp } from '../support/wasl-test-app';

const RIYADH_WEEK = [0, 1, 2, 3, 4];

// Inboxes as the two channels stored their hours before, beside settings the migration must leave alone.
const LEGACY = [
  {
    name: 'voice office hours',
    channel: 'voice',
    settings: { forwardTo: ['+966110000001'], workingHours: { days: RIYADH_WEEK, opensAt: '08:00', closesAt: '16:00' } },
    unified: { forwardTo: ['+966110000001'], workingHours: { timeZone: 'Asia/Riyadh', days: RIYADH_WEEK, from: '08:00', to: '16:00' } },
  },
  {
    name: 'voice night shift',
    channel: 'voice',
    settings: { forwardTo: [], workingHours: { days: [4], opensAt: '20:00', closesAt: '02:00' } },
    unified: { forwardTo: [], workingHours: { timeZone: 'Asia/Riyadh', days: [4], from: '20:00', to: '02:00' } },
  },
  {
    name: 'web chat partial hours',
    channel: 'webchat',
    settings: { allowedOrigins: ['https://albir.org.sa'], workingHours: { from: '09:00' } },
    unified: {
      allowedOrigins: ['https://albir.org.sa'],
      workingHours: { timeZone: 'Asia/Riyadh', days: RIYADH_WEEK, from: '09:00', to: '16:00' },
    },
  },
  {
    name: 'web chat until the end of the day',
    channel: 'webchat',
    settings: { workingHours: { timeZone: 'Asia/Riyadh', days: [5, 6], from: '16:00', to: '24:59' } },
    unified: { workingHours: { timeZone: 'Asia/Riyadh', days: [5, 6], from: '16:00', to: '24:00' } },
  },
  {
    name: 'web chat already complete',
    channel: 'webchat',
    settings: { workingHours: { timeZone: 'Europe/London', days: [1, 2], from: '09:00', to: '17:00' } },
    unified: { workingHours: { timeZone: 'Europe/London', days: [1, 2], from: '09:00', to: '17:00' } },
  },
  { name: 'web chat without hours', channel: 'webchat', settings: { greeting: 'أهلًا' }, unified: { greeting: 'أهلًا' } },
];

async function insertLegacyInboxes(dataSource: DataSource, placeholder: (index: number) => string): Promise<Map<string, string>> {
  const organisationId = randomUUID();
  const ids = new Map<string, string>();
  for (const inbox of LEGACY) {
    const id = randomUUID();
    const values = Array.from({ length: 8 }, (_, index) => placeholder(index + 1)).join(', ');
    await dataSource.query(
      `INSERT INTO inboxes (id, organisation_id, name, channel, provider, settings, sealed_secrets, created_at) VALUES (${values})`,
      [
        id,
        organisationId,
        inbox.name,
        inbox.channel,
        inbox.channel === 'voice' ? 'twilio' : null,
        JSON.stringify(inbox.settings),
        'sealed',
        new Date().toISOString(),
      ],
    );
    ids.set(inbox.name, id);
  }
  return ids;
}

async function settingsOf(dataSource: DataSource, ids: Map<string, string>, placeholder: string): Promise<Record<string, unknown>> {
  const found: Record<string, unknown> = {};
  for (const [name, id] of ids) {
    const [row] = await dataSource.query(`SELECT settings FROM inboxes WHERE id = ${placeholder}`, [id]);
    found[name] = JSON.parse(row.settings);
  }
  return found;
}

async function run(dataSource: DataSource, migration: MigrationInterface, direction: 'up' | 'down'): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await migration[direction](runner);
  } finally {
    await runner.release();
  }
}

async function expectUnifiedThenFormer(dataSource: DataSource, migration: MigrationInterface, placeholder: (index: number) => string) {
  const ids = await insertLegacyInboxes(dataSource, placeholder);
  await run(dataSource, migration, 'up');
  const unified = await settingsOf(dataSource, ids, placeholder(1));
  expect(unified).toEqual(Object.fromEntries(LEGACY.map((inbox) => [inbox.name, inbox.unified])));
  // What the migration writes is what inbox creation accepts today.
  for (const settings of Object.values(unified) as Array<{ workingHours?: object }>) {
    if (settings.workingHours) expect(() => validateInput(WorkingHoursDto, settings.workingHours)).not.toThrow();
  }

  await run(dataSource, migration, 'down');
  const former = await settingsOf(dataSource, ids, placeholder(1));
  expect(former['voice office hours']).toEqual(LEGACY[0].settings);
  expect(former['voice night shift']).toEqual(LEGACY[1].settings);
  expect(former['web chat partial hours']).toEqual(LEGACY[2].unified);
}

describe('UnifyWorkingHours: existing inboxes get the one working-hours shape', () => {
  it('should rewrite voice and web chat hours on PostgreSQL, and give voice its former shape back on revert', async () => {
    const wasl = await WaslTestApp.start({ WASL_ROLE: 'gateway' });
    try {
      await expectUnifiedThenFormer(wasl.dataSource, new UnifyOnPostgres(), (index) => `$${index}`);
    } finally {
      await wasl.close();
    }
  });

  it('should rewrite voice and web chat hours on SQLite, and give voice its former shape back on revert', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'wasl-sqlite-'));
    const dataSource = new DataSource(buildDataSourceOptions({ kind: 'sqlite', path: join(directory, 'wasl.sqlite') }));
    try {
      await dataSource.initialize();
      await dataSource.runMigrations();
      await expectUnifiedThenFormer(dataSource, new UnifyOnSqlite(), () => '?');
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
