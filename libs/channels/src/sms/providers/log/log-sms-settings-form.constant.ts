import { ChannelSettingsForm } from '../../../channel-settings-form.types';

export const LOG_SMS_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'سجلّ فقط (للتطوير)', en: 'Log only (development)' },
  fields: {},
  note: { ar: 'لا يُرسل شيء: تُسجَّل الرسائل في سجلّ الخادم فقط.', en: 'Nothing is sent: messages are only written to the server’s log.' },
};
