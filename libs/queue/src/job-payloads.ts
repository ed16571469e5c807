import { JobName } from './job-name.enum';

// The id of the HTTP request that caused the job (X-Request-Id or a generated one), so the worker's log lines can be
// matched with the gateway's. Not personal data; absent on jobs the sweeps and schedulers queue.
interface Traced {
  requestId?: string;
}

// Payloads carry ids only: the handler reloads rows, so Redis never holds message text, personal data or secrets.
export type JobPayloads = {
  // channel: the inbox's kind, for the worker's metrics (absent on jobs queued before it was added).
  [JobName.ProcessInboundMessage]: Traced & { organisationId: string; inboundEventId: number; channel?: string };
  [JobName.SendOutboundMessage]: Traced & { organisationId: string; messageId: string };
  // A vendor's message id, a status word and its error code: no text, no phone number, no credentials.
  [JobName.ApplyDeliveryStatus]: Traced & {
    organisationId: string;
    inboxId: string;
    providerMessageId: string;
    state: string;
    errorCode?: string;
    // The vendor's failure reason (Meta's error title): no text, no number.
    reason?: string;
    receivedAt: string;
  };
  // step: which event of the call asked for the link (its first webhook, or it turning out missed); each is one job.
  // Absent on jobs queued before it was added.
  [JobName.LinkCall]: Traced & { organisationId: string; callId: string; step?: 'call' | 'missed' };
  // The automatic answer the visitor was shown, stored once their message is applied: its id (the one the widget
  // already has) and why it was sent; the text is made again from the inbox's settings, never carried here.
  [JobName.RecordAutomaticReply]: Traced & {
    organisationId: string;
    inboundEventId: number;
    messageId: string;
    reason: 'outside_working_hours' | 'no_officer_online';
    locale: 'ar' | 'en';
    // When the widget showed it, so it sorts right after the visitor's message.
    shownAt: string;
  };
  // Without an organisation, the nightly run applies every organisation's retention settings.
  [JobName.ApplyRetention]: { organisationId?: string };
  // The revision read: a job for an older revision of the document finds it changed and does nothing.
  [JobName.ExtractKnowledgeDocument]: { organisationId: string; documentId: string; revision: number };
  // Every organisation's uploads that no message took within a day.
  [JobName.SweepAttachmentUploads]: Record<string, never>;
  // An inbound message whose text is a request number: the handler reads it again and answers with the status.
  [JobName.AnswerRequestStatus]: Traced & { organisationId: string; messageId: string };
  // Without an organisation, the hourly run checks every organisation's requests at the committee.
  [JobName.CheckRequestDeadlines]: { organisationId?: string };
  [JobName.FetchInboundMedia]: Traced & { organisationId: string; inboxId: string; messageId: string };
  [JobName.SyncChannelTemplates]: Traced & { organisationId: string; inboxId: string };
  [JobName.SetUpChannel]: Traced & { organisationId: string; inboxId: string };
  [JobName.FetchSenderProfile]: Traced & { organisationId: string; inboxId: string; messageId: string };
};

export type JobOf<Name extends JobName> = JobPayloads[Name];

export enum JobStatus {
  Applied = 'applied',
  Skipped = 'skipped',
}
