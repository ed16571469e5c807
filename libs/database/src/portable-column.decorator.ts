import { Column, ColumnOptions, getMetadataArgsStorage, PrimaryColumn } from 'typeorm';

// PostgreSQL has timestamptz and uuid; SQLite has neither (instants are stored as text `datetime`, ids as
// varchar). Entities use these portable decorators and the data source resolves them for its driver.
const PORTABLE_TYPES: Record<string, 'datetime' | 'varchar'> = { timestamptz: 'datetime', uuid: 'varchar' };
let resolvedFor: 'postgres' | 'sqlite' | undefined;

export function TimestampColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'timestamptz' });
}

export function UuidColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'uuid' });
}

export function PrimaryUuidColumn(): PropertyDecorator {
  return PrimaryColumn({ type: 'uuid' });
}

export function resolvePortableColumns(kind: 'postgres' | 'sqlite'): void {
  if (resolvedFor && resolvedFor !== kind) {
    throw new Error(`Entities were already prepared for ${resolvedFor}; one process uses one database driver`);
  }
  resolvedFor = kind;
  if (kind === 'postgres') return;
  for (const column of getMetadataArgsStorage().columns) {
    const portable = PORTABLE_TYPES[String(column.options.type)];
    if (portable) column.options.type = portable;
  }
}
