import { ApiErrorCode, ApiException } from '@app/common';
import { ReplyRetryService } from '@app/conversations';
import { FailedJobIndex, JobName, JobPayloads, QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Job, Queue } from 'bullmq';

export interface FailedJobView {
  queue: QueueName;
  jobId: string | undefined;
  name: string;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
  data: JobPayloads[JobName];
}

// Index entries whose job was retried elsewhere or trimmed by FAILED_JOBS_KEPT are dropped while paging.
const INDEX_PAGE = 100;

// Jobs that used every attempt are kept in Redis (bounded by FAILED_JOBS_KEPT), on every queue, and found through the
// organisation's own index (FailedJobIndex): another organisation's failures never push this one's out of the list.
@Injectable()
export class FailedJobsService {
  private readonly queues: Map<QueueName, Queue>;

  constructor(
    moduleRef: ModuleRef,
    private readonly index: FailedJobIndex,
    private readonly replies: ReplyRetryService,
  ) {
    this.queues = new Map(
      Object.values(QueueName).map((name) => [name, moduleRef.get<Queue>(getQueueToken(name), { strict: false })] as const),
    );
  }

  async list(organisationId: string, limit = 200): Promise<FailedJobView[]> {
    const views: FailedJobView[] = [];
    for (let offset = 0; views.length < limit; offset += INDEX_PAGE) {
      const references = await this.index.page(organisationId, offset, INDEX_PAGE);
      if (references.length === 0) break;
      const jobs = await Promise.all(references.map((reference) => this.failedJob(organisationId, reference.queue, reference.jobId)));
      for (const [position, job] of jobs.entries()) {
        const reference = references[position];
        if (!job) {
          await this.index.forget(organisationId, reference.queue, reference.jobId);
          offset -= 1;
          continue;
        }
        if (views.length < limit) views.push(this.toView(reference.queue, job));
      }
    }
    return views;
  }

  // Queues the job again with all its attempts. A reply that failed is queued again first, or the sender would skip it.
  async retry(organisationId: string, queueName: string, jobId: string): Promise<FailedJobView> {
    const { queue, job } = await this.findOrFail(organisationId, queueName, jobId);
    if (job.name === JobName.SendOutboundMessage) {
      const { messageId } = job.data as JobPayloads[JobName.SendOutboundMessage];
      await this.replies.requeueFailed(organisationId, messageId);
    }
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    await this.index.forget(organisationId, queue, jobId);
    return this.toView(queue, job);
  }

  async discard(organisationId: string, queueName: string, jobId: string): Promise<FailedJobView> {
    const { queue, job } = await this.findOrFail(organisationId, queueName, jobId);
    await job.remove();
    await this.index.forget(organisationId, queue, jobId);
    return this.toView(queue, job);
  }

  private async findOrFail(organisationId: string, queueName: string, jobId: string): Promise<{ queue: QueueName; job: Job }> {
    const queue = queueName as QueueName;
    const job =
      this.queues.has(queue) && (await this.index.contains(organisationId, queue, jobId))
        ? await this.failedJob(organisationId, queue, jobId)
        : undefined;
    if (!job) throw ApiException.notFound('Failed job');
    if (!(await job.isFailed())) {
      throw new ApiException(ApiErrorCode.Conflict, 'The job is no longer failed', undefined, HttpStatus.CONFLICT);
    }
    return { queue, job };
  }

  // The job, if it still exists, has failed and belongs to this organisation (checked again on the job itself).
  private async failedJob(organisationId: string, queue: QueueName, jobId: string): Promise<Job | undefined> {
    const job = await this.queues.get(queue)?.getJob(jobId);
    if (!job || (job.data as { organisationId?: string }).organisationId !== organisationId) return undefined;
    return (await job.isFailed()) ? job : undefined;
  }

  private toView(queue: QueueName, job: Job): FailedJobView {
    return {
      queue,
      jobId: job.id,
      name: job.name,
      failedReason: job.failedReason,
      attemptsMade: job.attemptsMade,
      failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      data: job.data as JobPayloads[JobName],
    };
  }
}
