import { createHmac, timingSafeEqual } from 'node:crypto';

export interface VisitorToken {
  inboxId: string;
  // The contact's id inside the inbox: a random visitor id, or the identifier the site vouched for.
  externalId: string;
  // True when the site signed the identifier: such a visitor sees the contact's whole web-chat history.
  identified: boolean;
  // True once the visitor entered a code sent to their mobile number: they are that number's contact and see its
  // whole web-chat history too. Optional so tokens issued before verification existed still read.
  phoneVerified?: boolean;
  issuedAt: number;
}

// The third field of a signed token: how far the visitor's identity is established.
const ANONYMOUS = 0;
const IDENTIFIED = 1;
const PHONE_VERIFIED = 2;

// Tokens are signed, not stored: a key derived from the inbox secret, so rotating the secret ends every session.
function tokenKey(signingSecret: string): Buffer {
  return createHmac('sha256', signingSecret).update('wasl-webchat-visitor-token-v1').digest();
}

function signatureOf(signingSecret: string, body: string): string {
  return createHmac('sha256', tokenKey(signingSecret)).update(body).digest('base64url');
}

export function signVisitorToken(signingSecret: string, token: VisitorToken): string {
  const trust = token.identified ? IDENTIFIED : token.phoneVerified ? PHONE_VERIFIED : ANONYMOUS;
  const body = Buffer.from(JSON.stringify([token.inboxId, token.externalId, trust, token.issuedAt])).toString('base64url');
  return `${body}.${signatureOf(signingSecret, body)}`;
}

// Undefined for anything not signed by this inbox's secret, issued for another inbox, or older than maxAgeMs.
export function readVisitorToken(
  signingSecret: string,
  inboxId: string,
  value: unknown,
  maxAgeMilliseconds: number,
  now = Date.now(),
): VisitorToken | undefined {
  if (typeof value !== 'string' || value.length > 1000) return undefined;
  const [body, signature, extra] = value.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(signatureOf(signingSecret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const [tokenInboxId, externalId, trust, issuedAt] = JSON.parse(Buffer.from(body, 'base64url').toString()) as unknown[];
    if (tokenInboxId !== inboxId || typeof externalId !== 'string' || typeof issuedAt !== 'number') return undefined;
    if (now - issuedAt > maxAgeMilliseconds) return undefined;
    return { inboxId, externalId, identified: trust === IDENTIFIED, phoneVerified: trust === PHONE_VERIFIED, issuedAt };
  } catch {
    return undefined;
  }
}
