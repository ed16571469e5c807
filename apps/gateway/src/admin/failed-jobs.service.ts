import { JobName, JobPayloads, QueueName } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';

export interface FailedJobView {
  queue: QueueName;
  jobId: string | undefined;
  name: string;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
  data: JobPayloads[JobName];
}

// Jobs that used every attempt are kept in Redis (bounded by FAILED_JOBS_KEPT) and shown here, per organisation.
@Injectable()
export class FailedJobsService {
  private readonly queues: Queue[];

  constructor(@InjectQueue(QueueName.ChannelInbound) inbound: Queue, @InjectQueue(QueueName.ChannelOutbound) outbound: Queue) {
    this.queues = [inbound, outbound];
  }

  async list(organisationId: string, limit = 200): Promise<FailedJobView[]> {
    const perQueue = await Promise.all(
      this.queues.map(async (queue) => {
        const jobs = await queue.getFailed(0, 999);
        return jobs
          .filter((job) => job && (job.data as { organisationId?: string }).organisationId === organisationId)
          .map((job) => ({
            queue: queue.name as QueueName,
            jobId: job.id,
            name: job.name,
            failedReason: job.failedReason,
            attemptsMade: job.attemptsMade,
            failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
            data: job.data as JobPayloads[JobName],
          }));
      }),
    );
    return perQueue
      .flat()
      .sort((left, right) => String(right.failedAt).localeCompare(String(left.failedAt)))
      .slice(0, limit);
  }
}
