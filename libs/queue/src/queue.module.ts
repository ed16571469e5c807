import { WaslConfig } from '@app/config';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { QueueName } from './queue-name.enum';
import { QueueReadiness } from './queue-readiness.service';
import { redisClientProvider, RedisClientCloser, REDIS_CLIENT } from './redis-client.provider';
import { redisOptionsFromUrl } from './redis-options.util';

@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [WaslConfig],
          useFactory: (config: WaslConfig) => ({
            connection: redisOptionsFromUrl(config.redis.url),
            prefix: config.redis.queuePrefix,
            defaultJobOptions: {
              removeOnComplete: { count: 5_000, age: 24 * 3600 },
              // Failed jobs are evidence: keep them for admins (GET /api/v1/admin/failed-jobs).
              removeOnFail: { count: config.queues.failedJobsKept },
            },
          }),
        }),
        queues,
      ],
      providers: [redisClientProvider, RedisClientCloser, QueueReadiness],
      exports: [queues, REDIS_CLIENT],
    };
  }
}
