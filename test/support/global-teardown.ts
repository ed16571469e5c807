import { Client } from 'pg';
import { removeKeysWithPrefix } from './redis-keys';
import { TEST_ADMIN_DATABASE_URL, TEST_REDIS_URL, testQueuePrefix } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  const name = process.env.WASL_TEST_DATABASE_NAME;
  if (!name) return;
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  // The run's queues go with its database.
  await removeKeysWithPrefix(TEST_REDIS_URL, `${testQueuePrefix()}-`);
  delete process.env.WASL_TEST_DATABASE_NAME;
}
