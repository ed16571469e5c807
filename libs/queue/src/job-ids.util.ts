import { createHash } from 'node:crypto';

// The id formats JOB_CATALOGUE gives each job (the tests find jobs by them too). BullMQ refuses custom ids containing
// ':' or made only of digits, so every id has a prefix, and provider ids, which may contain anything, are hashed.

// The inbound event row is one per (inbox, provider message id): a re-delivery finds the same row, so the same job.
export function inboundJobId(inboundEventId: number): string {
  return `in-${inboundEventId}`;
}

export function deliveryStatusJobId(inboxId: string, providerMessageId: string, state: string, errorCode = ''): string {
  const digest = createHash('sha256').update(`${providerMessageId}\n${state}\n${errorCode}`).digest('base64url').slice(0, 32);
  return `dlr-${inboxId}-${digest}`;
}

export function callLinkJobId(callId: string, step: string): string {
  return `call-${callId}-${step}`;
}

export function automaticReplyJobId(messageId: string): string {
  return `auto-${messageId}`;
}

export function outboundJobId(messageId: string): string {
  return `out-${messageId}`;
}

export function knowledgeExtractionJobId(documentId: string, revision: number): string {
  return `knowledge-${documentId}-r${revision}`;
}

// One status answer per inbound message, however often the message is applied or the job queued.
export function requestStatusJobId(messageId: string): string {
  return `status-${messageId}`;
}

export function inboundMediaJobId(messageId: string): string {
  return `media-${messageId}`;
}

export function senderProfileJobId(messageId: string): string {
  return `profile-${messageId}`;
}
