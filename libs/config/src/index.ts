export * from './config.module';
export * from './environment.schema';
export * from './load-config';
export * from './wasl-config';
