import { createHash } from 'node:crypto';

// BullMQ refuses custom ids containing ':' or made only of digits; provider ids may contain anything,
// so they are hashed. Same inbox + same provider id => same job id => BullMQ keeps one job.
export function inboundJobId(inboxId: string, providerMessageId: string): string {
  const digest = createHash('sha256').update(providerMessageId).digest('base64url').slice(0, 32);
  return `in-${inboxId}-${digest}`;
}

export function outboundJobId(messageId: string): string {
  return `out-${messageId}`;
}
