import { GuardedHttpClient, GuardedHttpResponse, isValidSignature, signBody, validateInput } from '@app/common';
import { ChannelError, ChannelErrorCode } from '../channel-error';
import { OutboundContext } from '../channel-definition';
import { InboundMessage, OutboundAttachment, OutboundMessage, SendResult } from '../channel-message.types';
import { OutboundChannelAdapter } from '../outbound-channel.adapter';
import { classifyUnansweredRequest } from '../sms/http-failure.classifier';
import { ApiInboundMessageDto } from './api-inbound-message.dto';

export const API_SIGNATURE_HEADER = 'x-wasl-signature';

export interface ApiChannelCredentials {
  signingSecret: string;
  callbackUrl: string;
  timeoutMs: number;
}

export interface ApiCallbackBody {
  event: 'message.created';
  conversationId: string;
  messageId: string;
  to: { id: string | undefined };
  text: string;
  createdAt: string;
  // Only on a reply with files: where the app downloads each one (a signed link that expires at expiresAt).
  attachments?: ApiCallbackAttachment[];
}

export interface ApiCallbackAttachment {
  id: string;
  url: string;
  expiresAt: string;
  contentType: string;
  fileName: string;
  sizeBytes: number;
}

export function verifyApiSignature(rawBody: Buffer, header: string | undefined, signingSecret: string): boolean {
  return isValidSignature(rawBody, signingSecret, header);
}

export function parseApiInbound(body: unknown): InboundMessage {
  const dto = validateInput(ApiInboundMessageDto, body);
  return {
    providerMessageId: dto.messageId,
    sender: { externalId: dto.from.id, name: dto.from.name, phone: dto.from.phone, email: dto.from.email },
    text: dto.text,
    attachments: [],
    sentAt: dto.sentAt,
  };
}

// The association's app receives agent replies as signed POSTs to its callback URL, through the guarded client:
// the URL is the administrator's input, so it may not reach Wasl's own network.
export class ApiChannelAdapter implements OutboundChannelAdapter {
  constructor(
    private readonly credentials: ApiChannelCredentials,
    private readonly http: GuardedHttpClient,
    // Absent where no reply carries files (the adapter's own tests); such a reply is then refused, never sent bare.
    private readonly attachmentLink?: OutboundContext['attachmentLink'],
  ) {}

  async send(message: OutboundMessage): Promise<SendResult> {
    const body: ApiCallbackBody = {
      event: 'message.created',
      conversationId: message.conversationId,
      messageId: message.messageId,
      to: { id: message.recipient.externalId },
      text: message.text,
      createdAt: message.createdAt.toISOString(),
      ...(message.attachments?.length ? { attachments: message.attachments.map((attachment) => this.callbackAttachment(attachment)) } : {}),
    };
    const raw = JSON.stringify(body);
    let response: GuardedHttpResponse;
    try {
      response = await this.http.request({
        method: 'POST',
        url: this.credentials.callbackUrl,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Wasl-Callback/1',
          [API_SIGNATURE_HEADER]: signBody(raw, this.credentials.signingSecret),
        },
        body: raw,
        timeoutMs: this.credentials.timeoutMs,
      });
    } catch (error) {
      throw classifyUnansweredRequest(error, 'Callback');
    }
    if (response.status >= 200 && response.status < 300) return { acceptedAt: new Date() };
    // The status code is what the association needs to fix its app; the body it answered is never kept.
    const reason = `Callback answered HTTP ${response.status}`;
    if (response.status === 429) {
      throw new ChannelError(ChannelErrorCode.RateLimited, reason, Number(response.headers['retry-after']) || undefined);
    }
    // The app may be mid-deploy or misconfigured for a while: every non-2xx is retried until attempts run out.
    throw new ChannelError(response.status >= 500 ? ChannelErrorCode.Temporary : ChannelErrorCode.Unknown, reason);
  }

  private callbackAttachment(attachment: OutboundAttachment): ApiCallbackAttachment {
    if (!this.attachmentLink) throw new ChannelError(ChannelErrorCode.AuthInvalid, 'No links can be made for this reply’s files');
    const link = this.attachmentLink(attachment, 'provider');
    const { id, contentType, fileName, sizeBytes } = attachment;
    return { id, url: link.url, expiresAt: link.expiresAt.toISOString(), contentType, fileName, sizeBytes };
  }
}
