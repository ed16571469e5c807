import { GuardedHttpClient, GuardedHttpResponse } from '@app/common';
import { ChannelError, ChannelErrorCode } from '../../../channel-error';
import { SendResult } from '../../../channel-message.types';
import { classifyHttpFailure, classifyNetworkFailure } from '../../http-failure.classifier';
import { joinApiUrl } from '../../sms-api-base-url.util';
import { OutboundSms, SmsAdapterContext, SmsChannelAdapter } from '../../sms-channel.adapter';
import { UNIFONIC_DEFAULT_API_BASE_URL } from './unifonic-settings.dto';

export interface UnifonicCredentials {
  appSid: string;
  senderId: string;
  apiBaseUrl: string;
  timeoutMs: number;
}

export interface UnifonicSendResponse {
  success: boolean | string;
  message?: string;
  errorCode?: string;
  data?: { MessageID?: number | string; Status?: string };
}

export function unifonicCredentialsFrom(context: SmsAdapterContext): UnifonicCredentials {
  return {
    appSid: context.secrets.appSid ?? '',
    senderId: String(context.settings.senderId ?? ''),
    apiBaseUrl: typeof context.settings.apiBaseUrl === 'string' ? context.settings.apiBaseUrl : UNIFONIC_DEFAULT_API_BASE_URL,
    timeoutMs: context.timeoutMs,
  };
}

// ER-04 is the documented "Dest num is too short"; the other rules read the message because Unifonic's
// full code list is not published with the API reference.
export function classifyUnifonicRefusal(response: UnifonicSendResponse): ChannelError {
  const reason = `Unifonic ${response.errorCode ?? ''}: ${response.message ?? 'refused'}`.trim();
  const text = `${response.errorCode ?? ''} ${response.message ?? ''}`.toLowerCase();
  if (response.errorCode === 'ER-04' || /dest|recipient|number/.test(text))
    return new ChannelError(ChannelErrorCode.RecipientInvalid, reason);
  if (/appsid|auth|sender|credential/.test(text)) return new ChannelError(ChannelErrorCode.AuthInvalid, reason);
  if (/throttl|too many|rate/.test(text)) return new ChannelError(ChannelErrorCode.RateLimited, reason);
  return new ChannelError(ChannelErrorCode.Unknown, reason);
}

export class UnifonicSmsAdapter implements SmsChannelAdapter {
  constructor(
    private readonly credentials: UnifonicCredentials,
    private readonly http: GuardedHttpClient,
  ) {}

  async send(message: OutboundSms): Promise<SendResult> {
    const { appSid, senderId, apiBaseUrl, timeoutMs } = this.credentials;
    // Unifonic wants international digits without 00 or +.
    const form = new URLSearchParams({
      AppSid: appSid,
      SenderID: senderId,
      Recipient: message.to.replace(/^\+/, ''),
      Body: message.text,
      responseType: 'JSON',
      CorrelationID: message.messageId,
    });
    let response: GuardedHttpResponse;
    try {
      response = await this.http.request({
        method: 'POST',
        url: joinApiUrl(apiBaseUrl, '/rest/SMS/messages'),
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        timeoutMs,
      });
    } catch (error) {
      throw classifyNetworkFailure(error);
    }
    const body = response.json<UnifonicSendResponse>();
    if (response.status < 200 || response.status >= 300)
      throw classifyHttpFailure(response.status, `Unifonic answered HTTP ${response.status}`, response.headers['retry-after']);
    if (!body || (body.success !== true && body.success !== 'true')) throw classifyUnifonicRefusal(body ?? { success: false });
    const providerMessageId = body.data?.MessageID;
    return { providerMessageId: providerMessageId === undefined ? undefined : String(providerMessageId), acceptedAt: new Date() };
  }
}
