import twilio from 'twilio';

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
  return twilio.validateRequest(authToken, signature, url, parameters);
}

export function signTwilioRequest(authToken: string, url: string, parameters: Record<string, unknown>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, parameters);
}
