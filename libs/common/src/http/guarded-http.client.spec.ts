import { LookupAddress } from 'node:dns';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { GuardedHttpClient } from './guarded-http.client';
import { isNonPublicAddress } from './outbound-address.util';
import { OutboundHttpFailure, OutboundHttpFailureKind } from './outbound-http-failure';
import { outboundUrlProblem } from './outbound-url.util';

// Every way of writing "this machine" or "the network next to it" that an administrator has been seen to try.
const NON_PUBLIC_URLS = [
  'http://0x7f000001:1/x',
  'http://2130706433/',
  'http://0177.0.0.1/',
  'http://127.1/',
  'http://127.0.0.1./',
  'http://[::1]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:7f00:1]/',
  'http://[0:0:0:0:0:ffff:169.254.169.254]/',
  'http://[64:ff9b::10.0.0.1]/',
  'http://[2002:c0a8:0101::1]/',
  'http://10.1.2.3/',
  'http://172.16.0.1/',
  'http://172.31.255.255/',
  'http://192.168.1.10/',
  'http://100.64.0.1/',
  'http://169.254.169.254/latest/meta-data/',
  'http://0.0.0.0/',
  'http://[::]/',
  'http://[fe80::1]/',
  'http://[fc00::1]/',
  'http://[fd12:3456::1]/',
  'http://224.0.0.1/',
  'http://[ff02::1]/',
  'http://255.255.255.255/',
];

const PUBLIC_ADDRESSES = ['8.8.8.8', '34.117.59.81', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'];

describe(isNonPublicAddress.name, () => {
  it.each(PUBLIC_ADDRESSES)('should let the public address %s through', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });

  it.each(['127.0.0.1', '10.0.0.1', '192.168.0.1', '169.254.0.1', '100.127.255.254', '::1', 'fe80::1', 'fd00::2', '::', 'localhost'])(
    'should refuse %s',
    (address) => expect(isNonPublicAddress(address)).toBe(true),
  );
});

describe(outboundUrlProblem.name, () => {
  const refusing = { allowPrivateNetworks: false };

  it.each(NON_PUBLIC_URLS)('should refuse %s unless the deployment allows private networks', (url) => {
    expect(outboundUrlProblem(url, refusing)).toBe('must not point to a private, loopback or link-local address');
    expect(outboundUrlProblem(url, { allowPrivateNetworks: true })).toBeUndefined();
  });

  it('should refuse credentials and other schemes whatever the deployment allows, and leave host names to send time', () => {
    expect(outboundUrlProblem('https://user:pass@app.example.org/cb', { allowPrivateNetworks: true })).toBe(
      'must not contain credentials (user:password@)',
    );
    expect(outboundUrlProblem('https://:pass@app.example.org/cb', refusing)).toContain('credentials');
    expect(outboundUrlProblem('file:///etc/passwd', refusing)).toBe('must be an http(s) URL');
    expect(outboundUrlProblem('https://app.example.org/wasl/callback', refusing)).toBeUndefined();
    expect(outboundUrlProblem('http://8.8.8.8:8080/cb', refusing)).toBeUndefined();
  });
});

describe(GuardedHttpClient.name, () => {
  let server: Server;
  let port: number;
  let answer: (request: IncomingMessage, response: ServerResponse) => void;
  const requests: { url: string; host?: string; authorization?: string; method?: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push({
        url: request.url ?? '',
        host: request.headers.host,
        authorization: request.headers.authorization,
        method: request.method,
      });
      request.resume();
      request.on('end', () => answer(request, response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  beforeEach(() => {
    requests.length = 0;
    answer = (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  // Plays DNS: every name resolves to what the test says, the way a hostile or rebinding resolver would answer.
  const resolvingTo =
    (answers: Record<string, string[]>) =>
    async (hostname: string): Promise<LookupAddress[]> =>
      (answers[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  async function failureOf(promise: Promise<unknown>): Promise<OutboundHttpFailure> {
    const outcome = await promise.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(OutboundHttpFailure);
    return outcome as OutboundHttpFailure;
  }

  it.each(NON_PUBLIC_URLS)('should refuse %s without connecting', async (url) => {
    const sut = new GuardedHttpClient({ allowPrivateNetworks: false });
    const target = new URL(url);
    if (target.hostname.includes('127') || target.hostname === '[::1]') target.port = String(port);
    const failure = await failureOf(sut.request({ method: 'POST', url: target.href, body: '{}' }));
    expect(failure.kind).toBe(OutboundHttpFailureKind.RefusedAddress);
    expect(requests).toHaveLength(0);
  });

  it('should refuse a public-looking host name that resolves to a loopback address, or to one among public ones', async () => {
    const sut = new GuardedHttpClient({
      allowPrivateNetworks: false,
      resolver: resolvingTo({ 'callback.example.org': ['127.0.0.1'], 'mixed.example.org': ['8.8.8.8', '127.0.0.1'] }),
    });
    for (const host of ['callback.example.org', 'mixed.example.org']) {
      const failure = await failureOf(sut.request({ method: 'GET', url: `http://${host}:${port}/secret` }));
      expect(failure.kind).toBe(OutboundHttpFailureKind.RefusedAddress);
    }
    expect(requests).toHaveLength(0);
  });

  it('should connect to the address it checked, asking DNS once, when the deployment allows private networks', async () => {
    const lookups: string[] = [];
    const sut = new GuardedHttpClient({
      allowPrivateNetworks: true,
      resolver: async (hostname) => {
        lookups.push(hostname);
        return [{ address: '127.0.0.1', family: 4 }];
      },
    });
    const response = await sut.request({ method: 'GET', url: `http://sandbox.example.org:${port}/ping` });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect(lookups).toEqual(['sandbox.example.org']);
    expect(requests).toEqual([expect.objectContaining({ url: '/ping', host: `sandbox.example.org:${port}` })]);
  });

  it('should re-check every redirect hop and refuse one that leads to a private address', async () => {
    const sut = new GuardedHttpClient({
      allowPrivateNetworks: false,
      // The first hop stands for a public server; the test machine has no public address of its own.
      allowedAddresses: ['127.0.0.1'],
      resolver: resolvingTo({ 'internal.example.org': ['10.0.0.5'] }),
    });
    for (const location of [
      `http://0x7f000002:${port}/`,
      'http://169.254.169.254/latest/meta-data/',
      'http://internal.example.org/admin',
    ]) {
      answer = (_request, response) => response.writeHead(302, { location }).end();
      const failure = await failureOf(sut.request({ method: 'POST', url: `http://127.0.0.1:${port}/start`, body: 'x' }));
      expect(failure.kind).toBe(OutboundHttpFailureKind.RefusedAddress);
    }
    expect(requests.map((request) => request.url)).toEqual(['/start', '/start', '/start']);
  });

  it('should follow a bounded number of redirects, drop credentials across origins and hand 3xx back when asked', async () => {
    const sut = new GuardedHttpClient({ allowPrivateNetworks: true, resolver: resolvingTo({ 'other.example.org': ['127.0.0.1'] }) });
    answer = (request, response) =>
      request.url === '/final'
        ? response.writeHead(200).end('done')
        : response.writeHead(307, { location: `http://other.example.org:${port}/final` }).end();
    const followed = await sut.request({
      method: 'POST',
      url: `http://127.0.0.1:${port}/first`,
      headers: { authorization: 'Basic c2VjcmV0' },
    });
    expect(followed.text()).toBe('done');
    expect(requests.map(({ url, method, authorization }) => ({ url, method, authorization }))).toEqual([
      { url: '/first', method: 'POST', authorization: 'Basic c2VjcmV0' },
      { url: '/final', method: 'POST', authorization: undefined },
    ]);
    expect((await sut.request({ method: 'GET', url: `http://127.0.0.1:${port}/first`, maxRedirects: 0 })).status).toBe(307);

    answer = (_request, response) => response.writeHead(302, { location: '/again' }).end();
    const looping = await failureOf(sut.request({ method: 'GET', url: `http://127.0.0.1:${port}/loop` }));
    expect(looping.kind).toBe(OutboundHttpFailureKind.TooManyRedirects);
  });

  it('should refuse URLs with credentials, before connecting, and never repeat them', async () => {
    const sut = new GuardedHttpClient({ allowPrivateNetworks: true });
    const failure = await failureOf(sut.request({ method: 'GET', url: `http://admin:hunter2@127.0.0.1:${port}/` }));
    expect(failure.kind).toBe(OutboundHttpFailureKind.InvalidUrl);
    expect(failure.message).not.toMatch(/admin|hunter2/);
    answer = (_request, response) => response.writeHead(301, { location: `http://admin:hunter2@127.0.0.1:${port}/next` }).end();
    const redirected = await failureOf(sut.request({ method: 'GET', url: `http://127.0.0.1:${port}/` }));
    expect(redirected.kind).toBe(OutboundHttpFailureKind.InvalidUrl);
    expect(requests).toHaveLength(1);
  });

  it('should say the same thing for a closed port and an unresolvable name, and only "timed out" for a silent server', async () => {
    const sut = new GuardedHttpClient({ allowPrivateNetworks: true, resolver: resolvingTo({}) });
    const closed = await failureOf(sut.request({ method: 'GET', url: 'http://127.0.0.1:9/' }));
    const unresolvable = await failureOf(sut.request({ method: 'GET', url: 'http://nowhere.example.org/' }));
    expect([closed.kind, closed.message]).toEqual([OutboundHttpFailureKind.Network, 'could not be reached']);
    expect([unresolvable.kind, unresolvable.message]).toEqual([closed.kind, closed.message]);

    answer = () => undefined;
    const silent = await failureOf(sut.request({ method: 'GET', url: `http://127.0.0.1:${port}/slow`, timeoutMs: 150 }));
    expect([silent.kind, silent.message]).toEqual([OutboundHttpFailureKind.Timeout, 'timed out']);
  });

  it('should stop reading a response over the size limit and never put the body in a failure', async () => {
    const sut = new GuardedHttpClient({ allowPrivateNetworks: true, maxResponseBytes: 1024 });
    const secret = 'INTERNAL-ADMIN-PANEL '.repeat(200);
    answer = (_request, response) => {
      response.writeHead(200);
      response.write(secret);
      response.end(secret);
    };
    const failure = await failureOf(sut.request({ method: 'GET', url: `http://127.0.0.1:${port}/big` }));
    expect(failure.kind).toBe(OutboundHttpFailureKind.ResponseTooLarge);
    expect(`${failure.message} ${failure.stack}`).not.toContain('INTERNAL-ADMIN-PANEL');
  });
});
