import { ApiErrorCode, ApiException } from '@app/common';
import { ChannelDefinition, WebhookInbox, WebhookRequest } from '../channel-definition';
import { ChannelKind } from '../channel-kind.enum';
import { NO_SEND_RULES } from '../send-rules.constant';
import { JSON_CONTENT_TYPE } from '../webhooks/webhook-schema.util';
import { API_SIGNATURE_HEADER, ApiChannelAdapter, parseApiInbound, verifyApiSignature } from './api-channel.adapter';
import { ApiChannelSettingsDto } from './api-settings.dto';
import { API_INBOUND_MESSAGE_BODY } from './api-webhook-bodies.constant';
import { API_SETTINGS_FORM } from './api-settings-form.constant';

function verifySignature(request: WebhookRequest, inbox: WebhookInbox): void {
  const header = request.headers[API_SIGNATURE_HEADER];
  const signature = Array.isArray(header) ? header[0] : header;
  if (!request.rawBody || !verifyApiSignature(request.rawBody, signature, inbox.secrets.signingSecret)) {
    throw new ApiException(ApiErrorCode.SignatureInvalid, 'Missing or wrong X-Wasl-Signature');
  }
}

// The association's own website or app: it posts beneficiaries' messages signed with the inbox secret, and
// receives officers' replies as signed callbacks. Its server logged the person in, so what it signs is asserted.
export const API_CHANNEL: ChannelDefinition<ApiChannelSettingsDto> = {
  kind: ChannelKind.Api,
  provider: null,
  title: 'API channel',
  settings: ApiChannelSettingsDto,
  form: API_SETTINGS_FORM,
  secretFields: [],
  outboundUrlFields: ['callbackUrl'],
  asserts: ['external-id', 'phone', 'email'],
  webhooks: {
    prefix: 'api',
    routes: [
      {
        method: 'POST',
        path: 'messages',
        summary: "A beneficiary's message from the association's website or app",
        pastedAs: 'apiMessages',
        openApi: {
          contentTypes: [JSON_CONTENT_TYPE],
          body: API_INBOUND_MESSAGE_BODY,
          headers: [{ name: 'X-Wasl-Signature', description: 'sha256=<hex HMAC-SHA256 of the raw body with the inbox secret>' }],
          response: { status: 202, contentType: JSON_CONTENT_TYPE, description: 'Stored; applied once' },
        },
        verify: verifySignature,
        handle: (request) => ({
          events: [{ type: 'message', message: parseApiInbound(request.body) }],
          reply: { status: 202, contentType: 'application/json; charset=utf-8', body: { accepted: true } },
        }),
      },
    ],
  },
  outbound: (context) =>
    new ApiChannelAdapter(
      {
        signingSecret: context.inbox.secrets.signingSecret,
        callbackUrl: String(context.inbox.settings.callbackUrl),
        timeoutMs: context.timeoutMs,
      },
      context.http,
      context.attachmentLink,
    ),
  sendRules: NO_SEND_RULES,
  // The callback carries signed, expiring download links, not the files: the association's app fetches each one.
  attachments: {
    contentTypes: ['image/png', 'image/jpeg', 'application/pdf'],
    maxCount: 10,
    maxBytes: 10 * 1024 * 1024,
    maxTotalBytes: 50 * 1024 * 1024,
    note: 'Download links in the callback body (attachments[].url), valid for REPLY_ATTACHMENT_LINK_SECONDS',
  },
  // The callback carries Wasl's messageId, so the app can drop a second copy.
  receiverDeduplicates: true,
  outreach: null,
};
