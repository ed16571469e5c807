import { WaslConfig } from '@app/config';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { redisOptionsFromUrl } from './redis-options.util';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
export const InjectRedis = (): ParameterDecorator => Inject(REDIS_CLIENT);

// One plain command connection per process for counters, locks and health checks (not for BullMQ).
export const redisClientProvider = {
  provide: REDIS_CLIENT,
  inject: [WaslConfig],
  useFactory: (config: WaslConfig): Redis =>
    new Redis({ ...redisOptionsFromUrl(config.redis.url), maxRetriesPerRequest: 2, lazyConnect: false }),
};

@Injectable()
export class RedisClientCloser implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
