// The webhook helpers alone: twilio's index also loads its REST client, which a gateway never needs here.
import { getExpectedTwilioSignature, validateRequest } from 'twilio/lib/webhooks/webhooks';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

// The check Twilio documents, done by Twilio's own library: HMAC-SHA1 over the URL it called plus the
// sorted form parameters. `url` must be the public URL (PUBLIC_URL + path), not what the proxy forwarded.
export function isValidTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  parameters: Record<string, unknown>,
): boolean {
  if (!signature || !authToken) return false;
  return validateRequest(authToken, signature, url, parameters);
}

export function signTwilioRequest(authToken: string, url: string, parameters: Record<string, unknown>): string {
  return getExpectedTwilioSignature(authToken, url, parameters);
}
