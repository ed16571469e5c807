import { ChannelDefinition } from '../../../channel-definition';
import { ChannelKind } from '../../../channel-kind.enum';
import { SMS_SEND_RULES } from '../../sms-send-rules.constant';
import { SmsOutboundAdapter } from '../../sms-outbound.adapter';
import { LogSmsSettingsDto } from './log-sms-settings.dto';
import { LogSmsAdapter } from './log-sms.adapter';
import { LOG_SMS_SETTINGS_FORM } from './log-sms-settings-form.constant';

// Sends nothing: logs the attempt, so Wasl runs and demos without vendor keys. Chosen by configuration, never by
// environment. It receives nothing either, so it asserts no identity.
export const LOG_SMS_CHANNEL: ChannelDefinition<LogSmsSettingsDto> = {
  kind: ChannelKind.Sms,
  provider: 'log',
  title: 'Log (no SMS is sent)',
  settings: LogSmsSettingsDto,
  form: LOG_SMS_SETTINGS_FORM,
  secretFields: [],
  asserts: [],
  webhooks: null,
  outbound: () => new SmsOutboundAdapter(new LogSmsAdapter()),
  sendRules: SMS_SEND_RULES,
  // It only logs text; a file would be lost without anyone knowing.
  attachments: null,
  receiverDeduplicates: false,
  outreach: { mode: 'send', recipient: 'phone' },
};
