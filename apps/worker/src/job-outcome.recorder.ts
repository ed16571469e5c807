import { runWithRequestId } from '@app/common';
import { WaslMetrics } from '@app/observability';
import { JobName, JobOf, JobStatus, QueueName } from '@app/queue';
import { WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';

type TracedJob = Job<{ requestId?: string; channel?: string }>;

// Counts every queue's finished jobs for /metrics (inbound ones by channel) and logs each failed attempt with the
// request id that caused the job, so a webhook's or a reply's lines on the gateway and the worker can be joined.
export class JobOutcomeRecorder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly metrics: WaslMetrics,
    private readonly processors: WorkerHost[],
  ) {}

  onApplicationBootstrap(): void {
    for (const processor of this.processors) {
      const queue = processor.worker.name as QueueName;
      processor.worker.on('completed', (job: TracedJob, result: unknown) => {
        if (job.name === JobName.ProcessInboundMessage) {
          const { channel } = job.data as JobOf<JobName.ProcessInboundMessage>;
          this.metrics.inboundWasProcessed(channel ?? 'unknown', result === JobStatus.Applied ? 'applied' : 'skipped');
        }
        runWithRequestId(job.data.requestId, () => this.logger.debug(`${queue} ${job.name} ${job.id}: ${String(result)}`));
      });
      processor.worker.on('failed', (job: TracedJob | undefined, error: Error) => {
        if (!job) return;
        // finishedOn is set when BullMQ will not try the job again.
        const final = Boolean(job.finishedOn);
        if (final && job.name === JobName.ProcessInboundMessage) {
          this.metrics.inboundWasProcessed((job.data as JobOf<JobName.ProcessInboundMessage>).channel ?? 'unknown', 'failed');
        }
        runWithRequestId(job.data.requestId, () =>
          this.logger.warn(`${queue} ${job.name} ${job.id} failed (attempt ${job.attemptsMade}${final ? ', last' : ''}): ${error.message}`),
        );
      });
    }
  }
}
