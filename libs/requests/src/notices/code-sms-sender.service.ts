import { ChannelError, ChannelKind, createSmsAdapter } from '@app/channels';
import { ApiErrorCode, ApiException, GuardedHttpClient } from '@app/common';
import { WaslConfig } from '@app/config';
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
  private readonly http: GuardedHttpClient;

  constructor(
    private readonly inboxes: InboxesService,
    private readonly config: WaslConfig,
  ) {
    this.http = new GuardedHttpClient({ allowPrivateNetworks: config.channels.allowPrivateNetworks });
  }

  async send(organisationId: string, smsInboxId: string | null, phone: string, text: string): Promise<void> {
    const found = smsInboxId ? await this.inboxes.findWithSecrets(smsInboxId) : null;
    if (!found || found.inbox.organisationId !== organisationId || found.inbox.channel !== ChannelKind.Sms || !found.inbox.active) {
      throw new ApiException(
        ApiErrorCode.Conflict,
        'No SMS inbox carries codes to beneficiaries; an administrator sets one in the request settings',
        [{ field: 'smsInboxId', message: 'is not set to an active SMS inbox' }],
      );
    }
    const adapter = createSmsAdapter(found.inbox.provider, {
      settings: found.inbox.settings,
      secrets: found.secrets,
      timeoutMs: this.config.channels.callbackTimeoutMs,
      http: this.http,
    });
    try {
      await adapter.send({ messageId: randomUUID(), to: phone, text });
    } catch (error) {
      // The reason is the administrator's to read in the log; the caller learns only that it did not go.
      this.logger.warn(`Code SMS through inbox ${found.inbox.id} failed: ${error instanceof ChannelError ? error.code : 'UNKNOWN'}`);
      throw new ApiException(ApiErrorCode.Unavailable, 'The code could not be sent by SMS; try again later');
    }
  }
}
