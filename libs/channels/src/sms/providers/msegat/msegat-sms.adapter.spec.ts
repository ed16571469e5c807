import { GuardedHttpClient } from '@app/common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ChannelErrorCode } from '../../../channel-error';
import sendBadNumber from './__fixtures__/send-bad-number.json';
import sendSuccess from './__fixtures__/send-success.json';
import { MsegatSmsAdapter } from './msegat-sms.adapter';

// The stand-in server listens on 127.0.0.1, which only a deployment allowing private networks may reach.
const http = new GuardedHttpClient({ allowPrivateNetworks: true });

describe(MsegatSmsAdapter.name, () => {
  let server: Server;
  let baseUrl: string;
  let answer: { status: number; body: unknown };
  let received: { path: string; body: unknown } | undefined;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received = { path: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gw`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sut = () =>
    new MsegatSmsAdapter({ userName: 'jameiati', apiKey: 'key-1', userSender: 'Jameiati', apiBaseUrl: baseUrl, timeoutMs: 2_000 }, http);

  it('should post the account, the number without plus and the Arabic text in UTF8, and return the id', async () => {
    answer = { status: 200, body: sendSuccess };
    const result = await sut().send({ messageId: 'm-1', to: '+966500000001', text: 'موعدكم غداً' });
    expect(result.providerMessageId).toBe('7788990011');
    expect(received).toEqual({
      path: '/gw/sendsms.php',
      body: {
        userName: 'jameiati',
        apiKey: 'key-1',
        numbers: '966500000001',
        userSender: 'Jameiati',
        msg: 'موعدكم غداً',
        msgEncoding: 'UTF8',
      },
    });
  });

  it("should map Msegat's codes and HTTP failures onto the closed set, without its text", async () => {
    const failure = (status: number, body: unknown) => {
      answer = { status, body };
      return sut().send({ messageId: 'm-2', to: '+966500000001', text: 'x' });
    };
    await expect(failure(200, sendBadNumber)).rejects.toMatchObject({
      code: ChannelErrorCode.RecipientInvalid,
      message: 'Msegat answered HTTP 200 code 1120',
    });
    await expect(failure(200, { code: 'M0002', message: 'Invalid login info' })).rejects.toMatchObject({
      code: ChannelErrorCode.AuthInvalid,
    });
    await expect(failure(200, { code: '1060', message: 'Balance not enough' })).rejects.toMatchObject({
      code: ChannelErrorCode.AuthInvalid,
    });
    await expect(failure(200, { code: '1061', message: 'Message duplicated' })).rejects.toMatchObject({ code: ChannelErrorCode.Unknown });
    await expect(failure(503, {})).rejects.toMatchObject({ code: ChannelErrorCode.Temporary });
    await expect(failure(429, {})).rejects.toMatchObject({ code: ChannelErrorCode.RateLimited });
  });
});
