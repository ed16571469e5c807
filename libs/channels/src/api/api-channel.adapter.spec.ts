import { GuardedHttpClient, isValidSignature } from '@app/common';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ChannelError, ChannelErrorCode } from '../channel-error';
import { ApiChannelAdapter, parseApiInbound } from './api-channel.adapter';

// The stand-in server listens on 127.0.0.1, which only a deployment allowing private networks may reach.
const http = new GuardedHttpClient({ allowPrivateNetworks: true });

describe(ApiChannelAdapter.name, () => {
  const pdf = {
    id: '9d3e4c1a-1111-4222-8333-444455556666',
    path: '/files/inbox/conversation/9d3e4c1a-1111-4222-8333-444455556666.pdf',
    contentType: 'application/pdf',
    fileName: 'قرار اللجنة.pdf',
    sizeBytes: 4096,
  };
  const links = (attachment: typeof pdf, audience: 'visitor' | 'provider') => ({
    url: `https://gw.example.org${attachment.path}?expires=1800000000000&signature=${audience}`,
    expiresAt: new Date(1_800_000_000_000),
  });

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
    const sut = new ApiChannelAdapter({ signingSecret: 'secret', callbackUrl: url, timeoutMs: 1000 }, http);
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
    const sut = new ApiChannelAdapter({ signingSecret: 'secret', callbackUrl: url, timeoutMs: 1000 }, http);
    await expect(sut.send(message)).rejects.toMatchObject({ code });
  });

  it('should treat a callback that does not answer in time as temporary', async () => {
    answer = () => undefined;
    const sut = new ApiChannelAdapter({ signingSecret: 'secret', callbackUrl: url, timeoutMs: 150 }, http);
    const failure = await sut.send(message).catch((error: ChannelError) => error);
    expect(failure).toBeInstanceOf(ChannelError);
    expect((failure as ChannelError).code).toBe(ChannelErrorCode.Temporary);
    expect((failure as ChannelError).message).toContain('timed out');
  });

  it('should refuse a callback on a private address or with credentials, without connecting and without leaking', async () => {
    // A public-looking name that resolves to this machine, as DNS rebinding or a hostile zone would arrange.
    const refusing = new GuardedHttpClient({ allowPrivateNetworks: false, resolver: async () => [{ address: '127.0.0.1', family: 4 }] });
    const port = new URL(url).port;
    const before = received.length;
    for (const callbackUrl of [url, `http://callback.example.org:${port}/callback`, url.replace('http://', 'http://admin:hunter2@')]) {
      const failure = (await new ApiChannelAdapter({ signingSecret: 'secret', callbackUrl, timeoutMs: 1000 }, refusing)
        .send(message)
        .catch((error: unknown) => error)) as ChannelError;
      expect(failure).toBeInstanceOf(ChannelError);
      expect(failure.code).toBe(ChannelErrorCode.AuthInvalid);
      expect(failure.message).toMatch(/^Callback URL refused: /);
      expect(failure.message).not.toMatch(new RegExp(`${port}|hunter2|admin|127\\.0\\.0\\.1|callback\\.example`));
    }
    expect(received.length).toBe(before);
  });

  it('should report the status of an error answer and whether the app could be reached, never its body or port', async () => {
    answer = (_request, response) => response.writeHead(500).end('internal admin panel: password=hunter2');
    const answered = (await new ApiChannelAdapter({ signingSecret: 'secret', callbackUrl: url, timeoutMs: 1000 }, http)
      .send(message)
      .catch((error: unknown) => error)) as ChannelError;
    expect([answered.code, answered.message]).toEqual([ChannelErrorCode.Temporary, 'Callback answered HTTP 500']);
    const closed = (await new ApiChannelAdapter({ signingSecret: 'secret', callbackUrl: 'http://127.0.0.1:9/x', timeoutMs: 1000 }, http)
      .send(message)
      .catch((error: unknown) => error)) as ChannelError;
    expect([closed.code, closed.message]).toEqual([ChannelErrorCode.Temporary, 'Callback could not be reached']);
  });

  it('should carry each file as a signed, expiring download link in the callback body, signed with the rest', async () => {
    answer = (_request, response) => response.writeHead(200).end();
    const sut = new ApiChannelAdapter({ signingSecret: 'secret', callbackUrl: url, timeoutMs: 1000 }, http, links);
    await sut.send({ ...message, attachments: [pdf] });
    const last = received[received.length - 1];
    expect(JSON.parse(last.body).attachments).toEqual([
      {
        id: pdf.id,
        url: `https://gw.example.org${pdf.path}?expires=1800000000000&signature=provider`,
        expiresAt: '2027-01-15T08:00:00.000Z',
        contentType: 'application/pdf',
        fileName: 'قرار اللجنة.pdf',
        sizeBytes: 4096,
      },
    ]);
    expect(isValidSignature(Buffer.from(last.body), 'secret', last.signature)).toBe(true);
  });

  it('should refuse a reply with files when it cannot make links, rather than send the text alone', async () => {
    const before = received.length;
    const sut = new ApiChannelAdapter({ signingSecret: 'secret', callbackUrl: url, timeoutMs: 1000 }, http);
    await expect(sut.send({ ...message, attachments: [pdf] })).rejects.toMatchObject({ code: ChannelErrorCode.AuthInvalid });
    expect(received.length).toBe(before);
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
