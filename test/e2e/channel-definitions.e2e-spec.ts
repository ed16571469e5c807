import { OutreachService } from '@app/conversations';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { saudiMobile } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

interface Started {
  conversation: { id: string; status: string; channel: string; assigneeId: string | null; contact: { id: string; phone: string | null } };
  message: { id: string; type: string; status: string | null; senderUserId: string | null };
}

// The channel layer as a whole: inboxes exist only for channels with a definition, the one webhook pipeline
// serves each definition's routes and nothing else, and conversations start on any channel that allows it.
describe('Channel definitions: inbox creation, the webhook pipeline and outreach on any channel', () => {
  let wasl: WaslTestApp;
  let organisation: TestOrganisation;

  beforeAll(async () => {
    wasl = await WaslTestApp.startOnPublicUrl();
    organisation = await wasl.createOrganisation();
  });

  afterAll(async () => {
    await wasl.close();
  });

  const createInbox = (body: Record<string, unknown>) =>
    wasl.request<{
      id: string;
      secret: string;
      fields?: { field: string; message: string }[];
      webhookUrls: { purpose: string; url: string; needsToken: boolean }[];
    }>('POST', '/api/v1/inboxes', { token: organisation.adminToken, body: { name: `Inbox ${randomUUID().slice(0, 8)}`, ...body } });

  const start = (body: Record<string, unknown>, token = organisation.adminToken) =>
    wasl.request<Started & { fields?: { field: string }[]; code?: string }>('POST', '/api/v1/conversations', { token, body });

  it('should refuse inboxes of a kind or provider that has no definition, naming the field', async () => {
    for (const channel of ['email', 'fax']) {
      const refused = await createInbox({ channel, settings: {} });
      expect(refused.status).toBe(400);
      expect(refused.body.fields?.map((problem) => problem.field)).toEqual(['channel']);
    }
    const whatsAppWithoutProvider = await createInbox({ channel: 'whatsapp', settings: {} });
    expect(whatsAppWithoutProvider.body.fields?.map((problem) => problem.field)).toEqual(['provider']);
    const noProvider = await createInbox({ channel: 'sms', provider: 'carrier-pigeon', settings: {} });
    expect(noProvider.body.fields).toEqual([{ field: 'provider', message: 'must be one of twilio, unifonic, taqnyat, msegat, log' }]);
    const providerOnWebChat = await createInbox({ channel: 'webchat', provider: 'twilio', settings: {} });
    expect(providerOnWebChat.body.fields).toEqual([{ field: 'provider', message: 'must not be set for webchat' }]);
    const walkIn = await createInbox({ channel: 'walk_in', settings: { location: 'المقر الرئيسي', room: 3 } });
    expect(walkIn.body.fields).toEqual([{ field: 'settings.room', message: 'property room should not exist' }]);
  });

  it("should give the provider URLs an administrator pastes, built from PUBLIC_URL by the channel's definition", async () => {
    const unifonic = await createInbox({ channel: 'sms', provider: 'unifonic', settings: { appSid: 'sid', senderId: 'Jameiati' } });
    expect(unifonic.status).toBe(201);
    const base = `${wasl.config.http.publicUrl}/webhooks/unifonic/${unifonic.body.id}`;
    expect(unifonic.body.webhookUrls).toEqual([
      { purpose: 'unifonicSms', url: `${base}/sms`, needsToken: true },
      { purpose: 'unifonicDeliveryReports', url: `${base}/delivery-reports`, needsToken: true },
    ]);
    const listed = await wasl.request<Array<{ id: string; webhookUrls: unknown[] }>>('GET', '/api/v1/inboxes', {
      token: organisation.adminToken,
    });
    expect(listed.body.find((inbox) => inbox.id === unifonic.body.id)?.webhookUrls).toEqual(unifonic.body.webhookUrls);
    const walkIn = await createInbox({ channel: 'walk_in', settings: {} });
    expect(walkIn.body.webhookUrls).toEqual([]);
  });

  it("should answer only an inbox's own routes, under its own prefix, and store nothing otherwise", async () => {
    const api = await wasl.createApiInbox(organisation.adminToken);
    const unifonic = await createInbox({ channel: 'sms', provider: 'unifonic', settings: { appSid: 'sid', senderId: 'Jameiati' } });
    const stored = async () => Number((await wasl.dataSource.query('SELECT count(*) AS n FROM inbound_events'))[0].n);
    const before = await stored();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const body = `MessageID=1&From=966500000001&Body=${encodeURIComponent('مرحبا')}`;
    const answers = await Promise.all([
      // Another vendor's prefix for this inbox, a route the definition does not have, a method it does not take.
      wasl.request('POST', `/webhooks/twilio/${unifonic.body.id}/sms?token=${unifonic.body.secret}`, { body, headers: form }),
      wasl.request('POST', `/webhooks/unifonic/${unifonic.body.id}/voice?token=${unifonic.body.secret}`, { body, headers: form }),
      wasl.request('GET', `/webhooks/unifonic/${unifonic.body.id}/sms?token=${unifonic.body.secret}`),
      wasl.request('POST', `/webhooks/unifonic/${api.id}/sms?token=${api.secret}`, { body, headers: form }),
      wasl.request('POST', `/webhooks/api/not-an-inbox/messages`, { body: {} }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404]);
    expect(await stored()).toBe(before);
    const accepted = await wasl.request('POST', `/webhooks/unifonic/${unifonic.body.id}/sms/?token=${unifonic.body.secret}`, {
      body,
      headers: form,
    });
    expect(accepted.status).toBe(200);
    expect(await stored()).toBe(before + 1);
  });

  it('should start a conversation by writing first on a channel that sends, and refuse one that cannot', async () => {
    const sms = await createInbox({ channel: 'sms', provider: 'log', settings: {} });
    const phone = saudiMobile('5101');
    const started = await start({ inboxId: sms.body.id, phone: `0${phone.slice(4)}`, name: 'منيرة', text: 'موعدكم غداً الساعة ١٠' });
    expect(started.status).toBe(201);
    expect(started.body.conversation).toMatchObject({ status: 'pending', channel: 'sms', assigneeId: organisation.adminId });
    expect(started.body.conversation.contact.phone).toBe(phone);
    expect(started.body.message).toMatchObject({ type: 'outbound', status: 'queued', senderUserId: organisation.adminId });
    await eventually(async () => {
      const [row] = await wasl.dataSource.query('SELECT status FROM messages WHERE id = $1', [started.body.message.id]);
      return row?.status === 'sent';
    }, 'the log provider to send');

    const api = await wasl.createApiInbox(organisation.adminToken);
    const refused = await start({ inboxId: api.id, phone, text: 'مرحبا' });
    expect(refused.status).toBe(400);
    expect(refused.body.fields?.[0].field).toBe('inboxId');
    const noPhone = await start({ inboxId: sms.body.id, name: 'منيرة', text: 'مرحبا' });
    expect(noPhone.body.fields?.[0].field).toBe('phone');
  });

  it('should record a walk-in visit as a note on a new contact whose typed number stays a claim, and refuse replies there', async () => {
    const walkIn = await createInbox({ channel: 'walk_in', settings: { location: 'فرع الملقا' } });
    const phone = saudiMobile('5102');
    // Someone else is already known by this number (an SMS sender): a typed number never joins them.
    const sms = await createInbox({ channel: 'sms', provider: 'log', settings: {} });
    const known = await start({ inboxId: sms.body.id, phone, text: 'تذكير' });
    const visit = await start({ inboxId: walkIn.body.id, name: 'أبو خالد', phone, text: 'حضر للاستفسار عن طلب السلة الغذائية' });
    expect(visit.status).toBe(201);
    expect(visit.body.conversation).toMatchObject({ status: 'open', channel: 'walk_in' });
    expect(visit.body.conversation.contact.id).not.toBe(known.body.conversation.contact.id);
    expect(visit.body.message).toMatchObject({ type: 'note', status: null });
    const [contact] = await wasl.dataSource.query('SELECT phone, phone_verified FROM contacts WHERE id = $1', [
      visit.body.conversation.contact.id,
    ]);
    expect(contact).toEqual({ phone, phone_verified: false });

    const reply = await wasl.request<{ fields: { field: string }[] }>(
      'POST',
      `/api/v1/conversations/${visit.body.conversation.id}/messages`,
      {
        token: organisation.adminToken,
        body: { text: 'سنتواصل معك' },
      },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.fields[0].field).toBe('text');
    const note = await wasl.request('POST', `/api/v1/conversations/${visit.body.conversation.id}/messages`, {
      token: organisation.adminToken,
      body: { text: 'سيتصل به الباحث', private: true },
    });
    expect(note.status).toBe(201);
  });

  it("should send Wasl's own notices only to a number the beneficiary proved, never to a typed one", async () => {
    await createInbox({ channel: 'sms', provider: 'log', settings: {} });
    const walkIn = await createInbox({ channel: 'walk_in', settings: {} });
    const claimed = await start({ inboxId: walkIn.body.id, name: 'زائر', phone: saudiMobile('5103'), text: 'زيارة' });
    const outreach = wasl.app.get(OutreachService);
    await expect(outreach.sendToContact(organisation.id, claimed.body.conversation.contact.id, 'تم استلام طلبكم')).rejects.toMatchObject({
      status: 409,
    });

    // A number the association already writes to by SMS: the notice goes there, with no officer as its author.
    const phone = saudiMobile('5104');
    const sms = await createInbox({ channel: 'sms', provider: 'log', settings: {} });
    const texted = await start({ inboxId: sms.body.id, phone, text: 'مرحبا' });
    const notice = await outreach.sendToContact(organisation.id, texted.body.conversation.contact.id, 'طلبكم قيد الدراسة لدى لجنة البحث');
    expect(notice.conversation.id).toBe(texted.body.conversation.id);
    expect(notice.message).toMatchObject({ type: 'outbound', senderUserId: null, status: 'queued' });
  });

  it('should send through Msegat, a provider added as one folder and one registry line', async () => {
    const received: unknown[] = [];
    const msegat = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: '1', message: 'Success', id: 4242 }));
      });
    });
    await new Promise<void>((resolve) => msegat.listen(0, '127.0.0.1', resolve));
    try {
      const apiBaseUrl = `http://127.0.0.1:${(msegat.address() as AddressInfo).port}/gw`;
      const inbox = await createInbox({
        channel: 'sms',
        provider: 'msegat',
        settings: { userName: 'jameiati', apiKey: 'secret-key', userSender: 'Jameiati', apiBaseUrl },
      });
      expect(inbox.status).toBe(201);
      expect(JSON.stringify(inbox.body)).not.toContain('secret-key');
      const phone = saudiMobile('5105');
      const started = await start({ inboxId: inbox.body.id, phone, text: 'تذكير بموعد البحث الاجتماعي' });
      const sent = await eventually(async () => {
        const [row] = await wasl.dataSource.query('SELECT status, provider_message_id FROM messages WHERE id = $1', [
          started.body.message.id,
        ]);
        return row?.status === 'sent' && row;
      }, 'Msegat to accept the message');
      expect(sent.provider_message_id).toBe('4242');
      expect(received).toEqual([
        {
          path: '/gw/sendsms.php',
          body: {
            userName: 'jameiati',
            apiKey: 'secret-key',
            numbers: phone.slice(1),
            userSender: 'Jameiati',
            msg: 'تذكير بموعد البحث الاجتماعي',
            msgEncoding: 'UTF8',
          },
        },
      ]);
    } finally {
      await new Promise<void>((resolve) => msegat.close(() => resolve()));
    }
  });
});
