import { KnowledgeDocumentsService } from '@app/knowledge';
import { JobName, JobOf, JobStatus, QueueName, WORKER_OPTIONS } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';

type KnowledgeJob = Job<JobOf<JobName.ExtractKnowledgeDocument>, JobStatus, JobName.ExtractKnowledgeDocument>;

// Reads uploaded documents and articles into knowledge-base passages. One at a time: reading a PDF takes a core for
// seconds, and nothing waits on it but the administrator who uploaded it. The parsing runs in a thread of its own
// (libs/knowledge extraction-thread), so this event loop stays free to renew the job's lock meanwhile.
@Processor(QueueName.Knowledge, { ...WORKER_OPTIONS, concurrency: 1 })
export class KnowledgeProcessor extends WorkerHost {
  static readonly handles = [JobName.ExtractKnowledgeDocument] as const;

  constructor(private readonly documents: KnowledgeDocumentsService) {
    super();
  }

  async process(job: KnowledgeJob): Promise<JobStatus> {
    if (job.name !== JobName.ExtractKnowledgeDocument) {
      throw new UnrecoverableError(`No handler for ${(job as Job).name} on ${QueueName.Knowledge}`);
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.documents.extract(job.data, lastAttempt);
  }
}
