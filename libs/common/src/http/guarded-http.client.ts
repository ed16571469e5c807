import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { IncomingHttpHeaders, IncomingMessage, request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { isNonPublicAddress } from './outbound-address.util';
import { OutboundHttpFailure, OutboundHttpFailureKind } from './outbound-http-failure';

// Every address a host name has, as dns.lookup({ all: true }) gives them. Injected in tests to play DNS.
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

export interface GuardedHttpClientOptions {
  // Lets configured URLs reach loopback and private networks: the local sandbox and the test suites only.
  allowPrivateNetworks: boolean;
  // Single addresses reachable even when private networks are not, such as a sandbox on a known address.
  allowedAddresses?: readonly string[];
  resolver?: HostResolver;
  timeoutMs?: number;
  maxResponseBytes?: number;
  maxRedirects?: number;
}

export interface GuardedHttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  // Covers connecting, every redirect and reading the whole body.
  timeoutMs?: number;
  // 0 hands a 3xx back to the caller.
  maxRedirects?: number;
  // A larger answer than the client's own limit, for a download (a beneficiary's voice note or photo).
  maxResponseBytes?: number;
}

export interface GuardedHttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text(): string;
  // undefined when the body is not JSON: a parse error message would quote the body.
  json<T>(): T | undefined;
}

const DEFAULT_TIMEOUT_MILLISECONDS = 10_000;
// Providers answer with a few hundred bytes; more is a misconfigured URL, not a reason to buffer megabytes.
const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Not replayed to another origin after a redirect.
const ORIGIN_BOUND_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

const systemResolver: HostResolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

function responseOf(status: number, headers: IncomingHttpHeaders, body: Buffer): GuardedHttpResponse {
  return {
    status,
    headers,
    body,
    text: () => body.toString('utf8'),
    json: <T>() => {
      try {
        return JSON.parse(body.toString('utf8')) as T;
      } catch {
        return undefined;
      }
    },
  };
}

// The one way Wasl calls a URL that an administrator typed in (API callbacks, SMS providers' base URLs). The
// host is resolved inside the socket's own lookup, every address is checked and the connection goes to a
// checked address, so DNS cannot change between the check and the connect; redirects are followed here,
// hop by hop, through the same check.
export class GuardedHttpClient {
  private readonly resolver: HostResolver;
  private readonly allowedAddresses: ReadonlySet<string>;

  constructor(private readonly options: GuardedHttpClientOptions) {
    this.resolver = options.resolver ?? systemResolver;
    this.allowedAddresses = new Set(options.allowedAddresses ?? []);
  }

  async request(input: GuardedHttpRequest): Promise<GuardedHttpResponse> {
    const deadline = Date.now() + (input.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MILLISECONDS);
    const maxRedirects = input.maxRedirects ?? this.options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    let url = this.checkedUrl(input.url);
    let method = input.method.toUpperCase();
    let headers = { ...(input.headers ?? {}) };
    let body = input.body;
    for (let redirects = 0; ; redirects += 1) {
      const response = await this.once(url, method, headers, body, deadline, input.maxResponseBytes);
      const location = response.headers.location;
      if (!REDIRECT_STATUSES.has(response.status) || !location || maxRedirects === 0) return response;
      if (redirects >= maxRedirects) throw new OutboundHttpFailure(OutboundHttpFailureKind.TooManyRedirects);
      const next = this.checkedUrl(new URL(location, url).href);
      if (next.origin !== url.origin) {
        headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !ORIGIN_BOUND_HEADERS.has(name.toLowerCase())));
      }
      // As browsers and fetch do: 303, and 301/302 after a POST, continue as a GET without the body.
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = method === 'HEAD' ? 'HEAD' : 'GET';
        body = undefined;
        headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-/i.test(name)));
      }
      url = next;
    }
  }

  private checkedUrl(text: string): URL {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new OutboundHttpFailure(OutboundHttpFailureKind.InvalidUrl);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
      throw new OutboundHttpFailure(OutboundHttpFailureKind.InvalidUrl);
    }
    // A literal address never reaches a lookup function, so it is checked here.
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && this.refuses(host)) {
      throw new OutboundHttpFailure(OutboundHttpFailureKind.RefusedAddress);
    }
    return url;
  }

  private refuses(address: string): boolean {
    return !this.options.allowPrivateNetworks && !this.allowedAddresses.has(address) && isNonPublicAddress(address);
  }

  // Runs inside net.connect: what it answers is what the socket connects to.
  private readonly guardedLookup: LookupFunction = (hostname, options, callback) => {
    this.resolver(hostname).then(
      (addresses) => {
        const usable = addresses.filter(({ family }) => !options.family || family === options.family);
        if (usable.length === 0) return callback(new OutboundHttpFailure(OutboundHttpFailureKind.Network), '', 0);
        // One non-public answer refuses the host: a mixed answer is how rebinding attacks hedge.
        if (usable.some(({ address }) => this.refuses(address))) {
          return callback(new OutboundHttpFailure(OutboundHttpFailureKind.RefusedAddress), '', 0);
        }
        if (options.all) return callback(null, usable);
        return callback(null, usable[0].address, usable[0].family);
      },
      () => callback(new OutboundHttpFailure(OutboundHttpFailureKind.Network), '', 0),
    );
  };

  private once(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | Buffer | undefined,
    deadline: number,
    maxResponseBytes?: number,
  ) {
    const maxBytes = maxResponseBytes ?? this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    return new Promise<GuardedHttpResponse>((resolve, reject) => {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return reject(new OutboundHttpFailure(OutboundHttpFailureKind.Timeout));
      let failure: OutboundHttpFailure | undefined;
      let settled = false;
      const finish = (response?: GuardedHttpResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (response) resolve(response);
        else reject(failure ?? new OutboundHttpFailure(OutboundHttpFailureKind.Network));
      };
      const fail = (kind: OutboundHttpFailureKind) => {
        failure ??= new OutboundHttpFailure(kind);
        request.destroy();
        finish();
      };
      const timer = setTimeout(() => fail(OutboundHttpFailureKind.Timeout), remaining);
      const requestOptions: RequestOptions = {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: this.guardedLookup,
        // A fresh connection per request: a pooled socket would skip the lookup and its check.
        agent: false,
      };
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(url, requestOptions, (response: IncomingMessage) => {
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) return fail(OutboundHttpFailureKind.ResponseTooLarge);
        const chunks: Buffer[] = [];
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBytes) return fail(OutboundHttpFailureKind.ResponseTooLarge);
          chunks.push(chunk);
        });
        response.on('end', () => finish(responseOf(response.statusCode ?? 0, response.headers, Buffer.concat(chunks))));
        // A connection cut mid-body: reported as a network failure, whatever the socket said.
        response.on('error', () => finish());
        response.on('close', () => finish());
      });
      request.on('error', (error: Error) => {
        if (error instanceof OutboundHttpFailure) failure ??= error;
        finish();
      });
      request.end(body);
    });
  }
}
