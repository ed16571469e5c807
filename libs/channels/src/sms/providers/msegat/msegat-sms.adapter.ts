import { GuardedHttpClient, GuardedHttpResponse } from '@app/common';
import { ChannelError, ChannelErrorCode } from '../../../channel-error';
import { SendResult } from '../../../channel-message.types';
import { classifyHttpFailure, classifyNetworkFailure } from '../../http-failure.classifier';
import { joinApiUrl } from '../../sms-api-base-url.util';
import { OutboundSms, SmsAdapterContext, SmsChannelAdapter } from '../../sms-channel.adapter';
import { MSEGAT_DEFAULT_API_BASE_URL } from './msegat-settings.dto';

export interface MsegatCredentials {
  userName: string;
  apiKey: string;
  userSender: string;
  apiBaseUrl: string;
  timeoutMs: number;
}

interface MsegatSendResponse {
  code?: string | number;
  message?: string;
  id?: string | number;
}

// Msegat answers HTTP 200 with its own code; reference/channels.md §7.3 lists them (from third-party SDKs).
const SUCCESS_CODES = new Set(['1', 'M0000']);
const CODE_ERRORS: Record<string, ChannelErrorCode> = {
  // Login, balance and sender are the administrator's to fix: retrying only burns attempts.
  '1020': ChannelErrorCode.AuthInvalid,
  M0002: ChannelErrorCode.AuthInvalid,
  '1060': ChannelErrorCode.AuthInvalid,
  '1110': ChannelErrorCode.AuthInvalid,
  M0029: ChannelErrorCode.AuthInvalid,
  M0030: ChannelErrorCode.AuthInvalid,
  '1120': ChannelErrorCode.RecipientInvalid,
};

export function msegatCredentialsFrom(context: SmsAdapterContext): MsegatCredentials {
  return {
    userName: String(context.settings.userName ?? ''),
    apiKey: context.secrets.apiKey ?? '',
    userSender: String(context.settings.userSender ?? ''),
    apiBaseUrl: typeof context.settings.apiBaseUrl === 'string' ? context.settings.apiBaseUrl : MSEGAT_DEFAULT_API_BASE_URL,
    timeoutMs: context.timeoutMs,
  };
}

// Msegat documents no delivery-report webhook, so its messages stop at `sent`.
export class MsegatSmsAdapter implements SmsChannelAdapter {
  constructor(
    private readonly credentials: MsegatCredentials,
    private readonly http: GuardedHttpClient,
  ) {}

  async send(message: OutboundSms): Promise<SendResult> {
    const { userName, apiKey, userSender, apiBaseUrl, timeoutMs } = this.credentials;
    let response: GuardedHttpResponse;
    try {
      response = await this.http.request({
        method: 'POST',
        url: joinApiUrl(apiBaseUrl, '/sendsms.php'),
        headers: { 'content-type': 'application/json' },
        // Numbers in international form without the plus; UTF8 for Arabic.
        body: JSON.stringify({
          userName,
          apiKey,
          numbers: message.to.replace(/^\+/, ''),
          userSender,
          msg: message.text,
          msgEncoding: 'UTF8',
        }),
        timeoutMs,
      });
    } catch (error) {
      throw classifyNetworkFailure(error);
    }
    const body = response.json<MsegatSendResponse>();
    const code = body?.code === undefined ? '' : String(body.code);
    const reason = `Msegat answered HTTP ${response.status}${code ? ` code ${code.slice(0, 20)}` : ''}`;
    if (response.status < 200 || response.status >= 300)
      throw classifyHttpFailure(response.status, reason, response.headers['retry-after']);
    if (!SUCCESS_CODES.has(code)) throw new ChannelError(CODE_ERRORS[code] ?? ChannelErrorCode.Unknown, reason);
    return { providerMessageId: body?.id === undefined ? undefined : String(body.id), acceptedAt: new Date() };
  }
}
