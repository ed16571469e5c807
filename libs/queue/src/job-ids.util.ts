import { createHash } from 'node:crypto';

// BullMQ refuses custom ids containing ':' or made only of digits; provider ids may contain anything,
// so they are hashed. Same inbox + same provider id => same job id => BullMQ keeps one job.
export function inboundJobId(inboxId: string, providerMessageId: string): string {
  const digest = createHash('sha256').update(providerMessageId).digest('base64url').slice(0, 32);
  return `in-${inboxId}-${digest}`;
}

// One job per report: the same (message, status, error) posted again collapses into the job already queued.
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
