import { ChannelKind, isValidTwilioSignature, SmsProvider, TWILIO_SIGNATURE_HEADER } from '@app/channels';
import { ApiErrorCode, ApiException } from '@app/common';
import { WaslConfig } from '@app/config';
import { InboxesService, InboxWithSecrets } from '@app/inboxes';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

// Resolves the inbox a Twilio webhook names and checks X-Twilio-Signature before anything is parsed or stored.
@Injectable()
export class TwilioRequestVerifier {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly config: WaslConfig,
  ) {}

  async verify(inboxId: string, request: FastifyRequest, channels: ChannelKind[]): Promise<InboxWithSecrets> {
    const found = await this.inboxes.findWithSecrets(inboxId);
    if (!found || !found.inbox.active || !channels.includes(found.inbox.channel) || found.inbox.provider !== SmsProvider.Twilio) {
      throw ApiException.notFound('Inbox');
    }
    // Twilio signs the URL it called: behind a proxy that is the configured public URL, not the Host we see.
    const url = `${this.config.http.publicUrl}${request.originalUrl}`;
    const parameters = (request.body ?? {}) as Record<string, unknown>;
    const header = request.headers[TWILIO_SIGNATURE_HEADER];
    const signature = Array.isArray(header) ? header[0] : header;
    if (!isValidTwilioSignature(found.secrets.authToken ?? '', signature, url, parameters)) {
      throw new ApiException(ApiErrorCode.SignatureInvalid, 'Missing or wrong X-Twilio-Signature', undefined, HttpStatus.FORBIDDEN);
    }
    return found;
  }
}
