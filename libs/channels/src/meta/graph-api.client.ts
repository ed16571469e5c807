import { GuardedHttpClient, GuardedHttpResponse } from '@app/common';
import { ChannelError, ChannelErrorCode } from '../channel-error';
import { multipartBody } from '../http/multipart-body.util';
import { classifyUnansweredRequest } from '../sms/http-failure.classifier';
import { GraphErrorBody, graphErrorOf } from './graph-error.classifier';

export const GRAPH_DEFAULT_API_BASE_URL = 'https://graph.facebook.com';
export const GRAPH_DEFAULT_API_VERSION = 'v23.0';

// Media URLs Meta hands out live on its CDNs; a webhook or Graph answer naming any other host is not followed, so
// a forged or tampered URL cannot make the worker fetch from elsewhere with the access token (SSRF).
const META_MEDIA_HOST_SUFFIXES = ['fbsbx.com', 'fbcdn.net', 'whatsapp.net', 'facebook.com', 'cdninstagram.com', 'instagram.com'];
const MAX_MEDIA_REDIRECTS = 3;

export interface GraphApiTarget {
  // https://graph.facebook.com, or the sandbox in development and tests (the inbox's apiBaseUrl).
  apiBaseUrl: string;
  version: string;
  accessToken: string;
  timeoutMs: number;
}

export interface GraphUpload {
  content: Buffer;
  contentType: string;
  fileName: string;
  fields: Record<string, string>;
}

function isMetaMediaHost(hostname: string): boolean {
  return META_MEDIA_HOST_SUFFIXES.some((suffix) => hostname === suffix || hostname.endsWith(`.${suffix}`));
}

// The Graph API through the guarded HTTP client: every failure is a ChannelError with Meta's reason mapped.
export class GraphApiClient {
  constructor(
    private readonly target: GraphApiTarget,
    private readonly http: GuardedHttpClient,
  ) {}

  url(path: string): string {
    return `${this.target.apiBaseUrl.replace(/\/+$/, '')}/${this.target.version}/${path.replace(/^\/+/, '')}`;
  }

  async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: object): Promise<T> {
    const response = await this.send(() =>
      this.http.request({
        method,
        url: this.url(path),
        headers: {
          authorization: `Bearer ${this.target.accessToken}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        timeoutMs: this.target.timeoutMs,
      }),
    );
    return (response.json<T>() ?? {}) as T;
  }

  // multipart/form-data, as Meta's media upload takes it.
  async upload<T>(path: string, upload: GraphUpload): Promise<T> {
    const multipart = multipartBody(upload.fields, {
      field: 'file',
      fileName: upload.fileName,
      contentType: upload.contentType,
      content: upload.content,
    });
    const response = await this.send(() =>
      this.http.request({
        method: 'POST',
        url: this.url(path),
        headers: { authorization: `Bearer ${this.target.accessToken}`, 'content-type': multipart.contentType },
        body: multipart.body,
        timeoutMs: this.target.timeoutMs,
      }),
    );
    return (response.json<T>() ?? {}) as T;
  }

  // A media file Meta named by URL, with the access token, from Meta's hosts only (or the configured API origin:
  // the sandbox), redirects checked hop by hop, within maxBytes.
  async download(url: string, maxBytes: number): Promise<{ content: Buffer; contentType: string }> {
    const apiOrigin = new URL(this.target.apiBaseUrl).origin;
    let current = url;
    for (let redirects = 0; redirects <= MAX_MEDIA_REDIRECTS; redirects += 1) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        throw new ChannelError(ChannelErrorCode.Unknown, 'Meta named a media URL that is not a URL');
      }
      if (parsed.protocol !== 'https:' && parsed.origin !== apiOrigin) {
        throw new ChannelError(ChannelErrorCode.Unknown, 'Meta named a media URL that is not https');
      }
      if (parsed.origin !== apiOrigin && !isMetaMediaHost(parsed.hostname)) {
        throw new ChannelError(ChannelErrorCode.Unknown, "Meta named a media URL outside Meta's hosts; it was not fetched");
      }
      const response = await this.send(
        () =>
          this.http.request({
            method: 'GET',
            url: parsed.href,
            headers: { authorization: `Bearer ${this.target.accessToken}` },
            timeoutMs: this.target.timeoutMs,
            maxRedirects: 0,
            maxResponseBytes: maxBytes,
          }),
        true,
      );
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, parsed).href;
        continue;
      }
      const contentType = String(response.headers['content-type'] ?? 'application/octet-stream')
        .split(';')[0]
        .trim();
      return { content: response.body, contentType };
    }
    throw new ChannelError(ChannelErrorCode.Unknown, 'The media URL redirected too many times');
  }

  private async send(call: () => Promise<GuardedHttpResponse>, allowRedirect = false): Promise<GuardedHttpResponse> {
    let response: GuardedHttpResponse;
    try {
      response = await call();
    } catch (error) {
      throw classifyUnansweredRequest(error, 'The Graph API');
    }
    if ((response.status >= 200 && response.status < 300) || (allowRedirect && response.status >= 300 && response.status < 400)) {
      return response;
    }
    throw graphErrorOf(response.status, response.json<GraphErrorBody>(), response.headers['retry-after']);
  }
}
