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
    receivedAt: string;
  };
  [JobName.LinkCall]: { organisationId: string; callId: string };
  // Without an organisation, the nightly run applies every organisation's retention settings.
  [JobName.ApplyRetention]: { organisationId?: string };
  // An inbound message whose text is a request number: the handler reads it again and answers with the status.
  [JobName.AnswerRequestStatus]: { organisationId: string; messageId: string };
  // Without an organisation, the hourly run checks every organisation's requests at the committee.
  [JobName.CheckRequestDeadlines]: { organisationId?: string };
};

export type JobOf<Name extends JobName> = JobPayloads[Name];

export enum JobStatus {
  Applied = 'applied',
  Skipped = 'skipped',
}
