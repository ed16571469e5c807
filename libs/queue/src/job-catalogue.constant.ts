import { WaslConfig } from '@app/config';
import { JobName } from './job-name.enum';
import { QueueName } from './queue-name.enum';

// How a job retries: the group of queue settings it takes its attempts and backoff from, a fixed policy of its own,
// or none (a scheduled job runs again on its own schedule).
export type JobRetryPolicy =
  keyof Pick<WaslConfig['queues'], 'inbound' | 'outbound' | 'channelEvents'> | { attempts: number; backoffMs: number } | 'none';

export interface JobSpec {
  queue: QueueName;
  retry: JobRetryPolicy;
}

// Every job Wasl runs, its queue and its retry policy, in one table: JobQueue.enqueue reads it, so nothing else
// chooses a queue or writes job options, and the worker refuses to boot when a job here has no processor.
// Backoff is exponential from the policy's delay, or the provider's Retry-After when it asked for longer
// (PROVIDER_AWARE_BACKOFF, applied by the worker).
export const JOB_CATALOGUE: Record<JobName, JobSpec> = {
  [JobName.ProcessInboundMessage]: { queue: QueueName.ChannelInbound, retry: 'inbound' },
  [JobName.SendOutboundMessage]: { queue: QueueName.ChannelOutbound, retry: 'outbound' },
  [JobName.ApplyDeliveryStatus]: { queue: QueueName.ChannelEvents, retry: 'channelEvents' },
  [JobName.LinkCall]: { queue: QueueName.ChannelEvents, retry: 'channelEvents' },
  [JobName.RecordAutomaticReply]: { queue: QueueName.ChannelEvents, retry: 'channelEvents' },
  [JobName.FetchInboundMedia]: { queue: QueueName.ChannelEvents, retry: 'channelEvents' },
  [JobName.SyncChannelTemplates]: { queue: QueueName.ChannelEvents, retry: 'channelEvents' },
  [JobName.SetUpChannel]: { queue: QueueName.ChannelEvents, retry: 'channelEvents' },
  [JobName.FetchSenderProfile]: { queue: QueueName.ChannelEvents, retry: 'channelEvents' },
  [JobName.ApplyRetention]: { queue: QueueName.Maintenance, retry: 'none' },
  [JobName.SweepAttachmentUploads]: { queue: QueueName.Maintenance, retry: 'none' },
  // A document that failed to read three times has a fault of its own; «read again» queues it anew.
  [JobName.AnswerRequestStatus]: { queue: QueueName.SupportRequests, retry: { attempts: 3, backoffMs: 2_000 } },
  [JobName.CheckRequestDeadlines]: { queue: QueueName.Maintenance, retry: 'none' },
  [JobName.ExtractKnowledgeDocument]: { queue: QueueName.Knowledge, retry: { attempts: 3, backoffMs: 5_000 } },
};

// The backoff type every retried job is queued with; see providerAwareBackoff.
export const PROVIDER_AWARE_BACKOFF = 'provider-aware';
