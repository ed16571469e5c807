import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReadinessService } from './health/readiness.service';
import { WaslMetrics } from './metrics/wasl-metrics.service';

// Metrics and readiness every part of a process reports to; one per process, so WASL_ROLE=all serves the gateway's
// and the worker's figures from one registry. Terminus' own logger is off: a failed check is answered as 503 and
// polled every few seconds, so a line per poll would drown the log.
@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  providers: [WaslMetrics, ReadinessService],
  exports: [WaslMetrics, ReadinessService],
})
export class ObservabilityModule {}
