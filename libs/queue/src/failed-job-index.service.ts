import { WaslConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import Redis from 'ioredis';
import { QueueName } from './queue-name.enum';
import { InjectRedis } from './redis-client.provider';

export interface FailedJobReference {
  queue: QueueName;
  jobId: string;
  failedAt: number;
}

// BullMQ keeps one failed set per queue for all organisations, so the newest failures of one organisation could hide
// another's. Each job that used its last attempt is also written to its organisation's sorted set (score: when it
// failed; member: `<queue>:<job id>`), bounded like the queues by FAILED_JOBS_KEPT, so an organisation's list is
// read directly. Job ids never contain ':' (BullMQ refuses it), so the member splits unambiguously.
@Injectable()
export class FailedJobIndex {
  private readonly prefix: string;
  private readonly kept: number;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    config: WaslConfig,
  ) {
    this.prefix = `${config.redis.queuePrefix}:failed-jobs`;
    this.kept = config.queues.failedJobsKept;
  }

  // Called for every failed attempt; only a job that will not be retried (finishedOn set) is recorded.
  async record(queue: QueueName, job: Job): Promise<void> {
    const organisationId = (job.data as { organisationId?: unknown } | undefined)?.organisationId;
    if (typeof organisationId !== 'string' || !job.id || !job.finishedOn) return;
    const key = this.keyOf(organisationId);
    await this.redis
      .multi()
      .zadd(key, job.finishedOn, `${queue}:${job.id}`)
      .zremrangebyrank(key, 0, -(this.kept + 1))
      .exec();
  }

  // Newest first.
  async page(organisationId: string, offset: number, count: number): Promise<FailedJobReference[]> {
    const flat = await this.redis.zrevrange(this.keyOf(organisationId), offset, offset + count - 1, 'WITHSCORES');
    const references: FailedJobReference[] = [];
    for (let index = 0; index < flat.length; index += 2) {
      const separator = flat[index].indexOf(':');
      references.push({
        queue: flat[index].slice(0, separator) as QueueName,
        jobId: flat[index].slice(separator + 1),
        failedAt: Number(flat[index + 1]),
      });
    }
    return references;
  }

  async contains(organisationId: string, queue: QueueName, jobId: string): Promise<boolean> {
    return (await this.redis.zscore(this.keyOf(organisationId), `${queue}:${jobId}`)) !== null;
  }

  async forget(organisationId: string, queue: QueueName, jobId: string): Promise<void> {
    await this.redis.zrem(this.keyOf(organisationId), `${queue}:${jobId}`);
  }

  private keyOf(organisationId: string): string {
    return `${this.prefix}:${organisationId}`;
  }
}
