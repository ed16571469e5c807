import { Global, Module } from '@nestjs/common';
import { WaslMetrics } from './metrics/wasl-metrics.service';

// Metrics (and the readiness checks) every part of a process reports to; one per process, so WASL_ROLE=all serves
// the gateway's and the worker's figures from one registry.
@Global()
@Module({
  providers: [WaslMetrics],
  exports: [WaslMetrics],
})
export class ObservabilityModule {}
