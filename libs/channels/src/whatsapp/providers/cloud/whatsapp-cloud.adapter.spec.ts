import { GuardedHttpClient } from '@app/common';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ChannelError, ChannelErrorCode } from '../../../channel-error';
import reEngagement from './__fixtures__/send-error-re-engagement.json';
import sendSuccess from './__fixtures__/send-success.json';
import { WhatsAppCloudAdapter } from './whatsapp-cloud.adapter';

const http = new GuardedHttpClient({ allowPrivateNetworks: true });

interface Received {
  method: string;
  path: string;
  authorization?: string;
  body: unknown;
}

describe(WhatsAppCloudAdapter.name, () => {
  let server: Server;
  let baseUrl: string;
  let answers: Array<{ status: number; body: unknown; headers?: Record<string, string> }>;
  let received: Received[];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          method: request.method ?? '',
          path: request.url ?? '',
          authorization: request.headers.authorization,
          body: raw ? JSON.parse(raw) : undefined,
        });
        const answer = answers.shift() ?? { status: 500, body: {} };
        const body = Buffer.isBuffer(answer.body) ? answer.body : JSON.stringify(answer.body);
        response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    answers = [];
    received = [];
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sut = () =>
    new WhatsAppCloudAdapter(
      {
        phoneNumberId: '106540352242922',
        wabaId: '102290129340398',
        accessToken: 'token-1',
        apiBaseUrl: baseUrl,
        version: 'v23.0',
        timeoutMs: 2_000,
      },
      http,
    );
  const message = {
    messageId: 'm-1',
    conversationId: 'c-1',
    text: 'وعليكم السلام',
    createdAt: new Date(),
    recipient: { phone: '+966500000001' },
  };

  it('should post free text to the number with the full international recipient and return the wamid', async () => {
    answers.push({ status: 200, body: sendSuccess });
    const result = await sut().send(message);
    expect(result.providerMessageId).toBe('wamid.HBgMOTY2NTAwMDAwMDAxFQIAERgSQUJDREVGMDEyMzQ1Njc4OQA=');
    expect(received).toEqual([
      {
        method: 'POST',
        path: '/v23.0/106540352242922/messages',
        authorization: 'Bearer token-1',
        body: {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: '966500000001',
          type: 'text',
          text: { preview_url: false, body: 'وعليكم السلام' },
        },
      },
    ]);
  });

  it('should send a template with its body parameters in order', async () => {
    answers.push({ status: 200, body: sendSuccess });
    await sut().send({ ...message, template: { name: 'request_update', language: 'ar', parameters: ['١٢٣٤', 'الأحد'] } });
    expect(received[0].body).toMatchObject({
      type: 'template',
      template: {
        name: 'request_update',
        language: { code: 'ar' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: '١٢٣٤' },
              { type: 'text', text: 'الأحد' },
            ],
          },
        ],
      },
    });
  });

  it.each([
    [400, reEngagement, ChannelErrorCode.RecipientInvalid, /24 hours/],
    [400, { error: { code: 131026, message: 'Message Undeliverable' } }, ChannelErrorCode.RecipientInvalid, /could not be delivered/],
    [400, { error: { code: 130429, message: 'Rate limit hit' } }, ChannelErrorCode.RateLimited, /throughput/],
    [400, { error: { code: 131056, message: 'Pair rate limit hit' } }, ChannelErrorCode.RateLimited, /this beneficiary/],
    [401, { error: { code: 190, message: 'Invalid OAuth access token' } }, ChannelErrorCode.AuthInvalid, /access token/],
    [503, { error: { code: 131016, message: 'Service unavailable' } }, ChannelErrorCode.Temporary, /overloaded/],
  ])('should map HTTP %i with %j onto %s with the reason kept', async (status, body, code, reason) => {
    answers.push({ status, body });
    const failure = await sut()
      .send(message)
      .catch((error: ChannelError) => error);
    expect(failure).toBeInstanceOf(ChannelError);
    expect((failure as ChannelError).code).toBe(code);
    expect((failure as ChannelError).message).toMatch(reason);
  });

  it('should refuse a beneficiary without a WhatsApp number before calling Meta', async () => {
    const failure = await sut()
      .send({ ...message, recipient: {} })
      .catch((error: ChannelError) => error);
    expect((failure as ChannelError).code).toBe(ChannelErrorCode.RecipientInvalid);
    expect(received).toEqual([]);
  });

  it('should list templates page by page with their placeholders counted', async () => {
    answers.push(
      {
        status: 200,
        body: {
          data: [
            {
              name: 'request_update',
              language: 'ar',
              status: 'APPROVED',
              category: 'UTILITY',
              components: [{ type: 'BODY', text: 'طلبك رقم {{1}} موعده {{2}}' }],
            },
          ],
          paging: { cursors: { after: 'CURSOR' }, next: 'https://graph.facebook.com/next' },
        },
      },
      {
        status: 200,
        body: {
          data: [
            { name: 'welcome', language: 'ar', status: 'PENDING', category: 'MARKETING', components: [{ type: 'BODY', text: 'أهلاً' }] },
          ],
        },
      },
    );
    const templates = await sut().templates();
    expect(templates).toEqual([
      expect.objectContaining({ name: 'request_update', status: 'approved', parameterCount: 2 }),
      expect.objectContaining({ name: 'welcome', status: 'pending', parameterCount: 0 }),
    ]);
    expect(received[1].path).toContain('after=CURSOR');
  });

  it("should not follow a media URL outside Meta's hosts", async () => {
    answers.push({ status: 200, body: { url: 'https://attacker.example/file', mime_type: 'image/jpeg' } });
    const failure = await sut()
      .download('1003383421387256', 1024)
      .catch((error: ChannelError) => error);
    expect((failure as ChannelError).message).toMatch(/outside Meta's hosts/);
    expect(received).toHaveLength(1);
  });

  it('should fetch a media file from the URL Meta gives, within the size limit', async () => {
    answers.push({ status: 200, body: { url: `${baseUrl}/media/1`, mime_type: 'audio/ogg; codecs=opus', file_size: 3 } });
    answers.push({ status: 200, body: Buffer.from('OGG'), headers: { 'content-type': 'audio/ogg' } });
    const file = await sut().download('2003383421387256', 1024);
    expect(file).toEqual({ content: Buffer.from('OGG'), contentType: 'audio/ogg' });
    expect(received.map((request) => request.authorization)).toEqual(['Bearer token-1', 'Bearer token-1']);
    answers.push({ status: 200, body: { url: `${baseUrl}/media/2`, mime_type: 'video/mp4', file_size: 50_000_000 } });
    const tooLarge = await sut()
      .download('3003383421387256', 1024)
      .catch((error: ChannelError) => error);
    expect((tooLarge as ChannelError).code).toBe(ChannelErrorCode.RecipientInvalid);
  });
});
