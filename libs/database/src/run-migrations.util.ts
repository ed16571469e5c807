import { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
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

// The apps' bootstraps hold no typeorm handle of their own (ESLint forbids it in apps/): they migrate, or wait for
// the migrations, through their Nest application's data source.
export function migrateApplication(app: INestApplicationContext): Promise<string[]> {
  return runMigrations(app.get<DataSource>(getDataSourceToken()));
}

// Workers never migrate; they wait until a gateway has brought the schema up to date.
export async function waitForMigrations(app: INestApplicationContext, onWaiting: () => void): Promise<void> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  for (let attempt = 0; ; attempt += 1) {
    if (!(await dataSource.showMigrations())) return;
    if (attempt % 10 === 0) onWaiting();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
