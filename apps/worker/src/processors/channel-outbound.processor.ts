import { runWithRequestId } from '@app/common';
import { WaslConfig } from '@app/config';
import { OutboundDeliveryService, PermanentDeliveryError } from '@app/conversations';
import { JobName, JobOf, JobStatus, QueueName, WORKER_OPTIONS } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

@Processor(QueueName.ChannelOutbound, WORKER_OPTIONS)
export class ChannelOutboundProcessor extends WorkerHost implements OnApplicationBootstrap {
  static readonly handles = [JobName.SendOutboundMessage] as const;

  constructor(
    private readonly delivery: OutboundDeliveryService,
    private readonly config: WaslConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.queues.outbound.concurrency;
  }

  async process(job: Job<JobOf<JobName.SendOutboundMessage>>): Promise<JobStatus> {
    if (job.name !== JobName.SendOutboundMessage)
      throw new UnrecoverableError(`No handler for ${job.name} on ${QueueName.ChannelOutbound}`);
    try {
      return await runWithRequestId(job.data.requestId, () =>
        this.delivery.deliver(job.data.organisationId, job.data.messageId, {
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? 1,
        }),
      );
    } catch (error) {
      // Permanent failures (bad recipient, rejected credentials, last attempt) must not be retried by BullMQ.
      if (error instanceof PermanentDeliveryError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
