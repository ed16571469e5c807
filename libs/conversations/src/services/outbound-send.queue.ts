import { currentRequestId } from '@app/common';
import { WaslConfig } from '@app/config';
import { JobName, JobOf, outboundJobId, QueueName } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';

// Queues the send of a reply already committed as `queued`. The officer is answered at the commit: the queue write
// is not awaited, so a reply posted while Redis is down does not wait for it. A write that never lands is made good
// by the outbound sweep, which queues under the same job id, so the sweep and a late write collapse into one job.
@Injectable()
export class OutboundSendQueue {
  private readonly logger = new Logger(OutboundSendQueue.name);

  constructor(
    @InjectQueue(QueueName.ChannelOutbound) private readonly outboundQueue: Queue<JobOf<JobName.SendOutboundMessage>>,
    private readonly config: WaslConfig,
  ) {}

  queueSend(organisationId: string, messageId: string): void {
    const { attempts, backoffMs } = this.config.queues.outbound;
    this.outboundQueue
      .add(
        JobName.SendOutboundMessage,
        { organisationId, messageId, requestId: currentRequestId() },
        { jobId: outboundJobId(messageId), attempts, backoff: { type: 'exponential', delay: backoffMs } },
      )
      .catch((error: Error) => this.logger.warn(`Reply ${messageId} left to the outbound sweep: ${error.message}`));
  }
}
