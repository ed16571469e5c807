import { GuardedHttpClient } from '@app/common';
import { ChannelError, ChannelErrorCode } from '../channel-error';
import { OutboundMessage, SendResult } from '../channel-message.types';
import { OutboundChannelAdapter } from '../outbound-channel.adapter';
import { SmsChannelAdapter } from './sms-channel.adapter';
import { createSmsAdapter, isSmsProvider, SMS_PROVIDERS } from './sms-provider.registry';

// Bridges the outbound worker's channel contract to whichever SMS provider the inbox uses.
export class SmsOutboundAdapter implements OutboundChannelAdapter {
  constructor(
    private readonly provider: SmsChannelAdapter,
    private readonly statusCallbackUrl?: string,
  ) {}

  async send(message: OutboundMessage): Promise<SendResult> {
    const to = message.recipient.phone;
    if (!to || !/^\+[1-9]\d{6,14}$/.test(to)) {
      throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'The contact has no phone number in E.164 form');
    }
    return this.provider.send({ messageId: message.messageId, to, text: message.text, statusCallbackUrl: this.statusCallbackUrl });
  }
}

export interface SmsOutboundOptions {
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  timeoutMs: number;
  http: GuardedHttpClient;
  inboxId: string;
  provider: string | null;
  // The gateway's public base URL, where the provider posts delivery reports.
  publicUrl: string;
}

export function createSmsOutboundAdapter(options: SmsOutboundOptions): SmsOutboundAdapter {
  const provider = createSmsAdapter(options.provider, {
    settings: options.settings,
    secrets: options.secrets,
    timeoutMs: options.timeoutMs,
    http: options.http,
  });
  const perMessageReports = isSmsProvider(options.provider) && SMS_PROVIDERS[options.provider].deliveryReports === 'per-message';
  const statusCallbackUrl = perMessageReports ? `${options.publicUrl}/webhooks/twilio/${options.inboxId}/status` : undefined;
  return new SmsOutboundAdapter(provider, statusCallbackUrl);
}
