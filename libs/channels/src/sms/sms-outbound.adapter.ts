import { ChannelError, ChannelErrorCode } from '../channel-error';
import { OutboundContext } from '../channel-definition';
import { OutboundMessage, SendResult } from '../channel-message.types';
import { OutboundChannelAdapter } from '../outbound-channel.adapter';
import { SmsAdapterContext, SmsChannelAdapter } from './sms-channel.adapter';

const E164 = /^\+[1-9]\d{6,14}$/;

// Bridges the outbound worker's channel contract to an SMS provider's adapter: the recipient is the contact's
// number, and a provider that takes a per-message report URL gets one.
export class SmsOutboundAdapter implements OutboundChannelAdapter {
  constructor(
    readonly provider: SmsChannelAdapter,
    private readonly statusCallbackUrl?: string,
    // Given by definitions whose provider sends MMS; without it a reply with files is refused, never sent without them.
    private readonly attachmentLink?: OutboundContext['attachmentLink'],
  ) {}

  async send(message: OutboundMessage): Promise<SendResult> {
    const to = message.recipient.phone;
    if (!to || !E164.test(to)) throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'The contact has no phone number in E.164 form');
    const attachments = message.attachments ?? [];
    if (attachments.length > 0 && !this.attachmentLink) {
      throw new ChannelError(ChannelErrorCode.AuthInvalid, 'This SMS provider cannot send files');
    }
    const mediaUrls = attachments.map((attachment) => this.attachmentLink!(attachment, 'provider').url);
    return this.provider.send({
      messageId: message.messageId,
      to,
      text: message.text,
      statusCallbackUrl: this.statusCallbackUrl,
      ...(mediaUrls.length > 0 ? { mediaUrls } : {}),
    });
  }
}

export function smsAdapterContextOf(context: OutboundContext): SmsAdapterContext {
  return { settings: context.inbox.settings, secrets: context.inbox.secrets, timeoutMs: context.timeoutMs, http: context.http };
}
