import { ApiErrorCode, ApiException } from '@app/common';
import { HttpStatus } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { WebhookInbox, WebhookRequest } from '../channel-definition';

// For providers that document no webhook signature (Unifonic, Taqnyat): the URL pasted into their console
// carries the inbox's secret as ?token=, compared in constant time before any field of the body is read.
export function verifyInboxToken(request: WebhookRequest, inbox: WebhookInbox): void {
  const given = request.query.token;
  const expected = inbox.secrets.signingSecret;
  // A repeated ?token= arrives as an array: not a token.
  const same =
    typeof given === 'string' &&
    given.length > 0 &&
    typeof expected === 'string' &&
    Buffer.byteLength(given) === Buffer.byteLength(expected) &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!same) throw new ApiException(ApiErrorCode.SignatureInvalid, 'Missing or wrong token', undefined, HttpStatus.FORBIDDEN);
}

export const INBOX_TOKEN_QUERY = [
  { name: 'token', required: true, description: 'The inbox secret returned when the inbox was created' },
] as const;
