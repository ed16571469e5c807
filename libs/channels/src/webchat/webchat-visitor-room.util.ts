import { createHmac } from 'node:crypto';

// A visitor's socket.io room, derived from the inbox secret: unique per inbox, impossible to guess from the
// visitor's id, and computable by both the gateway (joining) and the worker's adapter (emitting).
export function webChatVisitorRoom(signingSecret: string, externalId: string): string {
  return `visitor:${createHmac('sha256', signingSecret).update(`room:${externalId}`).digest('hex').slice(0, 40)}`;
}
