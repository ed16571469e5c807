import { InjectRedis } from '@app/queue';
import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorResult, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { within } from '../within.util';

const CHECK_TIMEOUT_MILLISECONDS = 2_000;

export type ReadinessPart = 'database' | 'redis' | 'migrations';
export type Readiness = { ready: true } | { ready: false; down: ReadinessPart[] };

// Readiness through @nestjs/terminus: PostgreSQL (or SQLite) answers, Redis answers, and every migration this build
// knows is applied (a gateway that has not migrated yet, or a worker ahead of the schema, takes no traffic).
// /health/ready on the gateway and on the worker's health port answer from it.
@Injectable()
export class ReadinessService {
  // Applied migrations stay applied while the process runs: once seen, the migrations table is not read again.
  private migrationsApplied = false;

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async check(): Promise<Readiness> {
    try {
      await this.health.check([
        () => this.database.pingCheck('database', { connection: this.dataSource, timeout: CHECK_TIMEOUT_MILLISECONDS }),
        () => this.redisAnswers(),
        () => this.migrationsCheck(),
      ]);
      return { ready: true };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const failed = (error.getResponse() as { error?: Record<string, unknown> }).error ?? {};
      return { ready: false, down: Object.keys(failed) as ReadinessPart[] };
    }
  }

  private async redisAnswers(): Promise<HealthIndicatorResult<'redis'>> {
    const indicator = this.indicators.check('redis');
    try {
      await within(CHECK_TIMEOUT_MILLISECONDS, this.redis.ping());
      return indicator.up();
    } catch {
      return indicator.down();
    }
  }

  private async migrationsCheck(): Promise<HealthIndicatorResult<'migrations'>> {
    const indicator = this.indicators.check('migrations');
    if (this.migrationsApplied) return indicator.up();
    const table = this.dataSource.options.migrationsTableName ?? 'migrations';
    let applied: { name: string }[];
    try {
      applied = await within(CHECK_TIMEOUT_MILLISECONDS, this.dataSource.query(`SELECT name FROM ${table}`));
    } catch {
      // A database that does not answer is the database check's to report; one that answers without the
      // migrations table has never been migrated.
      const answers = await this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      );
      return answers ? indicator.down() : indicator.up();
    }
    const names = new Set(applied.map((row) => row.name));
    const pending = this.dataSource.migrations.filter((migration) => !names.has(migration.name ?? migration.constructor.name));
    if (pending.length > 0) return indicator.down({ pending: pending.length });
    this.migrationsApplied = true;
    return indicator.up();
  }
}
