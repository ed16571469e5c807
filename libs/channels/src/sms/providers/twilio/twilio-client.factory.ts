import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';

// twilio-node builds absolute https://api.twilio.com URLs; this client swaps the origin for the inbox's
// configured API base URL, which is how the local sandbox stands in for Twilio without a branch in our code.
class BaseUrlRequestClient extends RequestClient {
  constructor(
    private readonly apiBaseUrl: URL,
    timeoutMs: number,
  ) {
    super({ timeout: timeoutMs });
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    const target = new URL(options.uri);
    const rewritten = new URL(`${this.apiBaseUrl.pathname.replace(/\/+$/, '')}${target.pathname}${target.search}`, this.apiBaseUrl);
    return super.request({ ...options, uri: rewritten.href });
  }
}

export function createTwilioClient(accountSid: string, authToken: string, apiBaseUrl: string, timeoutMs: number): twilio.Twilio {
  // No autoRetry: a retried POST may send twice (Messages has no idempotency key); BullMQ owns retries.
  return twilio(accountSid, authToken, { httpClient: new BaseUrlRequestClient(new URL(apiBaseUrl), timeoutMs), autoRetry: false });
}
