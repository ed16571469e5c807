import { signTwilioRequest } from '@app/channels';
import { randomBytes } from 'node:crypto';
import { WaslTestApp } from './wasl-test-app';

export interface TwilioTestInbox {
  id: string;
  secret: string;
  authToken: string;
  accountSid: string;
  phoneNumber: string;
}

export const twilioAccountSid = (): string => `AC${randomBytes(16).toString('hex')}`;

// A Twilio inbox (sms or voice) pointed at the provider sandbox through its apiBaseUrl setting.
export async function createTwilioInbox(
  wasl: WaslTestApp,
  adminToken: string,
  channel: 'sms' | 'voice',
  apiBaseUrl: string,
  extraSettings: Record<string, unknown> = {},
): Promise<TwilioTestInbox> {
  const accountSid = twilioAccountSid();
  const authToken = randomBytes(16).toString('hex');
  const phoneNumber = `+96611${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  const created = await wasl.request<{ id: string; secret: string }>('POST', '/api/v1/inboxes', {
    token: adminToken,
    body: {
      channel,
      provider: 'twilio',
      name: `${channel} ${randomBytes(4).toString('hex')}`,
      settings: { accountSid, authToken, phoneNumber, apiBaseUrl, ...extraSettings },
    },
  });
  if (created.status !== 201) throw new Error(`inbox creation failed: ${JSON.stringify(created.body)}`);
  return { id: created.body.id, secret: created.body.secret, authToken, accountSid, phoneNumber };
}

// Posts form parameters signed with twilio's own getExpectedTwilioSignature over the public URL.
export async function postTwilioForm(
  wasl: WaslTestApp,
  path: string,
  authToken: string,
  parameters: Record<string, string>,
  signature?: string,
) {
  const url = `${wasl.config.http.publicUrl}${path}`;
  const response = await fetch(`${wasl.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature ?? signTwilioRequest(authToken, url, parameters),
    },
    body: new URLSearchParams(parameters).toString(),
  });
  return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') };
}

export function saudiMobile(lastFour: string): string {
  return `+9665${Math.floor(10_000 + Math.random() * 89_999)}${lastFour}`;
}
