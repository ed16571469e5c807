import { ReplyAttachmentsService } from '@app/conversations';
import { RetentionService } from '@app/privacy';
import { JobName, JobOf, JobQueue, JobStatus, QueueName } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

// Every night at 02:00 Riyadh time, when inboxes are quiet. One scheduler id per job, so every worker that boots
// upserts the same schedule instead of adding another.
const RETENTION_SCHEDULER_ID = 'retention-nightly';
const RETENTION_SCHEDULE = { pattern: '0 2 * * *', tz: 'Asia/Riyadh' };
// Uploads are swept a day after they were made; hourly keeps an abandoned file at most 25 hours.
const UPLOAD_SWEEP_SCHEDULER_ID = 'attachment-uploads-hourly';
const UPLOAD_SWEEP_SCHEDULE = { pattern: '17 * * * *', tz: 'Asia/Riyadh' };

type MaintenanceJob =
  | Job<JobOf<JobName.ApplyRetention>, JobStatus, JobName.ApplyRetention>
  | Job<JobOf<JobName.SweepAttachmentUploads>, JobStatus, JobName.SweepAttachmentUploads>;

// The maintenance queue's scheduled work: each organisation's retention settings (libs/privacy RetentionService) in
// bounded batches, the figures in the audit log (a job naming an organisation applies only that one's); and the
// sweep of officers' uploads that no message took within a day (ReplyAttachmentsService).
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  static readonly handles = [JobName.ApplyRetention, JobName.SweepAttachmentUploads] as const;
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly retention: RetentionService,
    private readonly replyAttachments: ReplyAttachmentsService,
    private readonly jobs: JobQueue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(JobName.ApplyRetention, RETENTION_SCHEDULER_ID, RETENTION_SCHEDULE, {});
    await this.jobs.schedule(JobName.SweepAttachmentUploads, UPLOAD_SWEEP_SCHEDULER_ID, UPLOAD_SWEEP_SCHEDULE, {});
  }

  async process(job: MaintenanceJob): Promise<JobStatus> {
    if (job.name === JobName.SweepAttachmentUploads) {
      return (await this.replyAttachments.sweepUnattached()) > 0 ? JobStatus.Applied : JobStatus.Skipped;
    }
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
