import { ChannelDefinition } from '../../../channel-definition';
import { ChannelKind } from '../../../channel-kind.enum';
import { SMS_SEND_RULES } from '../../sms-send-rules.constant';
import { smsAdapterContextOf, SmsOutboundAdapter } from '../../sms-outbound.adapter';
import { MSEGAT_DEFAULT_API_BASE_URL, MSEGAT_SECRET_FIELDS, MsegatSmsSettingsDto } from './msegat-settings.dto';
import { MsegatSmsAdapter, msegatCredentialsFrom } from './msegat-sms.adapter';
import { MSEGAT_SETTINGS_FORM } from './msegat-settings-form.constant';

// Msegat (Saudi), send only: neither an inbound webhook nor delivery reports are documented, so it takes no
// webhooks and its messages stop at `sent`; officers reach beneficiaries first (outreach) and replies arrive on
// another channel.
export const MSEGAT_SMS_CHANNEL: ChannelDefinition<MsegatSmsSettingsDto> = {
  kind: ChannelKind.Sms,
  provider: 'msegat',
  title: 'Msegat SMS',
  settings: MsegatSmsSettingsDto,
  form: MSEGAT_SETTINGS_FORM,
  secretFields: MSEGAT_SECRET_FIELDS,
  outboundUrlFields: ['apiBaseUrl'],
  defaultApiBaseUrl: MSEGAT_DEFAULT_API_BASE_URL,
  asserts: [],
  webhooks: null,
  outbound: (context) => new SmsOutboundAdapter(new MsegatSmsAdapter(msegatCredentialsFrom(smsAdapterContextOf(context)), context.http)),
  sendRules: SMS_SEND_RULES,
  // Msegat's send API takes text only.
  attachments: null,
  receiverDeduplicates: false,
  outreach: { mode: 'send', recipient: 'phone' },
};
