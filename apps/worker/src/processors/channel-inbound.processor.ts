import { runWithRequestId } from '@app/common';
import { WaslConfig } from '@app/config';
import { InboundMessageHandler } from '@app/conversations';
import { JobName, JobOf, JobStatus, QueueName, WORKER_OPTIONS } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

@Processor(QueueName.ChannelInbound, WORKER_OPTIONS)
export class ChannelInboundProcessor extends WorkerHost implements OnApplicationBootstrap {
  static readonly handles = [JobName.ProcessInboundMessage] as const;

  constructor(
    private readonly handler: InboundMessageHandler,
    private readonly config: WaslConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.queues.inbound.concurrency;
  }

  async process(job: Job<JobOf<JobName.ProcessInboundMessage>>): Promise<JobStatus> {
    if (job.name !== JobName.ProcessInboundMessage)
      throw new UnrecoverableError(`No handler for ${job.name} on ${QueueName.ChannelInbound}`);
    return runWithRequestId(job.data.requestId, () => this.handler.handle(job.data.organisationId, job.data.inboundEventId));
  }
}
