import { GuardedHttpClient, GuardedHttpResponse } from '@app/common';
import { ChannelError, ChannelErrorCode } from '../../../channel-error';
import { SendResult } from '../../../channel-message.types';
import { classifyHttpFailure, classifyNetworkFailure } from '../../http-failure.classifier';
import { joinApiUrl } from '../../sms-api-base-url.util';
import { OutboundSms, SmsAdapterContext, SmsChannelAdapter } from '../../sms-channel.adapter';
import { TAQNYAT_DEFAULT_API_BASE_URL } from './taqnyat-settings.dto';

export interface TaqnyatCredentials {
  apiToken: string;
  sender: string;
  apiBaseUrl: string;
  timeoutMs: number;
}

interface TaqnyatSendResponse {
  statusCode?: number;
  messageId?: number | string;
  accepted?: string;
  rejected?: string;
  message?: string;
}

export function taqnyatCredentialsFrom(context: SmsAdapterContext): TaqnyatCredentials {
  return {
    apiToken: context.secrets.apiToken ?? '',
    sender: String(context.settings.sender ?? ''),
    apiBaseUrl: typeof context.settings.apiBaseUrl === 'string' ? context.settings.apiBaseUrl : TAQNYAT_DEFAULT_API_BASE_URL,
    timeoutMs: context.timeoutMs,
  };
}

// Taqnyat documents no delivery-report webhook, so its messages stop at `sent`.
export class TaqnyatSmsAdapter implements SmsChannelAdapter {
  constructor(
    private readonly credentials: TaqnyatCredentials,
    private readonly http: GuardedHttpClient,
  ) {}

  async send(message: OutboundSms): Promise<SendResult> {
    const { apiToken, sender, apiBaseUrl, timeoutMs } = this.credentials;
    const recipient = message.to.replace(/^\+/, '');
    let response: GuardedHttpResponse;
    try {
      response = await this.http.request({
        method: 'POST',
        url: joinApiUrl(apiBaseUrl, '/v1/messages'),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiToken}` },
        body: JSON.stringify({ recipients: [recipient], body: message.text, sender }),
        timeoutMs,
      });
    } catch (error) {
      throw classifyNetworkFailure(error);
    }
    const body = response.json<TaqnyatSendResponse>();
    const reason = `Taqnyat answered HTTP ${response.status}${typeof body?.message === 'string' ? `: ${body.message.slice(0, 200)}` : ''}`;
    if (response.status < 200 || response.status >= 300) {
      if (response.status === 400 && /recipient|number|mobile/i.test(body?.message ?? '')) {
        throw new ChannelError(ChannelErrorCode.RecipientInvalid, reason);
      }
      throw classifyHttpFailure(response.status, reason, response.headers['retry-after']);
    }
    // A 201 can still list our only recipient as rejected.
    if (body?.rejected?.includes(recipient) && !body.accepted?.includes(recipient)) {
      throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'Taqnyat rejected the recipient');
    }
    return { providerMessageId: body?.messageId === undefined ? undefined : String(body.messageId), acceptedAt: new Date() };
  }
}
