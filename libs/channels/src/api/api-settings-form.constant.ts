import { ChannelSettingsForm } from '../channel-settings-form.types';

export const API_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'تطبيق الجمعية (API)', en: 'The association’s app (API)' },
  fields: {
    callbackUrl: {
      label: { ar: 'رابط الاستدعاء (يُرسل إليه وصل ردود الموظفين)', en: 'Callback URL (Wasl posts officers’ replies there)' },
    },
  },
  webhookLabels: { apiMessages: { ar: 'رسائل تطبيق الجمعية', en: 'Association app messages' } },
};
