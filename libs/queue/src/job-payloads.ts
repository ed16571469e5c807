import { JobName } from './job-name.enum';

// Payloads carry ids only: the handler reloads rows, so Redis never holds message text, personal data or secrets.
export type JobPayloads = {
  [JobName.ProcessInboundMessage]: { organisationId: string; inboundEventId: number };
  [JobName.SendOutboundMessage]: { organisationId: string; messageId: string };
};

export type JobOf<Name extends JobName> = JobPayloads[Name];

export enum JobStatus {
  Applied = 'applied',
  Skipped = 'skipped',
}
