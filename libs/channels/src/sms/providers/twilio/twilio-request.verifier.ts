import { ApiErrorCode, ApiException } from '@app/common';
import { HttpStatus } from '@nestjs/common';
import { WebhookInbox, WebhookRequest } from '../../../channel-definition';
import { isValidTwilioSignature, TWILIO_SIGNATURE_HEADER } from './twilio-signature.util';
import { TwilioParameters } from './twilio-webhook.parser';

// Twilio's requests carry a few dozen parameters (more with media and WhatsApp referrals).
const MAX_TWILIO_PARAMETERS = 200;

// X-Twilio-Signature, checked before anything is parsed or stored. Twilio signs the URL it called: behind a proxy
// that is the configured public URL, not the Host the gateway sees.
export function verifyTwilioRequest(request: WebhookRequest, inbox: WebhookInbox): void {
  const parameters = twilioFormParameters(request.body);
  const header = request.headers[TWILIO_SIGNATURE_HEADER];
  const signature = Array.isArray(header) ? header[0] : header;
  if (!isValidTwilioSignature(inbox.secrets.authToken ?? '', signature, request.publicUrl, parameters)) {
    throw new ApiException(ApiErrorCode.SignatureInvalid, 'Missing or wrong X-Twilio-Signature', undefined, HttpStatus.FORBIDDEN);
  }
}

// Twilio posts flat form fields, each once. Anything else (a JSON object, nested values, a repeated key) is not
// Twilio, and twilio-node's signature code would recurse into it or the parsers would read an array as text.
export function twilioFormParameters(body: unknown): TwilioParameters {
  const problem = (message: string) => ApiException.validation([{ field: 'body', message }]);
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw problem('must be form fields');
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.length > MAX_TWILIO_PARAMETERS) throw problem(`must have at most ${MAX_TWILIO_PARAMETERS} fields`);
  for (const [key, value] of entries) {
    if (typeof value !== 'string') throw ApiException.validation([{ field: key.slice(0, 100), message: 'must be one form field' }]);
  }
  return body as TwilioParameters;
}

export const TWILIO_SIGNATURE_DOCUMENTATION = [
  { name: 'X-Twilio-Signature', description: 'base64 HMAC-SHA1 of the public URL and sorted form parameters' },
] as const;

// Twilio takes TwiML in answer to every webhook; replies go out through the REST API from the worker.
export const TWIML_CONTENT_TYPE = 'text/xml; charset=utf-8';
