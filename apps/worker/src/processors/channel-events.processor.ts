import { runWithRequestId } from '@app/common';
import { WaslConfig } from '@app/config';
import { AutomaticReplyService, CallsService, ChannelJobsService, DeliveryStatusService } from '@app/conversations';
import { JobName, JobOf, JobStatus, QueueName, WORKER_OPTIONS } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

type ChannelEventJob =
  | Job<JobOf<JobName.ApplyDeliveryStatus>, JobStatus, JobName.ApplyDeliveryStatus>
  | Job<JobOf<JobName.LinkCall>, JobStatus, JobName.LinkCall>
  | Job<JobOf<JobName.RecordAutomaticReply>, JobStatus, JobName.RecordAutomaticReply>
  | Job<JobOf<JobName.FetchInboundMedia>, JobStatus, JobName.FetchInboundMedia>
  | Job<JobOf<JobName.SyncChannelTemplates>, JobStatus, JobName.SyncChannelTemplates>
  | Job<JobOf<JobName.SetUpChannel>, JobStatus, JobName.SetUpChannel>
  | Job<JobOf<JobName.FetchSenderProfile>, JobStatus, JobName.FetchSenderProfile>;

// Delivery reports, call links and web chat's automatic answers. Each may arrive before the row it refers to is stored (a Twilio callback
// racing the send's result; a call whose message the inbound worker has not applied yet): the handlers throw,
// and BullMQ retries with backoff until the row exists or the attempts run out (the job is then kept as evidence).
// Channel follow-ups (media of a stored message, template syncs, webhook registration) are retried the same way.
@Processor(QueueName.ChannelEvents, WORKER_OPTIONS)
export class ChannelEventsProcessor extends WorkerHost implements OnApplicationBootstrap {
  static readonly handles = [
    JobName.ApplyDeliveryStatus,
    JobName.LinkCall,
    JobName.RecordAutomaticReply,
    JobName.FetchInboundMedia,
    JobName.SyncChannelTemplates,
    JobName.SetUpChannel,
    JobName.FetchSenderProfile,
  ] as const;

  constructor(
    private readonly deliveryStatus: DeliveryStatusService,
    private readonly calls: CallsService,
    private readonly automaticReplies: AutomaticReplyService,
    private readonly channelJobs: ChannelJobsService,
    private readonly config: WaslConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.queues.channelEvents.concurrency;
  }

  process(job: ChannelEventJob): Promise<JobStatus> {
    return runWithRequestId(job.data.requestId, () => this.apply(job));
  }

  private async apply(job: ChannelEventJob): Promise<JobStatus> {
    switch (job.name) {
      case JobName.ApplyDeliveryStatus:
        return this.deliveryStatus.apply(job.data);
      case JobName.LinkCall:
        return this.calls.linkCall(job.data.organisationId, job.data.callId);
      case JobName.RecordAutomaticReply:
        return this.automaticReplies.record(job.data);
      case JobName.FetchInboundMedia:
        return this.channelJobs.fetchMedia(job.data, { attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 });
      case JobName.SyncChannelTemplates:
        return this.channelJobs.syncTemplates(job.data);
      case JobName.SetUpChannel:
        return this.channelJobs.setUp(job.data);
      case JobName.FetchSenderProfile:
        return this.channelJobs.fetchProfile(job.data);
      default:
        throw new UnrecoverableError(`No handler for ${(job as Job).name} on ${QueueName.ChannelEvents}`);
    }
  }
}
