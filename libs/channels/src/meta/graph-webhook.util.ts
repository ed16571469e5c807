import { ApiErrorCode, ApiException, isValidSignature } from '@app/common';
import { HttpStatus } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { WebhookInbox, WebhookOpenApi, WebhookRequest, WebhookRoute } from '../channel-definition';
import { ChannelEvent } from '../channel-event.types';
import { JSON_CONTENT_TYPE, RECEIVED_REPLY } from '../webhooks/webhook-schema.util';

// Meta's Graph webhooks (WhatsApp Cloud API, Messenger, Instagram) share one handshake and one signature
// (reference/channels.md §4.1, §4.2, §5.1): a GET that echoes hub.challenge when hub.verify_token matches, and
// POSTs signed with X-Hub-Signature-256 over the raw bytes with the app secret.
export const GRAPH_SIGNATURE_HEADER = 'x-hub-signature-256';

const SIGNATURE_DOCUMENTATION = [
  { name: 'X-Hub-Signature-256', description: "sha256=<hex HMAC-SHA256 of the raw body with the Meta app's secret>" },
] as const;

const CHALLENGE_QUERY = [
  { name: 'hub.mode', required: true, description: 'Always "subscribe"' },
  { name: 'hub.verify_token', required: true, description: 'The verify token typed into the inbox and into the Meta app' },
  { name: 'hub.challenge', required: true, description: 'Echoed back when the token matches' },
] as const;

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function sameSecret(given: string | undefined, expected: string | undefined): boolean {
  return (
    typeof given === 'string' &&
    typeof expected === 'string' &&
    expected.length > 0 &&
    Buffer.byteLength(given) === Buffer.byteLength(expected) &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  );
}

// Before a byte of the body is read: the HMAC over the raw body, compared in constant time.
export function verifyGraphSignature(request: WebhookRequest, inbox: WebhookInbox): void {
  const header = single(request.headers[GRAPH_SIGNATURE_HEADER]);
  if (!request.rawBody || !isValidSignature(request.rawBody, inbox.secrets.appSecret ?? '', header)) {
    throw new ApiException(ApiErrorCode.SignatureInvalid, 'Missing or wrong X-Hub-Signature-256', undefined, HttpStatus.FORBIDDEN);
  }
}

export function verifyGraphChallenge(request: WebhookRequest, inbox: WebhookInbox): void {
  const token = single(request.query['hub.verify_token']);
  if (single(request.query['hub.mode']) !== 'subscribe' || !sameSecret(token, inbox.secrets.verifyToken)) {
    throw new ApiException(ApiErrorCode.SignatureInvalid, 'Wrong hub.verify_token', undefined, HttpStatus.FORBIDDEN);
  }
}

// The two routes of a Graph webhook on the inbox's own URL (the Callback URL pasted into the Meta app).
export function graphWebhookRoutes(options: {
  pastedAs: string;
  product: string;
  body: WebhookOpenApi['body'];
  parse: (body: unknown, inbox: WebhookInbox) => ChannelEvent[];
}): WebhookRoute[] {
  return [
    {
      method: 'GET',
      path: '',
      summary: `Meta's verification request for the ${options.product} webhook (echoes hub.challenge)`,
      openApi: {
        contentTypes: [],
        query: CHALLENGE_QUERY,
        response: { status: 200, contentType: 'text/plain', description: 'The hub.challenge value' },
      },
      verify: verifyGraphChallenge,
      handle: (request) => ({
        events: [],
        reply: { status: 200, contentType: 'text/plain; charset=utf-8', body: single(request.query['hub.challenge']) ?? '' },
      }),
    },
    {
      method: 'POST',
      path: '',
      pastedAs: options.pastedAs,
      summary: `${options.product} webhook notifications (messages and statuses; Meta re-delivers for days)`,
      openApi: {
        contentTypes: [JSON_CONTENT_TYPE],
        body: options.body,
        headers: SIGNATURE_DOCUMENTATION,
        response: { status: 200, contentType: JSON_CONTENT_TYPE, description: '{ "received": true }' },
      },
      verify: verifyGraphSignature,
      handle: (request, inbox) => ({ events: options.parse(request.body, inbox), reply: RECEIVED_REPLY }),
    },
  ];
}
