// Where the suites find PostgreSQL and Redis. CI and developers override with TEST_DATABASE_URL / REDIS_URL.
export const TEST_ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_DATABASE_URL_VARIABLE = 'WASL_TEST_DATABASE_URL';

export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

// Every queue of one test run starts with this, so the global teardown can remove the run's Redis keys.
export function testQueuePrefix(): string {
  return `wasl-test-${(process.env.WASL_TEST_DATABASE_NAME ?? 'standalone').replaceAll('_', '-')}`;
}
