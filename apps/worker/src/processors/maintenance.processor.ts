import { ReplyAttachmentsService } from '@app/conversations';
import { RetentionService } from '@app/privacy';
import { JobName, JobOf, JobQueue, JobStatus, QueueName } from '@app/queue';
import { RequestDeadlinesService } from '@app/requests';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

type MaintenanceJob =
  | Job<JobOf<JobName.ApplyRetention>, JobStatus, JobName.ApplyRetention>
  | Job<JobOf<JobName.CheckRequestDeadlines>, JobStatus, JobName.CheckRequestDeadlines>
  | Job<JobOf<JobName.SweepAttachmentUploads>, JobStatus, JobName.SweepAttachmentUploads>;

// Scheduled housekeeping. Retention applies each organisation's settings (libs/privacy RetentionService) in bounded
// batches, the figures going to the audit log; the deadline check alerts supervisors of support requests at the
// committee whose answer day is near (libs/requests RequestDeadlinesService). A job naming an organisation handles
// only that one. The upload sweep removes officers' files that no message took within a day (ReplyAttachmentsService).
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  static readonly handles = [JobName.ApplyRetention, JobName.CheckRequestDeadlines, JobName.SweepAttachmentUploads] as const;
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly retention: RetentionService,
    private readonly deadlines: RequestDeadlinesService,
    private readonly replyAttachments: ReplyAttachmentsService,
    private readonly jobs: JobQueue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Their schedules are in the job catalogue; one scheduler id each, so every worker that boots upserts the same.
    await this.jobs.schedule(MaintenanceProcessor.handles);
  }

  async process(job: MaintenanceJob): Promise<JobStatus> {
    switch (job.name) {
      case JobName.ApplyRetention:
        return this.forEach(
          job.data.organisationId,
          () => this.retention.organisationsWithRetention(),
          async (organisationId) => (await this.retention.apply(organisationId)) !== undefined,
          'Retention',
        );
      case JobName.CheckRequestDeadlines:
        return this.forEach(
          job.data.organisationId,
          () => this.deadlines.organisationsWithRequestsAtCommittee(),
          async (organisationId) => (await this.deadlines.check(organisationId)) > 0,
          'Request deadlines',
        );
      case JobName.SweepAttachmentUploads:
        return (await this.replyAttachments.sweepUnattached()) > 0 ? JobStatus.Applied : JobStatus.Skipped;
      default:
        throw new UnrecoverableError(`No handler for ${(job as Job).name} on ${QueueName.Maintenance}`);
    }
  }

  private async forEach(
    only: string | undefined,
    organisations: () => Promise<string[]>,
    work: (organisationId: string) => Promise<boolean>,
    what: string,
  ): Promise<JobStatus> {
    let applied = 0;
    for (const organisationId of only ? [only] : await organisations()) {
      // One organisation's failure must not hold back the others'.
      try {
        if (await work(organisationId)) applied += 1;
      } catch (error) {
        this.logger.error(`${what} for ${organisationId} failed: ${(error as Error).message}`);
        if (only) throw error;
      }
    }
    return applied > 0 ? JobStatus.Applied : JobStatus.Skipped;
  }
}
