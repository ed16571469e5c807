export * from './logging/pino-logger.service';
export * from './logging/wasl-logger.factory';
export * from './metrics/metrics-access.util';
export * from './metrics/wasl-metrics.service';
export * from './observability.module';
export * from './health/readiness.service';
