export * from './failed-job-index.service';
export * from './job-ids.util';
export * from './job-name.enum';
export * from './job-payloads';
export * from './queue-name.enum';
export * from './queue.module';
export * from './redis-options.util';
export * from './redis-client.provider';
