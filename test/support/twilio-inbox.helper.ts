import { signTwilioRequest } from '@app/channels';
import { randomBytes, randomUUID } from 'node:crypto';
import { eventually, WaslTestApp } from './wasl-test-app';

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

// A beneficiary's SMS into a Twilio inbox, signed as Twilio signs it; resolves to the contact the number now
// identifies once the worker has applied it (the provider asserts the sender's number).
export async function receiveTwilioSms(wasl: WaslTestApp, inbox: TwilioTestInbox, from: string, body: string): Promise<string> {
  const answer = await postTwilioForm(wasl, `/webhooks/twilio/${inbox.id}/sms`, inbox.authToken, {
    MessageSid: `SM${randomUUID().replace(/-/g, '')}`,
    AccountSid: inbox.accountSid,
    From: from,
    To: inbox.phoneNumber,
    Body: body,
    NumMedia: '0',
  });
  if (answer.status !== 200) throw new Error(`the SMS webhook answered ${answer.status}: ${answer.body}`);
  return eventually(async () => {
    const rows: Array<{ contact_id: string }> = await wasl.dataSource.query(
      "SELECT contact_id FROM contact_identities WHERE kind = 'phone' AND value = $1",
      [from],
    );
    return rows[0]?.contact_id;
  }, `the SMS from ${from} to be applied`);
}
