import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_PREFIX = 'sha256=';

export function signBody(body: Buffer | string, secret: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', secret).update(body).digest('hex');
}

// Constant-time comparison; a header of the wrong length or shape is simply not valid.
export function isValidSignature(body: Buffer | string, secret: string, header: string | undefined): boolean {
  if (!header || !header.startsWith(SIGNATURE_PREFIX)) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
