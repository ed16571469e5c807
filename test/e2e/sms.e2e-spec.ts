import { signTwilioRequest } from '@app/channels';
import { deliveryStatusJobId, QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { createTwilioInbox, postTwilioForm, saudiMobile, TwilioTestInbox } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface MessageItem {
  id: string;
  type: string;
  text: string;
  status: string | null;
  providerMessageId: string | null;
  failureCode: string | null;
  attachments: Array<{ url?: string; contentType?: string }>;
}
interface ConversationItem {
  id: string;
  channel: string;
  contact: { id: string; phone: string | null };
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

describe('SMS through Twilio and the provider sandbox, end to end (PostgreSQL + Redis)', () => {
  // No delay: the first callback usually reaches Wasl before the send's result is stored, the race the
  // channel-events queue absorbs by retrying until the message carries the provider id.
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: TwilioTestInbox;

  beforeAll(async () => {
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl({
      OUTBOUND_ATTEMPTS: '4',
      OUTBOUND_BACKOFF_MS: '50',
      CHANNEL_EVENTS_BACKOFF_MS: '50',
      CHANNEL_EVENTS_ATTEMPTS: '6',
      SMS_MAX_PARTS: '3',
    });
    organisation = await wasl.createOrganisation();
    inbox = await createTwilioInbox(wasl, organisation.adminToken, 'sms', sandbox.url);
  });

  afterAll(async () => {
    await wasl.close();
    await sandbox.stop();
  });

  const smsWebhook = () => `${wasl.url}/webhooks/twilio/${inbox.id}/sms`;

  async function receiveSms(from: string, body: string, messageSid?: string) {
    return sandbox.playInboundSms({ webhookUrl: smsWebhook(), authToken: inbox.authToken, from, to: inbox.phoneNumber, body, messageSid });
  }

  async function messagesOf(conversationId: string): Promise<MessageItem[]> {
    const response = await wasl.request<{ items: MessageItem[] }>('GET', `/api/v1/conversations/${conversationId}/messages`, {
      token: organisation.adminToken,
    });
    return response.body.items;
  }

  async function reply(conversationId: string, text: string) {
    return wasl.request<MessageItem & { fields?: Array<{ field: string; message: string }> }>(
      'POST',
      `/api/v1/conversations/${conversationId}/messages`,
      { token: organisation.adminToken, body: { text } },
    );
  }

  async function messageWhen(conversationId: string, messageId: string, done: (message: MessageItem) => boolean, what: string) {
    return eventually(async () => (await messagesOf(conversationId)).find((item) => item.id === messageId && done(item)), what, 15_000);
  }

  // A conversation with a beneficiary whose number picks the sandbox's behaviour (see provider-sandbox.ts).
  async function conversationWith(lastFour: string): Promise<{ conversationId: string; phone: string }> {
    const phone = saudiMobile(lastFour);
    const { messageSid } = await receiveSms(phone, 'السلام عليكم');
    return { conversationId: await wasl.conversationOfMessage(messageSid), phone };
  }

  it('should keep the provider credentials sealed and fill the default API base URL', async () => {
    const listed = await wasl.request<Array<{ id: string; settings: Record<string, unknown> }>>('GET', '/api/v1/inboxes', {
      token: organisation.adminToken,
    });
    const stored = listed.body.find((item) => item.id === inbox.id)!;
    expect(stored.settings).toEqual({ accountSid: inbox.accountSid, phoneNumber: inbox.phoneNumber, apiBaseUrl: sandbox.url });
    expect(JSON.stringify(listed.body)).not.toContain(inbox.authToken);

    const real = await wasl.request<{ settings: Record<string, unknown> }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: {
        channel: 'sms',
        provider: 'unifonic',
        name: `Unifonic ${randomUUID().slice(0, 6)}`,
        settings: { appSid: 'app-sid-secret', senderId: 'Jameiati' },
      },
    });
    expect(real.status).toBe(201);
    expect(real.body.settings).toEqual({ senderId: 'Jameiati', apiBaseUrl: 'https://el.cloud.unifonic.com' });

    const invalid = await wasl.request<{ code: string; fields: Array<{ field: string }> }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'sms', provider: 'twilio', name: 'bad twilio', settings: { accountSid: 'nope', phoneNumber: '0551234567' } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields.map((field) => field.field)).toEqual(
      expect.arrayContaining(['settings.accountSid', 'settings.authToken', 'settings.phoneNumber']),
    );
    const unknownProvider = await wasl.request<{ fields: Array<{ field: string }> }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: { channel: 'sms', provider: 'carrier-pigeon', name: 'bad provider', settings: {} },
    });
    expect(unknownProvider.status).toBe(400);
    expect(unknownProvider.body.fields[0].field).toBe('provider');
  });

  it('should turn an inbound Arabic SMS into a conversation with the sender as an E.164 contact, answering empty TwiML', async () => {
    const phone = saudiMobile('1001');
    const answer = await receiveSms(phone, 'مرحبا، عندي مشكلة في الطلب');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(EMPTY_TWIML);

    const conversationId = await wasl.conversationOfMessage(answer.messageSid);
    const conversation = await wasl.request<ConversationItem>('GET', `/api/v1/conversations/${conversationId}`, {
      token: organisation.adminToken,
    });
    expect(conversation.body).toMatchObject({ channel: 'sms', contact: { phone } });
    expect(await messagesOf(conversationId)).toEqual([
      expect.objectContaining({ type: 'inbound', text: 'مرحبا، عندي مشكلة في الطلب', providerMessageId: answer.messageSid }),
    ]);
  });

  it('should record MMS media as attachments', async () => {
    const messageSid = `MM${randomUUID().replace(/-/g, '')}`;
    const response = await postTwilioForm(wasl, `/webhooks/twilio/${inbox.id}/sms`, inbox.authToken, {
      MessageSid: messageSid,
      From: saudiMobile('1002'),
      To: inbox.phoneNumber,
      Body: 'صورة الهوية',
      NumMedia: '1',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME1',
      MediaContentType0: 'image/jpeg',
    });
    expect(response.status).toBe(200);
    expect(response.contentType).toContain('text/xml');
    const [message] = await messagesOf(await wasl.conversationOfMessage(messageSid));
    expect(message.attachments).toEqual([
      { url: 'https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME1', contentType: 'image/jpeg' },
    ]);
  });

  it('should store the same MessageSid posted five times once', async () => {
    const phone = saudiMobile('1003');
    const messageSid = `SM${randomUUID().replace(/-/g, '')}`;
    const answers = await Promise.all(Array.from({ length: 5 }, () => receiveSms(phone, 'رسالة مكررة', messageSid)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const conversationId = await wasl.conversationOfMessage(messageSid);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await messagesOf(conversationId)).filter((message) => message.providerMessageId === messageSid)).toHaveLength(1);
    const events = await wasl.dataSource.query('SELECT count(*)::int AS count FROM inbound_events WHERE provider_message_id = $1', [
      messageSid,
    ]);
    expect(events[0].count).toBe(1);
  });

  it('should refuse a forged, missing or replayed-with-changes X-Twilio-Signature with 403 and store nothing', async () => {
    const parameters = {
      MessageSid: `SM${randomUUID().replace(/-/g, '')}`,
      From: saudiMobile('1004'),
      To: inbox.phoneNumber,
      Body: 'مزورة',
    };
    const path = `/webhooks/twilio/${inbox.id}/sms`;
    const genuine = signTwilioRequest(inbox.authToken, `${wasl.config.http.publicUrl}${path}`, parameters);
    const refused = await Promise.all([
      postTwilioForm(wasl, path, inbox.authToken, parameters, 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='),
      postTwilioForm(wasl, path, 'not-the-auth-token', parameters),
      postTwilioForm(wasl, path, inbox.authToken, parameters, ''),
      // A genuine signature over different parameters: the body was changed on the way.
      postTwilioForm(wasl, path, inbox.authToken, { ...parameters, Body: 'تم التعديل' }, genuine),
    ]);
    expect(refused.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
    expect(JSON.parse(refused[0].body)).toMatchObject({ statusCode: 403, code: 'SIGNATURE_INVALID' });
    const stored = await wasl.dataSource.query('SELECT count(*)::int AS count FROM inbound_events WHERE provider_message_id = $1', [
      parameters.MessageSid,
    ]);
    expect(stored[0].count).toBe(0);
    expect((await postTwilioForm(wasl, path, inbox.authToken, parameters, genuine)).status).toBe(200);
    const unknownInbox = await postTwilioForm(wasl, `/webhooks/twilio/${randomUUID()}/sms`, inbox.authToken, parameters);
    expect(unknownInbox.status).toBe(404);
  });

  it('should send a reply through the sandbox and mark it delivered from the signed status callback', async () => {
    const { conversationId, phone } = await conversationWith('1005');
    const sent = await reply(conversationId, 'وعليكم السلام، تم استلام طلبك');
    expect(sent.status).toBe(201);
    const delivered = await messageWhen(conversationId, sent.body.id, (message) => message.status === 'delivered', 'delivered');
    const atSandbox = sandbox.messages.find((message) => message.sid === delivered.providerMessageId)!;
    expect(atSandbox).toMatchObject({ to: phone, from: inbox.phoneNumber, body: 'وعليكم السلام، تم استلام طلبك' });
    expect(atSandbox.statusCallback).toBe(`${wasl.url}/webhooks/twilio/${inbox.id}/status`);
    expect(atSandbox.callbacks).toEqual([
      { status: 'sent', httpStatus: 200 },
      { status: 'delivered', httpStatus: 200 },
    ]);
  });

  it('should never move a status backwards when callbacks arrive out of order', async () => {
    const { conversationId } = await conversationWith('0777');
    const sent = await reply(conversationId, 'callbacks out of order');
    const delivered = await messageWhen(conversationId, sent.body.id, (message) => message.status === 'delivered', 'delivered');
    // The sandbox reports delivered, then sent: the stale `sent` job runs and changes nothing.
    const queue = wasl.app.get<Queue>(getQueueToken(QueueName.ChannelEvents));
    const staleJobId = deliveryStatusJobId(inbox.id, delivered.providerMessageId!, 'sent');
    const outcome = await eventually(async () => {
      const job = await queue.getJob(staleJobId);
      return job?.finishedOn ? job.returnvalue : undefined;
    }, 'the stale sent report to be processed');
    expect(outcome).toBe('skipped');
    expect((await messagesOf(conversationId)).find((message) => message.id === sent.body.id)?.status).toBe('delivered');

    // Read, then a late delivered and a late failure: the message stays read.
    const path = `/webhooks/twilio/${inbox.id}/status`;
    const base = { AccountSid: inbox.accountSid, MessageSid: delivered.providerMessageId!, To: '+966500000001', From: inbox.phoneNumber };
    expect((await postTwilioForm(wasl, path, inbox.authToken, { ...base, MessageStatus: 'read' })).status).toBe(200);
    await messageWhen(conversationId, sent.body.id, (message) => message.status === 'read', 'read');
    const deliveredJob = await queue.getJob(deliveryStatusJobId(inbox.id, delivered.providerMessageId!, 'delivered'));
    expect(deliveredJob?.returnvalue).toBe('applied');
    expect((await postTwilioForm(wasl, path, inbox.authToken, { ...base, MessageStatus: 'delivered' })).status).toBe(200);
    await postTwilioForm(wasl, path, inbox.authToken, { ...base, MessageStatus: 'undelivered', ErrorCode: '30005' });
    const lateFailure = deliveryStatusJobId(inbox.id, delivered.providerMessageId!, 'undelivered', '30005');
    expect(await eventually(async () => (await queue.getJob(lateFailure))?.returnvalue, 'the late failure report')).toBe('skipped');
    // The repeated `delivered` collapsed into the job that already ran (same deterministic job id).
    expect((await queue.getJob(deliveredJob!.id!))?.finishedOn).toBe(deliveredJob!.finishedOn);
    expect((await messagesOf(conversationId)).find((message) => message.id === sent.body.id)).toMatchObject({
      status: 'read',
      failureCode: null,
    });
  });

  it('should retry a report for a message id Wasl does not know yet, then keep it as a failed job', async () => {
    const unknownSid = `SM${randomUUID().replace(/-/g, '')}`;
    const answer = await postTwilioForm(wasl, `/webhooks/twilio/${inbox.id}/status`, inbox.authToken, {
      AccountSid: inbox.accountSid,
      MessageSid: unknownSid,
      MessageStatus: 'delivered',
    });
    expect(answer.status).toBe(200);
    const queue = wasl.app.get<Queue>(getQueueToken(QueueName.ChannelEvents));
    const job = await eventually(async () => {
      const found = await queue.getJob(deliveryStatusJobId(inbox.id, unknownSid, 'delivered'));
      return found && (await found.getState()) === 'failed' ? found : undefined;
    }, 'the report to exhaust its retries');
    expect(job.attemptsMade).toBe(6);
    expect(job.failedReason).toContain('No outbound message with provider id');
  });

  it('should mark an undelivered message failed with the carrier ErrorCode', async () => {
    const { conversationId } = await conversationWith('0030');
    const sent = await reply(conversationId, 'will not arrive');
    const failed = await messageWhen(conversationId, sent.body.id, (message) => message.status === 'failed', 'failed');
    expect(failed.failureCode).toBe('30003');
  });

  it('should fail a permanent error (invalid number) at once, without retrying', async () => {
    const { conversationId, phone } = await conversationWith('0400');
    const sent = await reply(conversationId, 'to a bad number');
    const failed = await messageWhen(conversationId, sent.body.id, (message) => message.status === 'failed', 'failed');
    expect(failed.failureCode).toBe('RECIPIENT_INVALID');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sandbox.attempts.filter((attempt) => attempt.to === phone)).toEqual([{ provider: 'twilio', to: phone, httpStatus: 400 }]);
  });

  it('should retry a temporary error (HTTP 503) and then deliver', async () => {
    const { conversationId, phone } = await conversationWith('0503');
    const sent = await reply(conversationId, 'after two failures');
    await messageWhen(conversationId, sent.body.id, (message) => message.status === 'delivered', 'delivered after retries');
    expect(sandbox.attempts.filter((attempt) => attempt.to === phone).map((attempt) => attempt.httpStatus)).toEqual([503, 503, 201]);
  });

  it('should show the officer the encoding and parts, and refuse a reply over the configured maximum', async () => {
    const { conversationId } = await conversationWith('1006');
    const preview = await wasl.request<{ channel: string; sms: Record<string, unknown> }>(
      'POST',
      `/api/v1/conversations/${conversationId}/messages/preview`,
      { token: organisation.adminToken, body: { text: 'س'.repeat(71) } },
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      channel: 'sms',
      sms: { encoding: 'UCS-2', units: 71, segments: 2, unitsPerSegment: 67, remainingInLastSegment: 63, maxParts: 3, withinLimit: true },
    });
    const latin = await wasl.request<{ sms: { encoding: string; segments: number } }>(
      'POST',
      `/api/v1/conversations/${conversationId}/messages/preview`,
      { token: organisation.adminToken, body: { text: 'a'.repeat(160) } },
    );
    expect(latin.body.sms).toMatchObject({ encoding: 'GSM-7', segments: 1 });

    const tooLong = await reply(conversationId, 'ع'.repeat(67 * 3 + 1));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields).toEqual([{ field: 'text', message: expect.stringContaining('needs 4 SMS parts') }]);
    expect((await messagesOf(conversationId)).filter((message) => message.type === 'outbound')).toHaveLength(0);
  });

  it('should treat the same normalised number on SMS and on another channel as one contact', async () => {
    const apiInbox = await wasl.createApiInbox(organisation.adminToken);
    const local = `05${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
    const e164 = `+966${local.slice(1)}`;
    const viaApp = await wasl.postSigned(apiInbox, {
      messageId: `app-${randomUUID()}`,
      from: { id: `user-${randomUUID()}`, phone: local },
      text: 'من التطبيق',
    });
    expect(viaApp.status).toBe(202);
    const { messageSid } = await receiveSms(e164, 'ومن الجوال');
    const smsConversation = await wasl.conversationOfMessage(messageSid);
    const contacts: Array<{ contact_id: string }> = await eventually(async () => {
      const rows: Array<{ contact_id: string }> = await wasl.dataSource.query(
        'SELECT DISTINCT contact_id FROM conversations WHERE organisation_id = $1 AND contact_id IN (SELECT contact_id FROM conversations WHERE id = $2)',
        [organisation.id, smsConversation],
      );
      const both: Array<{ count: number }> = await wasl.dataSource.query(
        'SELECT count(*)::int AS count FROM conversations WHERE contact_id = $1',
        [rows[0]?.contact_id],
      );
      return both[0]?.count === 2 ? rows : undefined;
    }, 'both conversations on one contact');
    expect(contacts).toHaveLength(1);
  });
});
