import Redis from 'ioredis';

// Removes every key under a queue prefix: the jobs kept as completed or failed and the event streams of a test
// run or a benchmark, which would otherwise stay in Redis after it.
export async function removeKeysWithPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
