import { WaslConfig } from '@app/config';
import { DataSourceOptions } from 'typeorm';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { resolvePortableColumns } from './portable-column.decorator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export function buildDataSourceOptions(database: WaslConfig['database'], entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  resolvePortableColumns(database.kind);
  const common = {
    entities,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['error' as const],
  };
  if (database.kind === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      migrations: POSTGRES_MIGRATIONS,
      extra: { max: database.poolSize, application_name: 'wasl' },
    };
  }
  mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    migrations: SQLITE_MIGRATIONS,
    enableWAL: true,
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}
