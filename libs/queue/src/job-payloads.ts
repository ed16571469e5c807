import { JobName } from './job-name.enum';

// Payloads carry ids only: the handler reloads rows, so Redis never holds message text, personal data or secrets.
export type JobPayloads = {
  [JobName.ProcessInboundMessage]: { organisationId: string; inboundEventId: number };
  [JobName.SendOutboundMessage]: { organisationId: string; messageId: string };
  // A vendor's message id, a status word and its error code: no text, no phone number, no credentials.
  [JobName.ApplyDeliveryStatus]: {
    organisationId: string;
    inboxId: string;
    providerMessageId: string;
    state: string;
    errorCode?: string;
    // The vendor's failure reason (Meta's error title): no text, no number.
    reason?: string;
    receivedAt: string;
  };
  [JobName.LinkCall]: { organisationId: string; callId: string };
  // Without an organisation, the nightly run applies every organisation's retention settings.
  [JobName.ApplyRetention]: { organisationId?: string };
  [JobName.FetchInboundMedia]: { organisationId: string; inboxId: string; messageId: string };
  [JobName.SyncChannelTemplates]: { organisationId: string; inboxId: string };
  [JobName.SetUpChannel]: { organisationId: string; inboxId: string };
  [JobName.FetchSenderProfile]: { organisationId: string; inboxId: string; messageId: string };
};

export type JobOf<Name extends JobName> = JobPayloads[Name];

export enum JobStatus {
  Applied = 'applied',
  Skipped = 'skipped',
}
