import { DataSource } from 'typeorm';

// Several gateways may boot at once against one PostgreSQL: a session advisory lock lets one migrate.
const MIGRATION_LOCK_KEY = 7_261_993;

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const isPostgres = dataSource.options.type === 'postgres';
  const runner = dataSource.createQueryRunner();
  try {
    if (isPostgres) await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    if (isPostgres) await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    await runner.release();
  }
}
