import { WaslConfig } from '@app/config';
import {
  automaticReplyJobId,
  callLinkJobId,
  deliveryStatusJobId,
  inboundJobId,
  inboundMediaJobId,
  knowledgeExtractionJobId,
  outboundJobId,
  requestStatusJobId,
  senderProfileJobId,
} from './job-ids.util';
import { JobName } from './job-name.enum';
import { JobOf } from './job-payloads';
import { QueueName } from './queue-name.enum';

// How a job retries: the group of queue settings it takes its attempts and backoff from, a fixed policy of its own,
// or none (a scheduled job runs again on its own schedule).
export type JobRetryPolicy =
  keyof Pick<WaslConfig['queues'], 'inbound' | 'outbound' | 'channelEvents'> | { attempts: number; backoffMs: number } | 'none';

// The one repeating job every worker upserts at boot (BullMQ's job scheduler): one id, so a second worker or a
// restart replaces the schedule instead of adding another.
export interface JobSchedule {
  schedulerId: string;
  pattern: string;
  tz: string;
}

// Which id a job is queued under. A function of the payload: the same work queued twice gets the same id, and BullMQ
// keeps one job (a provider's re-delivery, a sweep racing a late queue write). 'each-request': every request is new
// work (a template sync asked for again after a template was approved must run again), so BullMQ numbers it.
export type JobIdentity<Name extends JobName> = ((payload: JobOf<Name>) => string) | 'each-request' | JobSchedule;

export interface JobSpec<Name extends JobName = JobName> {
  queue: QueueName;
  retry: JobRetryPolicy;
  id: JobIdentity<Name>;
}

// Every job Wasl runs, its queue, its retry policy and its id, in one table: JobQueue reads it, so nothing else
// chooses a queue, writes job options or makes up a job id, and the worker refuses to boot when a job here has no
// processor. Backoff is exponential from the policy's delay, or the provider's Retry-After when it asked for longer
// (PROVIDER_AWARE_BACKOFF, applied by the worker). Ids are stored in Redis with queued jobs: changing one's format
// means a job queued before the change and its recovery may both run, which applying idempotently absorbs.
export const JOB_CATALOGUE: { [Name in JobName]: JobSpec<Name> } = {
  // inbound_events holds one row per (inbox, provider message id), so its id stands for the provider's message.
  [JobName.ProcessInboundMessage]: { queue: QueueName.ChannelInbound, retry: 'inbound', id: (job) => inboundJobId(job.inboundEventId) },
  [JobName.SendOutboundMessage]: { queue: QueueName.ChannelOutbound, retry: 'outbound', id: (job) => outboundJobId(job.messageId) },
  // One job per report: the same (message, status, error) posted again collapses into the job already queued.
  [JobName.ApplyDeliveryStatus]: {
    queue: QueueName.ChannelEvents,
    retry: 'channelEvents',
    id: (job) => deliveryStatusJobId(job.inboxId, job.providerMessageId, job.state, job.errorCode),
  },
  [JobName.LinkCall]: {
    queue: QueueName.ChannelEvents,
    retry: 'channelEvents',
    id: (job) => callLinkJobId(job.callId, job.step ?? 'call'),
  },
  [JobName.RecordAutomaticReply]: {
    queue: QueueName.ChannelEvents,
    retry: 'channelEvents',
    id: (job) => automaticReplyJobId(job.messageId),
  },
  [JobName.FetchInboundMedia]: { queue: QueueName.ChannelEvents, retry: 'channelEvents', id: (job) => inboundMediaJobId(job.messageId) },
  [JobName.SyncChannelTemplates]: { queue: QueueName.ChannelEvents, retry: 'channelEvents', id: 'each-request' },
  [JobName.SetUpChannel]: { queue: QueueName.ChannelEvents, retry: 'channelEvents', id: 'each-request' },
  [JobName.FetchSenderProfile]: { queue: QueueName.ChannelEvents, retry: 'channelEvents', id: (job) => senderProfileJobId(job.messageId) },
  // Every night at 02:00 Riyadh time, when inboxes are quiet.
  [JobName.ApplyRetention]: {
    queue: QueueName.Maintenance,
    retry: 'none',
    id: { schedulerId: 'retention-nightly', pattern: '0 2 * * *', tz: 'Asia/Riyadh' },
  },
  // Officers' uploads no message took are removed a day after they were made; hourly keeps one at most 25 hours.
  [JobName.SweepAttachmentUploads]: {
    queue: QueueName.Maintenance,
    retry: 'none',
    id: { schedulerId: 'attachment-uploads-hourly', pattern: '17 * * * *', tz: 'Asia/Riyadh' },
  },
  // A document that failed to read three times has a fault of its own; «read again» queues it anew.
  [JobName.AnswerRequestStatus]: {
    queue: QueueName.SupportRequests,
    retry: { attempts: 3, backoffMs: 2_000 },
    id: (job) => requestStatusJobId(job.messageId),
  },
  // Requests nearing their announced answer day: every hour, so a supervisor hears of one the same morning.
  [JobName.CheckRequestDeadlines]: {
    queue: QueueName.Maintenance,
    retry: 'none',
    id: { schedulerId: 'request-deadlines-hourly', pattern: '10 * * * *', tz: 'Asia/Riyadh' },
  },
  // The revision is in the id: a document edited while its extraction is queued is read again.
  [JobName.ExtractKnowledgeDocument]: {
    queue: QueueName.Knowledge,
    retry: { attempts: 3, backoffMs: 5_000 },
    id: (job) => knowledgeExtractionJobId(job.documentId, job.revision),
  },
};

// The id the catalogue gives this work; undefined for a job BullMQ numbers ('each-request', or a scheduled job run
// once by hand).
export function jobIdOf<Name extends JobName>(name: Name, payload: JobOf<Name>): string | undefined {
  const spec: JobSpec<Name> = JOB_CATALOGUE[name];
  return typeof spec.id === 'function' ? spec.id(payload) : undefined;
}

// The backoff type every retried job is queued with; see providerAwareBackoff.
export const PROVIDER_AWARE_BACKOFF = 'provider-aware';
