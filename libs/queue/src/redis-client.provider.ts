import { WaslConfig } from '@app/config';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { redisOptionsFromUrl } from './redis-options.util';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
export const InjectRedis = (): ParameterDecorator => Inject(REDIS_CLIENT);

// One plain command connection per process for counters, rate limits, realtime publishing and health checks
// (not for BullMQ). Auto-pipelining sends the commands issued in one tick of the event loop in one write: a
// batch of applied messages publishes its realtime events in a single round trip.
export const redisClientProvider = {
  provide: REDIS_CLIENT,
  inject: [WaslConfig],
  useFactory: (config: WaslConfig): Redis =>
    new Redis({ ...redisOptionsFromUrl(config.redis.url), maxRetriesPerRequest: 2, lazyConnect: false, enableAutoPipelining: true }),
};

@Injectable()
export class RedisClientCloser implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
