import { GuardedHttpClient } from '@app/common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ChannelErrorCode } from '../../../channel-error';
import sendSuccess from './__fixtures__/send-success.json';
import { TaqnyatSmsAdapter } from './taqnyat-sms.adapter';

// The stand-in server listens on 127.0.0.1, which only a deployment allowing private networks may reach.
const http = new GuardedHttpClient({ allowPrivateNetworks: true });

describe(TaqnyatSmsAdapter.name, () => {
  let server: Server;
  let baseUrl: string;
  let answer: { status: number; body: unknown };
  let received: { path: string; authorization?: string; body: unknown } | undefined;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received = {
          path: request.url ?? '',
          authorization: request.headers.authorization,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        };
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sut = () => new TaqnyatSmsAdapter({ apiToken: 'bearer-token', sender: 'Jameiati', apiBaseUrl: baseUrl, timeoutMs: 2_000 }, http);

  it('should post JSON with a bearer token and return the message id', async () => {
    answer = { status: 201, body: sendSuccess };
    const result = await sut().send({ messageId: 'm-1', to: '+966500000001', text: 'مرحباً' });
    expect(result.providerMessageId).toBe('5452899970');
    expect(received).toEqual({
      path: '/v1/messages',
      authorization: 'Bearer bearer-token',
      body: { recipients: ['966500000001'], body: 'مرحباً', sender: 'Jameiati' },
    });
  });

  it('should classify a rejected recipient, rejected credentials and outages', async () => {
    answer = { status: 201, body: { statusCode: 201, messageId: 1, accepted: '[]', rejected: '[966500000001,]' } };
    await expect(sut().send({ messageId: 'm-2', to: '+966500000001', text: 'x' })).rejects.toMatchObject({
      code: ChannelErrorCode.RecipientInvalid,
    });
    answer = { status: 401, body: { statusCode: 401, message: 'Unauthorized' } };
    await expect(sut().send({ messageId: 'm-3', to: '+966500000001', text: 'x' })).rejects.toMatchObject({
      code: ChannelErrorCode.AuthInvalid,
    });
    answer = { status: 500, body: {} };
    await expect(sut().send({ messageId: 'm-4', to: '+966500000001', text: 'x' })).rejects.toMatchObject({
      code: ChannelErrorCode.Temporary,
    });
  });
});
