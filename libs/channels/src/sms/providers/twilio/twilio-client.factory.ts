import { GuardedHttpClient } from '@app/common';
import type twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type ResponseType from 'twilio/lib/http/response';

type TwilioParameters = Record<string, string | number | boolean | (string | number | boolean)[] | undefined>;

// Twilio repeats a key for list values (StatusCallbackEvent=a&StatusCallbackEvent=b), as twilio-node's own client does.
function encodeParameters(parameters: TwilioParameters | undefined): URLSearchParams {
  const encoded = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) encoded.append(key, String(item));
  }
  return encoded;
}

// twilio-node's REST client (axios under it) takes about 200 ms to load: loaded on the first Twilio send, not at
// the boot of every process that imports the channels.
let twilioRuntime:
  | Promise<{
      twilio: typeof twilio;
      GuardedRequestClient: new (apiBaseUrl: URL, http: GuardedHttpClient, timeoutMs: number) => RequestClient;
    }>
  | undefined;

function loadTwilioRuntime(): NonNullable<typeof twilioRuntime> {
  twilioRuntime ??= Promise.all([import('twilio'), import('twilio/lib/base/RequestClient'), import('twilio/lib/http/response')]).then(
    ([{ default: twilioFactory }, { default: RequestClientClass }, { default: Response }]) => {
      // twilio-node builds absolute https://api.twilio.com URLs; this client swaps the origin for the inbox's
      // configured API base URL (how the local sandbox stands in for Twilio without a branch in our code) and sends
      // through the guarded client, because that base URL is an administrator's input.
      class GuardedTwilioRequestClient extends RequestClientClass {
        constructor(
          private readonly apiBaseUrl: URL,
          private readonly http: GuardedHttpClient,
          private readonly timeoutMs: number,
        ) {
          super({ timeout: timeoutMs });
        }

        override async request<TData>(options: RequestClient.RequestOptions<TData>): Promise<ResponseType<TData>> {
          const target = new URL(options.uri);
          const url = new URL(`${this.apiBaseUrl.pathname.replace(/\/+$/, '')}${target.pathname}${target.search}`, this.apiBaseUrl);
          for (const [key, value] of encodeParameters(options.params as TwilioParameters)) url.searchParams.append(key, value);
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(options.headers ?? {})) if (value !== undefined) headers[name] = String(value);
          if (options.username && options.password) {
            headers.Authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
          } else if (options.authStrategy) {
            headers.Authorization = await options.authStrategy.getAuthString();
          }
          let body: string | undefined;
          if (options.data !== undefined) {
            const json = /application\/json/i.test(headers['Content-Type'] ?? headers['content-type'] ?? '');
            body = json ? JSON.stringify(options.data) : encodeParameters(options.data as TwilioParameters).toString();
            if (!json) headers['Content-Type'] = 'application/x-www-form-urlencoded';
          }
          const response = await this.http.request({
            method: options.method,
            url: url.href,
            headers,
            body,
            timeoutMs: options.timeout ?? this.timeoutMs,
            maxRedirects: options.allowRedirects ? undefined : 0,
          });
          // Parsed here: twilio-node would JSON.parse a string body itself, and that error message quotes the body.
          return new Response(response.status, (response.json<TData>() ?? null) as TData, response.headers);
        }
      }
      return { twilio: twilioFactory, GuardedRequestClient: GuardedTwilioRequestClient };
    },
  );
  return twilioRuntime;
}

export async function createTwilioClient(
  accountSid: string,
  authToken: string,
  apiBaseUrl: string,
  timeoutMs: number,
  http: GuardedHttpClient,
): Promise<twilio.Twilio> {
  const { twilio: twilioFactory, GuardedRequestClient } = await loadTwilioRuntime();
  // No autoRetry: a retried POST may send twice (Messages has no idempotency key); BullMQ owns retries.
  return twilioFactory(accountSid, authToken, {
    httpClient: new GuardedRequestClient(new URL(apiBaseUrl), http, timeoutMs),
    autoRetry: false,
  });
}
