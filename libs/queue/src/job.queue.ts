import { currentRequestId } from '@app/common';
import { WaslConfig } from '@app/config';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { JOB_CATALOGUE, jobIdOf, JobSpec, PROVIDER_AWARE_BACKOFF } from './job-catalogue.constant';
import { JobName } from './job-name.enum';
import { JobOf } from './job-payloads';
import { decideRecovery, recoveredJobIdOf } from './job-recovery.util';
import { QueueName } from './queue-name.enum';

// The request that caused the job (X-Request-Id), so the worker's log lines match the gateway's; a payload that names
// its own (a batch of several requests' messages) keeps it.
function traced<Payload extends object>(payload: Payload): Payload {
  if ('requestId' in payload) return payload;
  const requestId = currentRequestId();
  return requestId ? { ...payload, requestId } : payload;
}

// The one way a job is queued: the catalogue (job-catalogue.constant.ts) picks the queue, the options and the job id,
// payloads are typed by job name. Callers say what work they want done, never under which id.
@Injectable()
export class JobQueue {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly config: WaslConfig,
  ) {}

  async enqueue<Name extends JobName>(name: Name, payload: JobOf<Name>): Promise<void> {
    await this.queueOf(name).add(name, traced(payload), this.optionsOf(name, jobIdOf(name, payload)));
  }

  async enqueueBulk<Name extends JobName>(name: Name, payloads: ReadonlyArray<JobOf<Name>>): Promise<void> {
    if (payloads.length === 0) return;
    await this.queueOf(name).addBulk(
      payloads.map((payload) => ({ name, data: traced(payload), opts: this.optionsOf(name, jobIdOf(name, payload)) })),
    );
  }

  // For the recovery sweeps, whose database row says the work is unfinished: queues it again unless a job for it can
  // still run, under the id decideRecovery picks (job-recovery.util.ts). Says what it did.
  async recover<Name extends JobName>(name: Name, payload: JobOf<Name>): Promise<'queued' | 'wait' | 'give-up'> {
    const queue = this.queueOf(name);
    const decision = await decideRecovery(queue, this.requiredIdOf(name, payload));
    if (decision.action !== 'queue') return decision.action;
    await queue.add(name, traced(payload), this.optionsOf(name, decision.jobId));
    return 'queued';
  }

  // The jobs queued for this work: its own and its recovery round's (the sweep's second try), those that exist.
  async jobsOf<Name extends JobName>(name: Name, payload: JobOf<Name>): Promise<Job[]> {
    const jobId = this.requiredIdOf(name, payload);
    const found = await Promise.all([jobId, recoveredJobIdOf(jobId)].map((id) => this.queueOf(name).getJob(id)));
    return found.filter((job): job is Job => job !== undefined && job !== null);
  }

  // The repeating jobs the catalogue schedules: one scheduler per id, idempotent across restarts and workers.
  async schedule(names: ReadonlyArray<JobName>): Promise<void> {
    for (const name of names) {
      const { id } = JOB_CATALOGUE[name] as JobSpec;
      if (typeof id !== 'object') throw new Error(`Job ${name} has no schedule in the job catalogue`);
      await this.queueOf(name).upsertJobScheduler(id.schedulerId, { pattern: id.pattern, tz: id.tz }, { name, data: {} });
    }
  }

  private requiredIdOf<Name extends JobName>(name: Name, payload: JobOf<Name>): string {
    const jobId = jobIdOf(name, payload);
    if (jobId === undefined) throw new Error(`Job ${name} has no id of its own in the job catalogue: nothing to look up`);
    return jobId;
  }

  private optionsOf(name: JobName, jobId: string | undefined): JobsOptions {
    const { retry } = JOB_CATALOGUE[name];
    const identity = jobId === undefined ? {} : { jobId };
    if (retry === 'none') return identity;
    const { attempts, backoffMs } = typeof retry === 'string' ? this.config.queues[retry] : retry;
    return { ...identity, attempts, backoff: { type: PROVIDER_AWARE_BACKOFF, delay: backoffMs } };
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
