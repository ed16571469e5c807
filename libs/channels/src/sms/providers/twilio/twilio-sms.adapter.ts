import { GuardedHttpClient } from '@app/common';
import { SendResult } from '../../../channel-message.types';
import { OutboundSms, SmsAdapterContext, SmsChannelAdapter } from '../../sms-channel.adapter';
import { createTwilioClient } from './twilio-client.factory';
import { classifyTwilioError } from './twilio-error.classifier';
import { TWILIO_DEFAULT_API_BASE_URL } from './twilio-settings.dto';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  phoneNumber?: string;
  messagingServiceSid?: string;
  apiBaseUrl: string;
  timeoutMs: number;
}

export function twilioCredentialsFrom(context: SmsAdapterContext): TwilioCredentials {
  const { settings, secrets } = context;
  return {
    accountSid: String(settings.accountSid ?? ''),
    authToken: secrets.authToken ?? '',
    phoneNumber: typeof settings.phoneNumber === 'string' ? settings.phoneNumber : undefined,
    messagingServiceSid: typeof settings.messagingServiceSid === 'string' ? settings.messagingServiceSid : undefined,
    apiBaseUrl: typeof settings.apiBaseUrl === 'string' ? settings.apiBaseUrl : TWILIO_DEFAULT_API_BASE_URL,
    timeoutMs: context.timeoutMs,
  };
}

export class TwilioSmsAdapter implements SmsChannelAdapter {
  constructor(
    private readonly credentials: TwilioCredentials,
    private readonly http: GuardedHttpClient,
  ) {}

  async send(message: OutboundSms): Promise<SendResult> {
    const { accountSid, authToken, apiBaseUrl, timeoutMs, phoneNumber, messagingServiceSid } = this.credentials;
    const client = await createTwilioClient(accountSid, authToken, apiBaseUrl, timeoutMs, this.http);
    try {
      const created = await client.messages.create({
        to: message.to,
        // A photo may go alone; Twilio needs a body or a mediaUrl.
        ...(message.text ? { body: message.text } : {}),
        // A Messaging Service picks the sender itself; otherwise the inbox's own number sends.
        ...(messagingServiceSid ? { messagingServiceSid } : { from: phoneNumber }),
        ...(message.statusCallbackUrl ? { statusCallback: message.statusCallbackUrl } : {}),
        // MMS: Twilio fetches each URL (GET and HEAD) and checks its Content-Type before it accepts the message.
        ...(message.mediaUrls?.length ? { mediaUrl: message.mediaUrls } : {}),
      });
      return { providerMessageId: created.sid, acceptedAt: created.dateCreated ?? new Date() };
    } catch (error) {
      throw classifyTwilioError(error);
    }
  }
}
