import { JobName, JobOf, JobStatus, QueueName, WORKER_OPTIONS } from '@app/queue';
import { RequestStatusAnswerService } from '@app/requests';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';

// Support requests' work taken off the ingest path: a beneficiary who sent their request's number is answered here.
// WORKER_OPTIONS, not the lock options alone: its retried jobs use the provider-aware backoff, which BullMQ only knows from the worker.
@Processor(QueueName.SupportRequests, WORKER_OPTIONS)
export class SupportRequestsProcessor extends WorkerHost {
  static readonly handles = [JobName.AnswerRequestStatus] as const;

  constructor(private readonly statusAnswers: RequestStatusAnswerService) {
    super();
  }

  async process(job: Job<JobOf<JobName.AnswerRequestStatus>>): Promise<JobStatus> {
    if (job.name !== JobName.AnswerRequestStatus)
      throw new UnrecoverableError(`No handler for ${job.name} on ${QueueName.SupportRequests}`);
    return this.statusAnswers.answer(job.data.organisationId, job.data.messageId);
  }
}
