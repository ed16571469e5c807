import { signTwilioRequest } from '@app/channels';
import { ApiException, signBody, UNSAFE_TEXT } from '@app/common';
import { InboundIntakeService } from '@app/conversations';
import { Inbox } from '@app/inboxes/entities';
import { randomUUID } from 'node:crypto';
import { createTwilioInbox, postTwilioForm, saudiMobile, TwilioTestInbox } from '../support/twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';
import { WebChatVisitor } from '../support/webchat-visitor';

const SITE = 'https://www.example.org';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const mobile = () => `05${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
const twilioSid = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '')}`;

// One example per finding of the input fuzzing in issue 8; each failed (500, or stored garbage) before the fix.
describe('Input hardening: the fuzzing findings of issue 8, one example each', () => {
  let wasl: WaslTestApp;
  let first: TestOrganisation;
  let second: TestOrganisation;
  let firstInbox: { id: string; secret: string };
  let secondInbox: { id: string; secret: string };
  let smsInbox: TwilioTestInbox;
  let voiceInbox: TwilioTestInbox;
  let webChatInbox: { id: string; secret: string };
  const visitors: WebChatVisitor[] = [];

  beforeAll(async () => {
    wasl = await WaslTestApp.startOnPublicUrl();
    first = await wasl.createOrganisation('جمعية أولى');
    second = await wasl.createOrganisation('جمعية ثانية');
    firstInbox = await wasl.createApiInbox(first.adminToken);
    secondInbox = await wasl.createApiInbox(second.adminToken);
    smsInbox = await createTwilioInbox(wasl, first.adminToken, 'sms', 'https://api.twilio.com');
    voiceInbox = await createTwilioInbox(wasl, first.adminToken, 'voice', 'https://api.twilio.com', { forwardTo: ['+966110000001'] });
    const created = await wasl.request<{ id: string; secret: string }>('POST', '/api/v1/inboxes', {
      token: first.adminToken,
      body: { channel: 'webchat', name: `محادثة ${randomUUID().slice(0, 6)}`, settings: { allowedOrigins: [SITE] } },
    });
    webChatInbox = created.body;
  });

  afterAll(async () => {
    for (const visitor of visitors) visitor.close();
    await wasl.close();
  });

  const apiMessage = (messageId: string, text = 'مرحبا') => ({ messageId, from: { id: `user-${randomUUID()}` }, text });

  it("should not let one organisation's bad messageId fail another's concurrent webhooks", async () => {
    const good = Array.from({ length: 20 }, () => apiMessage(`good-${randomUUID()}`));
    const answers = await Promise.all([
      wasl.postSigned(firstInbox, apiMessage(`bad-${randomUUID()}\u0000`)),
      ...good.map((message) => wasl.postSigned(secondInbox, message)),
      wasl.postSigned(firstInbox, apiMessage('x'.repeat(5_000))),
    ]);
    expect(answers[0].status).toBeLessThan(500);
    expect(answers.slice(1, 21).map((answer) => answer.status)).toEqual(good.map(() => 202));
    expect(answers[21].status).toBe(400);
    for (const message of good) await wasl.conversationOfMessage(message.messageId);
    const stored: { provider_message_id: string }[] = await wasl.dataSource.query(
      `SELECT provider_message_id FROM inbound_events WHERE inbox_id = $1`,
      [firstInbox.id],
    );
    expect(stored.filter((row) => UNSAFE_TEXT.test(row.provider_message_id))).toEqual([]);
  });

  it('should store a batch whose multi-row INSERT fails row by row: only the failing row is refused', async () => {
    const intake = wasl.app.get(InboundIntakeService);
    const inbox = (await wasl.dataSource.getRepository(Inbox).findOneByOrFail({ id: secondInbox.id })) as Inbox;
    // An organisation id PostgreSQL cannot cast fails the shared INSERT; validation never lets one through.
    const broken = Object.assign(Object.create(Object.getPrototypeOf(inbox) as object) as Inbox, inbox, { organisationId: 'not-a-uuid' });
    const results = await Promise.allSettled([
      intake.accept(broken, { providerMessageId: `broken-${randomUUID()}`, sender: { externalId: 'u' }, text: 'x', attachments: [] }),
      ...Array.from({ length: 5 }, () =>
        intake.accept(inbox, { providerMessageId: `neighbour-${randomUUID()}`, sender: { externalId: 'u' }, text: 'x', attachments: [] }),
      ),
    ]);
    expect(results[0].status).toBe('rejected');
    expect(((results[0] as PromiseRejectedResult).reason as ApiException).getStatus()).toBe(400);
    expect(results.slice(1).map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('should answer deeply nested JSON with 400, not a stack overflow', async () => {
    const raw = `{"messageId":"deep","from":{"id":"u"},"text":"x","extra":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const answer = await wasl.request('POST', `/webhooks/api/${firstInbox.id}/messages`, {
      body: raw,
      headers: { 'x-wasl-signature': signBody(raw, firstInbox.secret) },
    });
    expect(answer.status).toBe(400);
  });

  it('should answer a key named constructor with 400', async () => {
    const answer = await wasl.postSigned(firstInbox, { ...apiMessage(`c-${randomUUID()}`), from: { id: 'u', constructor: 'x' } });
    expect(answer.status).toBe(400);
  });

  it('should answer a JSON object posted where Twilio sends form fields with 400', async () => {
    const path = `/webhooks/twilio/${smsInbox.id}/sms`;
    const parameters = { MessageSid: { nested: [{ deeper: ['x'] }] }, From: ['+966500000001', '+966500000002'] };
    const response = await fetch(`${wasl.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-twilio-signature': signTwilioRequest(smsInbox.authToken, `${wasl.config.http.publicUrl}${path}`, { a: 'b' }),
      },
      body: JSON.stringify(parameters),
    });
    expect(response.status).toBe(400);
  });

  it('should store Twilio text normalised and refuse javascript: media and a blank message', async () => {
    const path = `/webhooks/twilio/${smsInbox.id}/sms`;
    const messageSid = twilioSid('SM');
    const stored = await postTwilioForm(wasl, path, smsInbox.authToken, {
      MessageSid: messageSid,
      From: saudiMobile('2001'),
      Body: 'مرحبا\u0000 \u202Eبكم\u202C',
    });
    expect(stored.status).toBe(200);
    const rows: { text: string }[] = await eventually(async () => {
      const found: { text: string }[] = await wasl.dataSource.query('SELECT text FROM messages WHERE provider_message_id = $1', [
        messageSid,
      ]);
      return found.length > 0 ? found : undefined;
    }, 'the SMS to be applied');
    expect(rows[0].text).toBe('مرحبا بكم');
    const media = await postTwilioForm(wasl, path, smsInbox.authToken, {
      MessageSid: twilioSid('MM'),
      From: saudiMobile('2002'),
      NumMedia: '1',
      MediaUrl0: 'javascript:alert(document.cookie)',
    });
    expect(media.status).toBe(400);
    const privateMedia = await postTwilioForm(wasl, path, smsInbox.authToken, {
      MessageSid: twilioSid('MM'),
      From: saudiMobile('2003'),
      NumMedia: '1',
      MediaUrl0: 'http://169.254.169.254/latest/meta-data',
    });
    expect(privateMedia.status).toBe(400);
    const blank = await postTwilioForm(wasl, path, smsInbox.authToken, {
      MessageSid: twilioSid('SM'),
      From: saudiMobile('2004'),
      Body: ' ',
    });
    expect(blank.status).toBe(400);
  });

  it("should refuse a call status outside Twilio's set with 400", async () => {
    const answer = await postTwilioForm(wasl, `/webhooks/twilio/${voiceInbox.id}/voice`, voiceInbox.authToken, {
      CallSid: twilioSid('CA'),
      From: saudiMobile('2005'),
      To: voiceInbox.phoneNumber,
      CallStatus: 'x'.repeat(60),
    });
    expect(answer.status).toBe(400);
  });

  it('should answer a non-UUID cursor and a NUL search term with 400 or results, never 500', async () => {
    const cursor = Buffer.from(`${new Date().toISOString()}|not-a-uuid`).toString('base64url');
    expect((await wasl.request('GET', `/api/v1/conversations?cursor=${cursor}`, { token: first.adminToken })).status).toBe(400);
    expect((await wasl.request('GET', `/api/v1/contacts?cursor=${cursor}`, { token: first.adminToken })).status).toBe(400);
    expect((await wasl.request('GET', '/api/v1/conversations?q=%00%D8', { token: first.adminToken })).status).toBe(200);
  });

  it('should refuse a blank staff reply', async () => {
    const conversationId = await eventually(async () => {
      const rows: { conversation_id: string }[] = await wasl.dataSource.query(
        'SELECT conversation_id FROM messages WHERE inbox_id = $1 LIMIT 1',
        [smsInbox.id],
      );
      return rows[0]?.conversation_id;
    }, 'a conversation on the SMS inbox');
    for (const text of ['   ', '\u0000\u202E', '\n\t']) {
      const answer = await wasl.request('POST', `/api/v1/conversations/${conversationId}/messages`, {
        token: first.adminToken,
        body: { text },
      });
      expect(answer.status).toBe(400);
    }
  });

  it('should answer concurrent duplicate creates with one 201 and 409s, never 500', async () => {
    const name = `فريق ${randomUUID().slice(0, 8)}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => wasl.request('POST', '/api/v1/teams', { token: first.adminToken, body: { name } })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('should keep a malformed X-File-Name as no name instead of answering 500', async () => {
    const visitor = await WebChatVisitor.connect(wasl.url, { inboxId: webChatInbox.id, profile: { name: 'زائر', phone: mobile() } }, SITE);
    visitors.push(visitor);
    const upload = await fetch(`${wasl.url}/webchat/inboxes/${webChatInbox.id}/attachments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-wasl-visitor-token': visitor.session.visitorToken,
        'x-file-name': '%E0%A4%A',
        origin: SITE,
      },
      body: new Uint8Array(PNG),
    });
    expect(upload.status).toBe(201);
    expect(((await upload.json()) as { fileName: string }).fileName).toBe('attachment.png');
  });

  it('should apply every web chat message it acknowledged, with NUL, lone surrogates and overrides removed', async () => {
    const visitor = await WebChatVisitor.connect(wasl.url, { inboxId: webChatInbox.id, profile: { name: 'زائرة', phone: mobile() } }, SITE);
    visitors.push(visitor);
    const acknowledged = await visitor.send(`m-${randomUUID().slice(0, 8)}`, 'سلام\u0000 عليكم\uD800 \u202Eكيف');
    expect(acknowledged.id).toEqual(expect.any(String));
    const text = await eventually(async () => {
      const rows: { text: string }[] = await wasl.dataSource.query('SELECT text FROM messages WHERE id = $1', [acknowledged.id]);
      return rows[0]?.text;
    }, 'the acknowledged web chat message to be applied');
    expect(text).toBe('سلام عليكم\uFFFD كيف');
    const blank = await visitor.send(`m-${randomUUID().slice(0, 8)}`, '\u0000\u202E ');
    expect(blank.error?.code).toBe('VALIDATION_FAILED');
  });
});
