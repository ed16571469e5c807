import { randomUUID } from 'node:crypto';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { saudiMobile } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface MessageItem {
  id: string;
  status: string | null;
  providerMessageId: string | null;
  failureCode: string | null;
}
interface OutreachAnswer {
  conversation: { id: string; channel: string; status: string; contact: { phone: string | null } };
  message: MessageItem;
}

describe('Saudi SMS gateways (Unifonic, Taqnyat) through the provider sandbox, end to end', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let unifonic: { id: string; secret: string };
  let taqnyat: { id: string; secret: string };
  const appSid = `app-${randomUUID()}`;

  beforeAll(async () => {
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl({ OUTBOUND_BACKOFF_MS: '50', CHANNEL_EVENTS_BACKOFF_MS: '50' });
    organisation = await wasl.createOrganisation();
    const create = async (provider: string, settings: Record<string, unknown>) => {
      const created = await wasl.request<{ id: string; secret: string }>('POST', '/api/v1/inboxes', {
        token: organisation.adminToken,
        body: {
          channel: 'sms',
          provider,
          name: `${provider} ${randomUUID().slice(0, 6)}`,
          settings: { ...settings, apiBaseUrl: sandbox.url },
        },
      });
      if (created.status !== 201) throw new Error(JSON.stringify(created.body));
      return created.body;
    };
    unifonic = await create('unifonic', { appSid, senderId: 'Jameiati' });
    taqnyat = await create('taqnyat', { apiToken: `token-${randomUUID()}`, sender: 'Jameiati' });
    // What an administrator enters once in Unifonic's console.
    sandbox.registerUnifonicDeliveryReports(
      appSid,
      `${wasl.url}/webhooks/unifonic/${unifonic.id}/delivery-reports?token=${unifonic.secret}`,
    );
  });

  afterAll(async () => {
    await wasl.close();
    await sandbox.stop();
  });

  const outreach = (inboxId: string, phone: string, text = 'تذكير: موعد مقابلة البحث الاجتماعي غداً') =>
    wasl.request<OutreachAnswer & { fields?: Array<{ field: string }> }>('POST', '/api/v1/outreach/sms', {
      token: organisation.adminToken,
      body: { inboxId, phone, text },
    });

  async function messageWhen(conversationId: string, messageId: string, status: string): Promise<MessageItem> {
    return eventually(
      async () => {
        const response = await wasl.request<{ items: MessageItem[] }>('GET', `/api/v1/conversations/${conversationId}/messages`, {
          token: organisation.adminToken,
        });
        return response.body.items.find((item) => item.id === messageId && item.status === status);
      },
      `message ${messageId} to be ${status}`,
      15_000,
    );
  }

  it('should send through Unifonic with the registered sender and apply its delivery report', async () => {
    const phone = saudiMobile('3001');
    const started = await outreach(unifonic.id, `0${phone.slice(4)}`);
    expect(started.status).toBe(201);
    expect(started.body.conversation).toMatchObject({ channel: 'sms', status: 'pending', contact: { phone } });
    const delivered = await messageWhen(started.body.conversation.id, started.body.message.id, 'delivered');
    const atSandbox = sandbox.messages.find((message) => message.sid === delivered.providerMessageId)!;
    expect(atSandbox).toMatchObject({ provider: 'unifonic', to: phone.slice(1), from: 'Jameiati' });
    expect(atSandbox.callbacks).toEqual([{ status: 'Delivered', httpStatus: 200 }]);

    // A second text to the same beneficiary continues the same conversation.
    const again = await outreach(unifonic.id, phone, 'شكراً لكم');
    expect(again.body.conversation.id).toBe(started.body.conversation.id);
  });

  it('should fail a Unifonic message reported Undeliverable, and refuse a report without the inbox token', async () => {
    const started = await outreach(unifonic.id, saudiMobile('0030'));
    const failed = await messageWhen(started.body.conversation.id, started.body.message.id, 'failed');
    expect(failed.failureCode).toBe('UNDELIVERABLE');
    const forged = await fetch(`${wasl.url}/webhooks/unifonic/${unifonic.id}/delivery-reports?token=guess`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ MessageID: failed.providerMessageId!, DLR: 'Delivered' }).toString(),
    });
    expect(forged.status).toBe(403);
  });

  it('should send through Taqnyat (no delivery reports: it stays sent) and fail a rejected number without retrying', async () => {
    const started = await outreach(taqnyat.id, saudiMobile('3002'));
    const sent = await messageWhen(started.body.conversation.id, started.body.message.id, 'sent');
    expect(sandbox.messages.find((message) => message.sid === sent.providerMessageId)).toMatchObject({ provider: 'taqnyat' });

    const rejected = await outreach(taqnyat.id, saudiMobile('0400'));
    const failed = await messageWhen(rejected.body.conversation.id, rejected.body.message.id, 'failed');
    expect(failed.failureCode).toBe('RECIPIENT_INVALID');
  });

  it('should validate outreach input', async () => {
    const apiInbox = await wasl.createApiInbox(organisation.adminToken);
    const notSms = await outreach(apiInbox.id, saudiMobile('3003'));
    expect(notSms.status).toBe(400);
    expect(notSms.body.fields?.[0].field).toBe('inboxId');
    const badPhone = await outreach(unifonic.id, 'not a number');
    expect(badPhone.body.fields?.[0].field).toBe('phone');
    const tooLong = await outreach(unifonic.id, saudiMobile('3004'), 'ع'.repeat(67 * 6 + 1));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields?.[0].field).toBe('text');
  });
});
