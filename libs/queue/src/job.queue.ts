import { currentRequestId } from '@app/common';
import { WaslConfig } from '@app/config';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { JOB_CATALOGUE, PROVIDER_AWARE_BACKOFF } from './job-catalogue.constant';
import { JobName } from './job-name.enum';
import { JobOf } from './job-payloads';
import { decideRecovery, RecoveryDecision } from './job-recovery.util';
import { QueueName } from './queue-name.enum';

export interface JobEntry<Name extends JobName> {
  payload: JobOf<Name>;
  // Deterministic (job-ids.util.ts): the same work queued twice collapses into one job.
  jobId: string;
}

// The request that caused the job (X-Request-Id), so the worker's log lines match the gateway's; a payload that names
// its own (a batch of several requests' messages) keeps it.
function traced<Payload extends object>(payload: Payload): Payload {
  if ('requestId' in payload) return payload;
  const requestId = currentRequestId();
  return requestId ? { ...payload, requestId } : payload;
}

// The one way a job is queued: the catalogue picks the queue and the options, payloads are typed by job name.
@Injectable()
export class JobQueue {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly config: WaslConfig,
  ) {}

  async enqueue<Name extends JobName>(name: Name, payload: JobOf<Name>, jobId: string): Promise<void> {
    await this.queueOf(name).add(name, traced(payload), this.optionsOf(name, jobId));
  }

  async enqueueBulk<Name extends JobName>(name: Name, entries: ReadonlyArray<JobEntry<Name>>): Promise<void> {
    if (entries.length === 0) return;
    await this.queueOf(name).addBulk(
      entries.map((entry) => ({ name, data: traced(entry.payload), opts: this.optionsOf(name, entry.jobId) })),
    );
  }

  // For the recovery sweeps: whether the work whose row says it is unfinished should be queued again, and under
  // which id (job-recovery.util.ts).
  recoveryOf(name: JobName, jobId: string): Promise<RecoveryDecision> {
    return decideRecovery(this.queueOf(name), jobId);
  }

  // A queued job by its id, to ask its state or remove a finished one before its work is queued again.
  async findJob(name: JobName, jobId: string): Promise<Job | undefined> {
    return (await this.queueOf(name).getJob(jobId)) ?? undefined;
  }

  // A repeated job (nightly retention): one scheduler per id, idempotent across restarts and workers.
  async schedule<Name extends JobName>(name: Name, schedulerId: string, pattern: { pattern: string; tz: string }, payload: JobOf<Name>) {
    await this.queueOf(name).upsertJobScheduler(schedulerId, pattern, { name, data: payload });
  }

  private optionsOf(name: JobName, jobId: string): JobsOptions {
    const { retry } = JOB_CATALOGUE[name];
    if (retry === 'none') return { jobId };
    const { attempts, backoffMs } = typeof retry === 'string' ? this.config.queues[retry] : retry;
    return { jobId, attempts, backoff: { type: PROVIDER_AWARE_BACKOFF, delay: backoffMs } };
  }

  private queueOf(name: JobName): Queue {
    const queueName = JOB_CATALOGUE[name].queue;
    let queue = this.queues.get(queueName);
    if (!queue) {
      queue = this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
      this.queues.set(queueName, queue);
    }
    return queue;
  }
}
