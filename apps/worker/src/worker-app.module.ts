import { ConfigModule, WaslConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ObservabilityModule } from '@app/observability';
import { QueueModule } from '@app/queue';
import { StorageModule } from '@app/storage';
import { DynamicModule, Module } from '@nestjs/common';
import { WorkerModule } from './worker.module';

@Module({})
export class WorkerAppModule {
  static forRoot(config: WaslConfig): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(),
        QueueModule.forRoot(),
        ObservabilityModule,
        StorageModule,
        WorkerModule,
      ],
    };
  }
}
