import { loadConfig, WaslConfig } from '@app/config';
import { buildDataSourceOptions } from '@app/database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';

export interface SqliteEntities {
  source: DataSource;
  config: WaslConfig;
  close(): Promise<void>;
}

// A throwaway embedded SQLite database holding only these entities' tables (synchronised from the entities, without
// the whole schema's migrations): enough for a module's read methods in a unit spec.
export async function openSqliteEntities(name: string, entities: DataSourceOptions['entities']): Promise<SqliteEntities> {
  const directory = mkdtempSync(join(tmpdir(), `wasl-${name}-`));
  const config = loadConfig({
    DATABASE_URL: '',
    SQLITE_PATH: join(directory, 'wasl.sqlite'),
    WASL_JWT_SECRET: 'x'.repeat(32),
    WASL_ENCRYPTION_KEY: 'a'.repeat(64),
  });
  const options = buildDataSourceOptions(config.database, entities);
  const source = new DataSource({ ...options, synchronize: true, logging: false, logger: undefined } as DataSourceOptions);
  await source.initialize();
  return {
    source,
    config,
    async close() {
      if (source.isInitialized) await source.destroy();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
