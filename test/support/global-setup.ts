import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../libs/database/src/data-source-options';
import { databaseUrlFor, TEST_ADMIN_DATABASE_URL, TEST_DATABASE_URL_VARIABLE } from './test-environment';

// One fresh PostgreSQL database per test run, migrated once with the real migrations; dropped at the end.
export default async function globalSetup(): Promise<void> {
  if (process.env[TEST_DATABASE_URL_VARIABLE]) return;
  const name = `wasl_test_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = databaseUrlFor(name);
  const dataSource = new DataSource(buildDataSourceOptions({ kind: 'postgres', url, poolSize: 2 }));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  process.env[TEST_DATABASE_URL_VARIABLE] = url;
  process.env.WASL_TEST_DATABASE_NAME = name;
}
