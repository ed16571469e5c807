import { isValidSignature } from '@app/common';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ChannelError, ChannelErrorCode } from '../channel-error';
import { ApiChannelAdapter, parseApiInbound } from './api-channel.adapter';

describe(ApiChannelAdapter.name, () => {
  let server: Server;
  let url: string;
  let answer: (request: IncomingMessage, response: ServerResponse) => void;
  const received: { body: string; signature: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString(), signature: request.headers['x-wasl-signature'] as string });
        answer(request, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const message = {
    messageId: 'message-1',
    conversationId: 'conversation-1',
    text: 'تم استلام طلبك',
    createdAt: new Date('2026-11-01T10:00:00Z'),
    recipient: { externalId: 'app-user-7' },
  };

  it('should POST the documented body signed with the inbox secret', async () => {
    answer = (_request, response) => response.writeHead(200).end();
    const sut = new ApiChannelAdapter({ signingSecret: 'secret', callbackUrl: url, timeoutMs: 1000 });
    await sut.send(message);
    const last = received[received.length - 1];
    expect(JSON.parse(last.body)).toEqual({
      event: 'message.created',
      conversationId: 'conversation-1',
      messageId: 'message-1',
      to: { id: 'app-user-7' },
      text: 'تم استلام طلبك',
      createdAt: '2026-11-01T10:00:00.000Z',
    });
    expect(isValidSignature(last.body, 'secret', last.signature)).toBe(true);
  });

  it.each([
    [503, ChannelErrorCode.Temporary],
    [429, ChannelErrorCode.RateLimited],
    [404, ChannelErrorCode.Unknown],
  ])('should map HTTP %i to %s', async (status, code) => {
    answer = (_request, response) => response.writeHead(status).end();
    const sut = new ApiChannelAdapter({ signingSecret: 'secret', callbackUrl: url, timeoutMs: 1000 });
    await expect(sut.send(message)).rejects.toMatchObject({ code });
  });

  it('should treat a callback that does not answer in time as temporary', async () => {
    answer = () => undefined;
    const sut = new ApiChannelAdapter({ signingSecret: 'secret', callbackUrl: url, timeoutMs: 150 });
    const failure = await sut.send(message).catch((error: ChannelError) => error);
    expect(failure).toBeInstanceOf(ChannelError);
    expect((failure as ChannelError).code).toBe(ChannelErrorCode.Temporary);
    expect((failure as ChannelError).message).toContain('timed out');
  });
});

describe(parseApiInbound.name, () => {
  it('should name every field at fault', () => {
    try {
      parseApiInbound({ messageId: '', from: { name: 'x' }, text: 5, sentAt: 'yesterday' });
      fail('expected a validation error');
    } catch (error) {
      const fields = (error as { getResponse(): { fields: { field: string }[] } }).getResponse().fields.map((item) => item.field);
      expect(fields).toEqual(expect.arrayContaining(['messageId', 'from.id', 'text', 'sentAt']));
    }
  });
});
