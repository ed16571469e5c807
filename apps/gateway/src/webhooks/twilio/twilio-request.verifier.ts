import { ChannelKind, isValidTwilioSignature, SmsProvider, TWILIO_SIGNATURE_HEADER } from '@app/channels';
import { ApiErrorCode, ApiException } from '@app/common';
import { WaslConfig } from '@app/config';
import { InboxesService, InboxWithSecrets } from '@app/inboxes';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

// Twilio's requests carry a few dozen parameters (more with media and WhatsApp referrals).
const MAX_TWILIO_PARAMETERS = 200;

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
    const parameters = formParameters(request.body);
    const header = request.headers[TWILIO_SIGNATURE_HEADER];
    const signature = Array.isArray(header) ? header[0] : header;
    if (!isValidTwilioSignature(found.secrets.authToken ?? '', signature, url, parameters)) {
      throw new ApiException(ApiErrorCode.SignatureInvalid, 'Missing or wrong X-Twilio-Signature', undefined, HttpStatus.FORBIDDEN);
    }
    return found;
  }
}

// Twilio posts flat form fields, each once. Anything else (a JSON object, nested values, a repeated key) is not
// Twilio, and twilio-node's signature code would recurse into it or the parsers would read an array as text.
function formParameters(body: unknown): Record<string, string> {
  const problem = (message: string) => ApiException.validation([{ field: 'body', message }]);
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw problem('must be form fields');
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.length > MAX_TWILIO_PARAMETERS) throw problem(`must have at most ${MAX_TWILIO_PARAMETERS} fields`);
  for (const [key, value] of entries) {
    if (typeof value !== 'string') throw ApiException.validation([{ field: key.slice(0, 100), message: 'must be one form field' }]);
  }
  return body as Record<string, string>;
}
