import { createHmac, timingSafeEqual } from 'node:crypto';

// The association's site vouches for a logged-in user with hex HMAC-SHA256(inbox secret, identifier), as
// Chatwoot's identity validation does; compared in constant time so the hash cannot be found byte by byte.
export function isValidIdentifierHash(signingSecret: string, identifier: string, identifierHash: string | undefined): boolean {
  if (!identifierHash || !/^[0-9a-f]{64}$/i.test(identifierHash)) return false;
  const expected = createHmac('sha256', signingSecret).update(identifier).digest();
  return timingSafeEqual(expected, Buffer.from(identifierHash, 'hex'));
}
