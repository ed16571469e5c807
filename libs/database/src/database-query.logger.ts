import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';

const MAX_QUERY_LENGTH = 500;

interface DriverErrorFields {
  code?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
}

// PostgreSQL ends some messages with the offending value (`invalid input syntax for type uuid: "…"`).
function withoutQuotedValue(message: string): string {
  return message.replace(/: ".*"$/s, ': [redacted]');
}

// TypeORM's own loggers print every failed query with its parameters: scrypt hashes, sealed credentials, message
// texts. This one logs the statement, the driver's error code and names, never the parameters or values.
export class DatabaseQueryLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    const driver = (
      typeof error === 'object' ? ((error as { driverError?: DriverErrorFields }).driverError ?? error) : {}
    ) as DriverErrorFields;
    const message = withoutQuotedValue(typeof error === 'string' ? error : error.message);
    // Names only: the driver's `detail` quotes the conflicting values (`Key (email)=(…)`).
    const fields = { code: driver.code, table: driver.table, column: driver.column, constraint: driver.constraint };
    const statement = query.length > MAX_QUERY_LENGTH ? `${query.slice(0, MAX_QUERY_LENGTH)}…` : query;
    this.logger.error(`Query failed: ${message} ${JSON.stringify(fields)} in: ${statement}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow query (${time} ms): ${query.slice(0, MAX_QUERY_LENGTH)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : '(object not logged)';
    if (level === 'warn') this.logger.warn(text);
    else this.logger.log(text);
  }
}
