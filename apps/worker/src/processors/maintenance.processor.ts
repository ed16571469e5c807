import { RetentionService } from '@app/privacy';
import { JobName, JobOf, JobStatus, QueueName } from '@app/queue';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';

// Every night at 02:00 Riyadh time, when inboxes are quiet. One scheduler id, so every worker that boots
// upserts the same schedule instead of adding another.
const RETENTION_SCHEDULER_ID = 'retention-nightly';
const RETENTION_SCHEDULE = { pattern: '0 2 * * *', tz: 'Asia/Riyadh' };

type RetentionJob = Job<JobOf<JobName.ApplyRetention>, JobStatus, JobName.ApplyRetention>;

// Applies each organisation's retention settings (libs/privacy RetentionService) in bounded batches; the figures
// go to the audit log. A job naming an organisation applies only that one's.
@Processor(QueueName.Maintenance)
export class RetentionProcessor extends WorkerHost implements OnApplicationBootstrap {
  static readonly handles = [JobName.ApplyRetention] as const;
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(
    private readonly retention: RetentionService,
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.maintenance.upsertJobScheduler(RETENTION_SCHEDULER_ID, RETENTION_SCHEDULE, { name: JobName.ApplyRetention, data: {} });
  }

  async process(job: RetentionJob): Promise<JobStatus> {
    if (job.name !== JobName.ApplyRetention) {
      throw new UnrecoverableError(`No handler for ${(job as Job).name} on ${QueueName.Maintenance}`);
    }
    const organisations = job.data.organisationId ? [job.data.organisationId] : await this.retention.organisationsWithRetention();
    let applied = 0;
    for (const organisationId of organisations) {
      // One organisation's failure must not keep the others' data beyond their retention.
      try {
        if (await this.retention.apply(organisationId)) applied += 1;
      } catch (error) {
        this.logger.error(`Retention for ${organisationId} failed: ${(error as Error).message}`);
        if (job.data.organisationId) throw error;
      }
    }
    return applied > 0 ? JobStatus.Applied : JobStatus.Skipped;
  }
}
