import { WaslConfig } from '@app/config';
import { types as postgresTypes } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { DatabaseQueryLogger } from './database-query.logger';
import { resolvePortableColumns } from './portable-column.decorator';
import { foldForSearch, SEARCH_FOLD_FUNCTION } from './search';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

interface BetterSqliteConnection {
  pragma(statement: string): unknown;
  function(name: string, options: { deterministic: boolean }, implementation: (value: unknown) => unknown): unknown;
}

const INT8_OID = 20;

// bigint counters (inbound_events.id, messages.sequence, count(*)) come back as numbers, not strings; a value
// beyond 2^53 would lose precision, so it fails loudly instead.
function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} does not fit a JavaScript number`);
  return value;
}

function postgresTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8_OID && format !== 'binary') return parseSafeInteger;
  return format === 'binary' ? postgresTypes.getTypeParser(oid, 'binary') : postgresTypes.getTypeParser(oid, 'text');
}

export function buildDataSourceOptions(database: WaslConfig['database'], entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  resolvePortableColumns(database.kind);
  const common = {
    entities,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['error' as const],
    logger: new DatabaseQueryLogger(),
  };
  if (database.kind === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      migrations: POSTGRES_MIGRATIONS,
      extra: { max: database.poolSize, application_name: 'wasl', types: { getTypeParser: postgresTypeParser } },
    };
  }
  mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    migrations: SQLITE_MIGRATIONS,
    enableWAL: true,
    prepareDatabase: (db: BetterSqliteConnection) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      // PostgreSQL has this function from a migration; SQLite gets the same fold from JS on every connection.
      db.function(SEARCH_FOLD_FUNCTION, { deterministic: true }, (value: unknown) => foldForSearch(value as string | null));
    },
  };
}
