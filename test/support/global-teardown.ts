import Redis from 'ioredis';
import { Client } from 'pg';
import { TEST_ADMIN_DATABASE_URL, TEST_REDIS_URL, testQueuePrefix } from './test-environment';

// The run's queues (jobs kept as completed or failed, event streams) go with its database.
async function removeQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}-*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export default async function globalTeardown(): Promise<void> {
  const name = process.env.WASL_TEST_DATABASE_NAME;
  if (!name) return;
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await removeQueueKeys(testQueuePrefix());
  delete process.env.WASL_TEST_DATABASE_NAME;
}
