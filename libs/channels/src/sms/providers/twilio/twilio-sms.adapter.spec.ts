import { GuardedHttpClient } from '@app/common';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ChannelErrorCode } from '../../../channel-error';
import { DeliveryState } from '../../../delivery-status-update.types';
import invalidTo from './__fixtures__/error-invalid-to.json';
import inboundCall from './__fixtures__/inbound-call-ringing.json';
import inboundSms from './__fixtures__/inbound-sms-arabic.json';
import createResponse from './__fixtures__/message-create-response.json';
import statusUndelivered from './__fixtures__/status-callback-undelivered.json';
import { classifyTwilioError } from './twilio-error.classifier';
import { isValidTwilioSignature, signTwilioRequest } from './twilio-signature.util';
import { TwilioSmsAdapter } from './twilio-sms.adapter';
import { mapTwilioMessageStatus } from './twilio-status.mapper';
import { parseTwilioInboundSms, parseTwilioStatusCallback } from './twilio-webhook.parser';

const formOf = (body: string): Record<string, string> => Object.fromEntries(new URLSearchParams(body));

describe('Twilio signature (reference Appendix A)', () => {
  it.each([
    ['A1 inbound SMS', inboundSms],
    ['A2 status callback', statusUndelivered],
    ['A3 inbound call', inboundCall],
  ])('should accept the %s fixture and reject it once tampered with', (_name, fixture) => {
    const parameters = formOf(fixture.body);
    expect(isValidTwilioSignature(fixture.authToken, fixture.signature, fixture.url, parameters)).toBe(true);
    expect(isValidTwilioSignature('another_token', fixture.signature, fixture.url, parameters)).toBe(false);
    expect(isValidTwilioSignature(fixture.authToken, fixture.signature, fixture.url, { ...parameters, Body: 'x' })).toBe(false);
    expect(isValidTwilioSignature(fixture.authToken, fixture.signature, `${fixture.url}/other`, parameters)).toBe(false);
    expect(isValidTwilioSignature(fixture.authToken, undefined, fixture.url, parameters)).toBe(false);
  });

  it("should match Twilio's documented vector (A4)", () => {
    const parameters = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(signTwilioRequest('12345', url, parameters)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(isValidTwilioSignature('12345', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', url, parameters)).toBe(true);
  });
});

describe('Twilio webhook parsing', () => {
  it('should parse the Arabic inbound SMS with MessageSid as the dedupe key', () => {
    expect(parseTwilioInboundSms(formOf(inboundSms.body))).toEqual({
      providerMessageId: 'SM0123456789abcdef0123456789abcdef',
      sender: { phone: '+966500000001', externalId: '+966500000001' },
      text: 'مرحبا، عندي مشكلة في الطلب',
      attachments: [],
    });
  });

  it('should record MMS media as attachments', () => {
    const parsed = parseTwilioInboundSms({
      MessageSid: 'MM1',
      From: '+966500000001',
      Body: '',
      NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/m/0',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/m/1',
      MediaContentType1: 'application/pdf',
    });
    expect(parsed.attachments).toEqual([
      { url: 'https://api.twilio.com/m/0', contentType: 'image/jpeg' },
      { url: 'https://api.twilio.com/m/1', contentType: 'application/pdf' },
    ]);
  });

  it('should parse the undelivered status callback with its ErrorCode', () => {
    expect(parseTwilioStatusCallback(formOf(statusUndelivered.body))).toEqual({
      providerMessageId: 'SM11111111111111111111111111111111',
      state: DeliveryState.Undelivered,
      errorCode: '30003',
    });
  });
});

describe(mapTwilioMessageStatus.name, () => {
  it('should map every outbound MessageStatus and ignore inbound ones', () => {
    expect(mapTwilioMessageStatus('queued')).toBe(DeliveryState.Queued);
    expect(mapTwilioMessageStatus('accepted')).toBe(DeliveryState.Queued);
    expect(mapTwilioMessageStatus('sending')).toBe(DeliveryState.Sent);
    expect(mapTwilioMessageStatus('sent')).toBe(DeliveryState.Sent);
    expect(mapTwilioMessageStatus('delivered')).toBe(DeliveryState.Delivered);
    expect(mapTwilioMessageStatus('read')).toBe(DeliveryState.Read);
    expect(mapTwilioMessageStatus('failed')).toBe(DeliveryState.Failed);
    expect(mapTwilioMessageStatus('canceled')).toBe(DeliveryState.Failed);
    expect(mapTwilioMessageStatus('undelivered')).toBe(DeliveryState.Undelivered);
    expect(mapTwilioMessageStatus('received')).toBeUndefined();
    expect(mapTwilioMessageStatus(undefined)).toBeUndefined();
  });
});

describe(classifyTwilioError.name, () => {
  it('should classify Twilio failures into the closed set of codes', () => {
    expect(classifyTwilioError({ status: 400, code: 21211, message: 'bad To' }).code).toBe(ChannelErrorCode.RecipientInvalid);
    expect(classifyTwilioError({ status: 400, code: 21610, message: 'unsubscribed' }).code).toBe(ChannelErrorCode.RecipientInvalid);
    expect(classifyTwilioError({ status: 401, code: 20003, message: 'auth' }).code).toBe(ChannelErrorCode.AuthInvalid);
    expect(classifyTwilioError({ status: 400, code: 21606, message: 'From not yours' }).code).toBe(ChannelErrorCode.AuthInvalid);
    expect(classifyTwilioError({ status: 429, code: 20429, message: 'slow down' }).code).toBe(ChannelErrorCode.RateLimited);
    expect(classifyTwilioError({ status: 503, message: 'unavailable' }).code).toBe(ChannelErrorCode.Temporary);
    expect(classifyTwilioError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).code).toBe(
      ChannelErrorCode.Temporary,
    );
    expect(classifyTwilioError({ status: 400, code: 21602, message: 'Body required' }).code).toBe(ChannelErrorCode.Unknown);
  });
});

describe(TwilioSmsAdapter.name, () => {
  let server: Server;
  let baseUrl: string;
  let answer: { status: number; body: unknown };
  const received: Array<{ path: string; authorization?: string; form: Record<string, string> }> = [];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          path: request.url ?? '',
          authorization: request.headers.authorization,
          form: formOf(Buffer.concat(chunks).toString('utf8')),
        });
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sut = () =>
    new TwilioSmsAdapter(
      {
        accountSid: 'AC00000000000000000000000000000000',
        authToken: 'test_auth_token',
        phoneNumber: '+966110000000',
        apiBaseUrl: baseUrl,
        timeoutMs: 2_000,
      },
      // The stand-in server listens on 127.0.0.1, which only a deployment allowing private networks may reach.
      new GuardedHttpClient({ allowPrivateNetworks: true }),
    );

  it('should call the Messages API at the configured base URL and return the message sid', async () => {
    answer = { status: 201, body: createResponse };
    const result = await sut().send({
      messageId: 'm-1',
      to: '+966500000001',
      text: 'وعليكم السلام',
      statusCallbackUrl: 'https://gw.example.com/webhooks/twilio/inbox/status',
    });
    expect(result.providerMessageId).toBe('SM22222222222222222222222222222222');
    const request = received.at(-1)!;
    expect(request.path).toBe('/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json');
    expect(request.authorization).toBe(`Basic ${Buffer.from('AC00000000000000000000000000000000:test_auth_token').toString('base64')}`);
    expect(request.form).toEqual({
      To: '+966500000001',
      From: '+966110000000',
      Body: 'وعليكم السلام',
      StatusCallback: 'https://gw.example.com/webhooks/twilio/inbox/status',
    });
  });

  it('should send a reply’s files as MMS mediaUrl parameters, one per link, and a photo alone without a body', async () => {
    answer = { status: 201, body: createResponse };
    const links = [
      'https://gw.example.com/files/i/c/a.png?expires=1&signature=x',
      'https://gw.example.com/files/i/c/b.pdf?expires=1&signature=y',
    ];
    const bodies: string[] = [];
    server.prependOnceListener('request', (request: IncomingMessage) => {
      request.on('data', (chunk: Buffer) => bodies.push(chunk.toString('utf8')));
    });
    await sut().send({ messageId: 'm-3', to: '+15005550006', text: '', mediaUrls: links });
    const form = new URLSearchParams(bodies.join(''));
    expect(form.getAll('MediaUrl')).toEqual(links);
    expect(form.has('Body')).toBe(false);
  });

  it('should turn a Twilio error response into a permanent recipient error', async () => {
    answer = { status: 400, body: invalidTo };
    await expect(sut().send({ messageId: 'm-2', to: '+9665', text: 'x' })).rejects.toMatchObject({
      code: ChannelErrorCode.RecipientInvalid,
    });
  });
});
