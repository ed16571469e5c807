import { FailedJobIndex, QueueName } from '@app/queue';
import { WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';

// Writes each job that used its last attempt, on every queue, to its organisation's failed-job index, which
// GET /api/v1/admin/failed-jobs reads.
export class FailedJobsRecorder implements OnApplicationBootstrap {
  private readonly logger = new Logger(FailedJobsRecorder.name);

  constructor(
    private readonly index: FailedJobIndex,
    private readonly processors: WorkerHost[],
  ) {}

  onApplicationBootstrap(): void {
    for (const processor of this.processors) {
      const queue = processor.worker.name as QueueName;
      processor.worker.on('failed', (job: Job | undefined) => {
        if (!job) return;
        this.index.record(queue, job).catch((error: Error) => this.logger.warn(`Could not index failed job ${job.id}: ${error.message}`));
      });
    }
  }
}
