import { Logger } from '@nestjs/common';
import { SendResult } from '../../../channel-message.types';
import { OutboundSms, SmsChannelAdapter } from '../../sms-channel.adapter';
import { measureSms } from '../../sms-segment.util';

// Chosen by configuration (provider "log"), never by environment: development and demos run without vendor
// keys, and the outcome is a normal `sent` message. Only ids and sizes are logged, never the text or number.
export class LogSmsAdapter implements SmsChannelAdapter {
  private readonly logger = new Logger(LogSmsAdapter.name);

  async send(message: OutboundSms): Promise<SendResult> {
    const length = measureSms(message.text);
    this.logger.log(`Would send message ${message.messageId}: ${length.segments} part(s), ${length.encoding}`);
    return { providerMessageId: `log-${message.messageId}`, acceptedAt: new Date() };
  }
}
