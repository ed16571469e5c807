import { isValidSignature, signBody, validateInput } from '@app/common';
import { ChannelError, ChannelErrorCode } from '../channel-error';
import { InboundMessage, OutboundMessage, SendResult } from '../channel-message.types';
import { OutboundChannelAdapter } from '../outbound-channel.adapter';
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

// The association's app receives agent replies as signed POSTs to its callback URL.
export class ApiChannelAdapter implements OutboundChannelAdapter {
  constructor(private readonly credentials: ApiChannelCredentials) {}

  async send(message: OutboundMessage): Promise<SendResult> {
    const body: ApiCallbackBody = {
      event: 'message.created',
      conversationId: message.conversationId,
      messageId: message.messageId,
      to: { id: message.recipient.externalId },
      text: message.text,
      createdAt: message.createdAt.toISOString(),
    };
    const raw = JSON.stringify(body);
    let response: Response;
    try {
      response = await fetch(this.credentials.callbackUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Wasl-Callback/1',
          [API_SIGNATURE_HEADER]: signBody(raw, this.credentials.signingSecret),
        },
        body: raw,
        signal: AbortSignal.timeout(this.credentials.timeoutMs),
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message;
      throw new ChannelError(ChannelErrorCode.Temporary, `Callback ${reason}`);
    }
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { acceptedAt: new Date() };
    const reason = `Callback answered HTTP ${response.status}`;
    if (response.status === 429) {
      throw new ChannelError(ChannelErrorCode.RateLimited, reason, Number(response.headers.get('retry-after')) || undefined);
    }
    // The app may be mid-deploy or misconfigured for a while: every non-2xx is retried until attempts run out.
    throw new ChannelError(response.status >= 500 ? ChannelErrorCode.Temporary : ChannelErrorCode.Unknown, reason);
  }
}
