import { UserRole } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { ProviderSandbox } from '../../apps/sandbox/src/provider-sandbox.server';
import { createTwilioInbox, receiveTwilioSms, saudiMobile } from '../support/twilio-inbox.helper';
import { TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface ConversationItem {
  id: string;
  channel: string;
  inboxId: string;
  firstResponseAt: string | null;
  contact: { id: string; phone: string | null };
}
interface MessageItem {
  id: string;
  text: string;
  type: string;
  providerMessageId: string | null;
}

const ARABIC_TEXT = 'السلام عليكم، متى يصدر قرار لجنة البحث بخصوص طلبي؟';

describe('Beneficiaries reply through the Saudi gateways (Unifonic, Taqnyat inbound SMS), end to end', () => {
  const sandbox = new ProviderSandbox({ callbackDelayMs: 0 });
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;
  let unifonic: { id: string; secret: string };
  let taqnyat: { id: string; secret: string };
  const associationNumber = '+966110000000';

  beforeAll(async () => {
    await sandbox.start();
    wasl = await WaslTestApp.startOnPublicUrl();
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
    unifonic = await create('unifonic', { appSid: `app-${randomUUID()}`, senderId: 'Jameiati' });
    taqnyat = await create('taqnyat', { apiToken: `token-${randomUUID()}`, sender: 'Jameiati' });
  });

  afterAll(async () => {
    await wasl.close();
    await sandbox.stop();
  });

  // What an administrator pastes into each gateway's console.
  const unifonicUrl = (token = unifonic.secret) => `${wasl.url}/webhooks/unifonic/${unifonic.id}/sms?token=${encodeURIComponent(token)}`;
  const taqnyatUrl = (token = taqnyat.secret) => `${wasl.url}/webhooks/taqnyat/${taqnyat.id}/sms?token=${encodeURIComponent(token)}`;

  const get = <T>(path: string) => wasl.request<T>('GET', path, { token: organisation.adminToken });

  async function storedCount(inboxId: string, providerMessageId: string): Promise<{ events: number; messages: number }> {
    const [events]: Array<{ count: number }> = await wasl.dataSource.query(
      'SELECT count(*)::int AS count FROM inbound_events WHERE inbox_id = $1 AND provider_message_id = $2',
      [inboxId, providerMessageId],
    );
    const [messages]: Array<{ count: number }> = await wasl.dataSource.query(
      'SELECT count(*)::int AS count FROM messages WHERE inbox_id = $1 AND provider_message_id = $2',
      [inboxId, providerMessageId],
    );
    return { events: events.count, messages: messages.count };
  }

  it.each([
    [
      'Unifonic',
      () =>
        sandbox.playUnifonicInboundSms({ webhookUrl: unifonicUrl(), from: beneficiary.unifonic, to: associationNumber, body: ARABIC_TEXT }),
    ],
    [
      'Taqnyat',
      () =>
        sandbox.playTaqnyatInboundSms({ webhookUrl: taqnyatUrl(), from: beneficiary.taqnyat, to: associationNumber, body: ARABIC_TEXT }),
    ],
  ])('should turn an Arabic SMS through %s into a conversation of the sender', async (provider, play) => {
    const played = await play();
    expect(played.status).toBe(200);
    expect(JSON.parse(played.body)).toEqual({ received: true });
    const conversationId = await wasl.conversationOfMessage(played.messageId);
    const conversation = await get<ConversationItem>(`/api/v1/conversations/${conversationId}`);
    const phone = provider === 'Unifonic' ? beneficiary.unifonic : beneficiary.taqnyat;
    expect(conversation.body).toMatchObject({
      channel: 'sms',
      inboxId: provider === 'Unifonic' ? unifonic.id : taqnyat.id,
      contact: { phone },
    });
    const messages = await get<{ items: MessageItem[] }>(`/api/v1/conversations/${conversationId}/messages`);
    expect(messages.body.items).toEqual([
      expect.objectContaining({ text: ARABIC_TEXT, type: 'inbound', providerMessageId: played.messageId }),
    ]);
  });

  it('should store one message for one provider message id posted five times in a row and five times at once', async () => {
    const from = saudiMobile('4101');
    const inRow = `${Date.now()}1`;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const played = await sandbox.playUnifonicInboundSms({
        webhookUrl: unifonicUrl(),
        from,
        to: associationNumber,
        body: 'مكرر',
        messageId: inRow,
      });
      expect(played.status).toBe(200);
    }
    const atOnce = `${Date.now()}2`;
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () =>
        sandbox.playTaqnyatInboundSms({ webhookUrl: taqnyatUrl(), from, to: associationNumber, body: 'مكرر', messageId: atOnce }),
      ),
    );
    expect(concurrent.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    await wasl.conversationOfMessage(inRow);
    await wasl.conversationOfMessage(atOnce);
    // Give a duplicate every chance to be applied before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await storedCount(unifonic.id, inRow)).toEqual({ events: 1, messages: 1 });
    expect(await storedCount(taqnyat.id, atOnce)).toEqual({ events: 1, messages: 1 });
  });

  it('should refuse a wrong, missing or other inbox token before anything is stored, and a malformed field with a 400', async () => {
    const from = saudiMobile('4102');
    const tries = [
      () =>
        sandbox.playUnifonicInboundSms({ webhookUrl: unifonicUrl('guess'), from, to: associationNumber, body: 'x', messageId: 'forged-1' }),
      () =>
        sandbox.playUnifonicInboundSms({
          webhookUrl: unifonicUrl(taqnyat.secret),
          from,
          to: associationNumber,
          body: 'x',
          messageId: 'forged-1',
        }),
      () =>
        sandbox.playUnifonicInboundSms({
          webhookUrl: `${wasl.url}/webhooks/unifonic/${unifonic.id}/sms`,
          from,
          to: associationNumber,
          body: 'x',
          messageId: 'forged-1',
        }),
      () =>
        sandbox.playTaqnyatInboundSms({
          webhookUrl: taqnyatUrl(`${taqnyat.secret}x`),
          from,
          to: associationNumber,
          body: 'x',
          messageId: 'forged-1',
        }),
    ];
    for (const attempt of tries) expect((await attempt()).status).toBe(403);
    // A Unifonic URL pointed at the Taqnyat inbox is not that inbox's webhook.
    const crossed = await sandbox.playUnifonicInboundSms({
      webhookUrl: `${wasl.url}/webhooks/unifonic/${taqnyat.id}/sms?token=${taqnyat.secret}`,
      from,
      to: associationNumber,
      body: 'x',
      messageId: 'forged-1',
    });
    expect(crossed.status).toBe(404);

    const badSender = await sandbox.playTaqnyatInboundSms({
      webhookUrl: taqnyatUrl(),
      from: 'Jameiati',
      to: associationNumber,
      body: 'x',
      messageId: 'bad-1',
    });
    expect(badSender.status).toBe(400);
    expect(JSON.parse(badSender.body).fields).toEqual([expect.objectContaining({ field: 'from' })]);
    const tooLong = await sandbox.playUnifonicInboundSms({
      webhookUrl: unifonicUrl(),
      from,
      to: associationNumber,
      body: 'ع'.repeat(1601),
      messageId: 'bad-2',
    });
    expect(tooLong.status).toBe(400);
    expect(JSON.parse(tooLong.body).fields).toEqual([expect.objectContaining({ field: 'Body' })]);
    const repeated = await fetch(unifonicUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `MessageID=bad-3&MessageID=bad-4&From=${from.slice(1)}&Body=x`,
    });
    expect(repeated.status).toBe(400);

    for (const inboxId of [unifonic.id, taqnyat.id]) {
      for (const providerMessageId of ['forged-1', 'bad-1', 'bad-2', 'bad-3', 'bad-4']) {
        expect(await storedCount(inboxId, providerMessageId)).toEqual({ events: 0, messages: 0 });
      }
    }
  });

  it('should answer 404 for a disabled inbox and store nothing', async () => {
    const created = await wasl.request<{ id: string; secret: string }>('POST', '/api/v1/inboxes', {
      token: organisation.adminToken,
      body: {
        channel: 'sms',
        provider: 'taqnyat',
        name: `off ${randomUUID().slice(0, 6)}`,
        settings: { apiToken: 'token', sender: 'Jameiati', apiBaseUrl: sandbox.url },
      },
    });
    const disabled = await wasl.request('PATCH', `/api/v1/inboxes/${created.body.id}`, {
      token: organisation.adminToken,
      body: { active: false },
    });
    expect(disabled.status).toBe(200);
    const played = await sandbox.playTaqnyatInboundSms({
      webhookUrl: `${wasl.url}/webhooks/taqnyat/${created.body.id}/sms?token=${created.body.secret}`,
      from: saudiMobile('4105'),
      to: associationNumber,
      body: 'x',
      messageId: 'disabled-1',
    });
    expect(played.status).toBe(404);
    expect(await storedCount(created.body.id, 'disabled-1')).toEqual({ events: 0, messages: 0 });
  });

  it('should make the same number on Twilio and Unifonic one contact', async () => {
    const phone = saudiMobile('4103');
    const twilioInbox = await createTwilioInbox(wasl, organisation.adminToken, 'sms', sandbox.url);
    const twilioContact = await receiveTwilioSms(wasl, twilioInbox, phone, 'مرحبا من تويليو');
    const played = await sandbox.playUnifonicInboundSms({
      webhookUrl: unifonicUrl(),
      from: phone,
      to: associationNumber,
      body: 'مرحبا من يونيفونك',
    });
    expect(played.status).toBe(200);
    const conversationId = await wasl.conversationOfMessage(played.messageId);
    const conversation = await get<ConversationItem>(`/api/v1/conversations/${conversationId}`);
    expect(conversation.body.contact).toMatchObject({ id: twilioContact, phone });
    const contacts: Array<{ count: number }> = await wasl.dataSource.query(
      "SELECT count(DISTINCT contact_id)::int AS count FROM contact_identities WHERE kind = 'phone' AND value = $1",
      [phone],
    );
    expect(contacts[0].count).toBe(1);
  });

  it('should count an answered call-back logged by an officer as the first response', async () => {
    const played = await sandbox.playUnifonicInboundSms({
      webhookUrl: unifonicUrl(),
      from: saudiMobile('4104'),
      to: associationNumber,
      body: 'أرجو الاتصال بي',
    });
    const conversationId = await wasl.conversationOfMessage(played.messageId);
    const officer = await wasl.createUser(organisation.adminToken, UserRole.Supervisor);
    const logCall = (outcome: string) =>
      wasl.request('POST', `/api/v1/conversations/${conversationId}/calls`, {
        token: officer.token,
        body: { outcome, durationSeconds: 60 },
      });

    expect((await logCall('no-answer')).status).toBe(201);
    expect((await get<ConversationItem>(`/api/v1/conversations/${conversationId}`)).body.firstResponseAt).toBeNull();

    expect((await logCall('answered')).status).toBe(201);
    const answered = await get<ConversationItem>(`/api/v1/conversations/${conversationId}`);
    expect(answered.body.firstResponseAt).not.toBeNull();
    const events = await get<Array<{ type: string; actorUserId: string | null }>>(`/api/v1/conversations/${conversationId}/events`);
    expect(events.body.filter((event) => event.type === 'first_response')).toEqual([expect.objectContaining({ actorUserId: officer.id })]);

    // A later answered call does not move the first response.
    await logCall('answered');
    const later = await get<ConversationItem>(`/api/v1/conversations/${conversationId}`);
    expect(later.body.firstResponseAt).toBe(answered.body.firstResponseAt);
  });
});

const beneficiary = { unifonic: saudiMobile('4001'), taqnyat: saudiMobile('4002') };
