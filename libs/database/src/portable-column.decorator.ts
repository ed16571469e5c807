import { Column, ColumnOptions, getMetadataArgsStorage, PrimaryColumn, PrimaryColumnOptions, PrimaryGeneratedColumn } from 'typeorm';

// PostgreSQL has timestamptz and uuid; SQLite has neither (instants are stored as text `datetime`, ids as
// varchar), and its integer is already 64-bit; bytes are bytea on one and blob on the other. Entities use these
// portable decorators and the data source resolves them for its driver.
const PORTABLE_TYPES: Record<string, 'datetime' | 'varchar' | 'integer' | 'blob'> = {
  timestamptz: 'datetime',
  uuid: 'varchar',
  bigint: 'integer',
  bytea: 'blob',
};
const PORTABLE_TYPE = Symbol('wasl:portable-type');

type PortableOptions = ColumnOptions & { [PORTABLE_TYPE]?: string };

export function TimestampColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'timestamptz', [PORTABLE_TYPE]: 'timestamptz' } as PortableOptions);
}

export function UuidColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'uuid', [PORTABLE_TYPE]: 'uuid' } as PortableOptions);
}

export function PrimaryUuidColumn(): PropertyDecorator {
  return PrimaryColumn({ type: 'uuid', [PORTABLE_TYPE]: 'uuid' } as PrimaryColumnOptions);
}

// Bytes, read as a Buffer on both drivers.
export function BinaryColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'bytea', [PORTABLE_TYPE]: 'bytea' } as PortableOptions);
}

// A 64-bit counter read as a number (the PostgreSQL pool parses int8 as a safe integer; see data-source-options).
export function BigIntColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'bigint', [PORTABLE_TYPE]: 'bigint' } as PortableOptions);
}

export function PrimaryBigSerialColumn(): PropertyDecorator {
  return PrimaryGeneratedColumn('increment', { type: 'bigint', [PORTABLE_TYPE]: 'bigint' } as ColumnOptions & { type: 'bigint' });
}

// Called by buildDataSourceOptions before a data source is initialised; the data source copies the
// types when it builds its metadata, so a later call for the other driver does not affect it.
export function resolvePortableColumns(kind: 'postgres' | 'sqlite'): void {
  for (const column of getMetadataArgsStorage().columns) {
    const portable = (column.options as PortableOptions)[PORTABLE_TYPE];
    if (portable) column.options.type = (kind === 'sqlite' ? PORTABLE_TYPES[portable] : portable) as ColumnOptions['type'];
  }
}
