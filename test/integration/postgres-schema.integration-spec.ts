import { foldForSearch, SEARCH_FOLD_FROM } from '@app/database';
import { DataSource } from 'typeorm';
import { pendingSchemaChanges } from '../support/schema-drift';
import { WaslTestApp } from '../support/wasl-test-app';

// The entities as the running gateway registers them (autoLoadEntities), against the migrated test database.
describe('PostgreSQL migrations', () => {
  let wasl: WaslTestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    wasl = await WaslTestApp.start({ WASL_ROLE: 'gateway' });
    dataSource = wasl.dataSource;
  });

  afterAll(() => wasl.close());

  it('should leave nothing for the entities to change once applied', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('should use timestamptz and uuid columns on PostgreSQL', async () => {
    const columns: { data_type: string }[] = await dataSource.query(
      "SELECT data_type FROM information_schema.columns WHERE table_name = 'messages' AND column_name IN ('id', 'created_at') ORDER BY column_name",
    );
    expect(columns.map((column) => column.data_type)).toEqual(['timestamp with time zone', 'uuid']);
  });

  it('should fold text in PostgreSQL exactly as foldForSearch does, so terms and indexes agree', async () => {
    const samples = ['أحمد', 'إبراهيم وآمنة', 'مُسْتَشْفَى الهيئة', 'مسؤول جمـــعية', '٠٥٥١٢٣ ۴۵۶', 'Noura AL-Qahtani', SEARCH_FOLD_FROM];
    const rows: { folded: string }[] = await dataSource.query('SELECT wasl_search_fold(value) AS folded FROM unnest($1::text[]) AS value', [
      samples,
    ]);
    expect(rows.map((row) => row.folded)).toEqual(samples.map((sample) => foldForSearch(sample)));
  });

  it('should answer contact name search from the trigram index', async () => {
    const plan = async (sql: string): Promise<string> => {
      const runner = dataSource.createQueryRunner();
      try {
        await runner.startTransaction();
        await runner.query('SET LOCAL enable_seqscan = off');
        const rows: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN ${sql}`);
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    };
    expect(await plan(`SELECT id FROM contacts WHERE wasl_search_fold(name) LIKE '%احمد%'`)).toContain('IDX_contacts_name_search');
  });

  it('should revert every migration and apply them again', async () => {
    // Reverting ends by dropping every table. Empty them first: WidenCounters' down migration refuses values
    // past 32 bits, which other suites in this run may have written.
    const tables: { name: string }[] = await dataSource.query(
      "SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('schema_migrations', 'typeorm_metadata')",
    );
    await dataSource.query(`TRUNCATE ${tables.map((table) => table.name).join(', ')} RESTART IDENTITY CASCADE`);
    const count = dataSource.migrations.length;
    for (let index = 0; index < count; index += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    const remaining: { count: number }[] = await dataSource.query(
      "SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('schema_migrations', 'typeorm_metadata')",
    );
    expect(remaining[0].count).toBe(0);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });
});
