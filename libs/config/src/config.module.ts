import { DynamicModule, Global, Module } from '@nestjs/common';
import { WaslConfig } from './wasl-config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: WaslConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: WaslConfig, useValue: config }], exports: [WaslConfig] };
  }
}
