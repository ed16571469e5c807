import { ChannelError, ChannelKind } from '@app/channels';
import { ApiErrorCode, ApiException } from '@app/common';
import { OutboundAdapterFactory } from '@app/conversations';
import { InboxesService } from '@app/inboxes';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

export function maskedPhone(phone: string): string {
  return `${phone.slice(0, 5)}${'•'.repeat(Math.max(phone.length - 8, 0))}${phone.slice(-3)}`;
}

// One-time codes go straight to the SMS provider of the organisation's notice inbox, as web chat's phone check does,
// and are never stored as a message: no one on the staff can read a beneficiary's attestation code in a conversation.
@Injectable()
export class CodeSmsSender {
  private readonly logger = new Logger(CodeSmsSender.name);

  constructor(
    private readonly inboxes: InboxesService,
    private readonly adapters: OutboundAdapterFactory,
  ) {}

  async send(organisationId: string, smsInboxId: string | null, phone: string, text: string): Promise<void> {
    const found = smsInboxId ? await this.inboxes.findWithSecrets(smsInboxId) : null;
    if (!found || found.inbox.organisationId !== organisationId || found.inbox.channel !== ChannelKind.Sms || !found.inbox.active) {
      throw new ApiException(
        ApiErrorCode.Conflict,
        'No SMS inbox carries codes to beneficiaries; an administrator sets one in the request settings',
        [{ field: 'smsInboxId', message: 'is not set to an active SMS inbox' }],
      );
    }
    try {
      // The code is never stored as a message, so the provider is not asked for delivery reports.
      const adapter = this.adapters.create(found, { reportDelivery: false });
      await adapter.send({ messageId: randomUUID(), conversationId: '', text, createdAt: new Date(), recipient: { phone } });
    } catch (error) {
      // The reason is the administrator's to read in the log; the caller learns only that it did not go.
      this.logger.warn(`Code SMS through inbox ${found.inbox.id} failed: ${error instanceof ChannelError ? error.code : 'UNKNOWN'}`);
      throw new ApiException(ApiErrorCode.Unavailable, 'The code could not be sent by SMS; try again later');
    }
  }
}
