import { ChannelKind, SmsProvider } from '@app/channels';
import { ApiErrorCode, ApiException } from '@app/common';
import { InboxesService, InboxWithSecrets } from '@app/inboxes';
import { HttpStatus, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';

// Unifonic and Taqnyat document no webhook signature, so the URL pasted into their console carries the inbox's
// secret (?token=). It is checked in constant time before any field of the body is read or anything is stored.
@Injectable()
export class SmsWebhookTokenVerifier {
  constructor(private readonly inboxes: InboxesService) {}

  async verify(inboxId: string, provider: SmsProvider, token: unknown): Promise<InboxWithSecrets> {
    const found = await this.inboxes.findWithSecrets(inboxId);
    if (!found || !found.inbox.active || found.inbox.channel !== ChannelKind.Sms || found.inbox.provider !== provider) {
      throw ApiException.notFound('Inbox');
    }
    if (!sameSecret(token, found.secrets.signingSecret)) {
      throw new ApiException(ApiErrorCode.SignatureInvalid, 'Missing or wrong token', undefined, HttpStatus.FORBIDDEN);
    }
    return found;
  }
}

function sameSecret(given: unknown, expected: string | undefined): boolean {
  // A repeated ?token= arrives as an array: not a token.
  if (typeof given !== 'string' || !given || !expected) return false;
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
