import { JobName, JobQueue } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';

// Queues the send of a reply already committed as `queued`. The officer is answered at the commit: the queue write
// is not awaited, so a reply posted while Redis is down does not wait for it. A write that never lands is made good
// by the outbound sweep, which queues under the same job id, so the sweep and a late write collapse into one job.
@Injectable()
export class OutboundSendQueue {
  private readonly logger = new Logger(OutboundSendQueue.name);

  constructor(private readonly jobs: JobQueue) {}

  queueSend(organisationId: string, messageId: string): void {
    this.jobs
      .enqueue(JobName.SendOutboundMessage, { organisationId, messageId })
      .catch((error: Error) => this.logger.warn(`Reply ${messageId} left to the outbound sweep: ${error.message}`));
  }
}
