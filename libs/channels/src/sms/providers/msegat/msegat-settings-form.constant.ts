import { ChannelSettingsForm } from '../../../channel-settings-form.types';
import { API_BASE_URL_LABELS } from '../../../settings-form-labels.constant';

export const MSEGAT_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'مسجات (Msegat)', en: 'Msegat' },
  fields: {
    userName: { label: { ar: 'اسم المستخدم في مسجات', en: 'Msegat user name' } },
    apiKey: { label: { ar: 'مفتاح الواجهة (API key)', en: 'API key' } },
    userSender: {
      label: { ar: 'اسم المرسل', en: 'Sender name' },
      help: { ar: 'اسم مرسل مسجّل، حتى ١١ حرفاً لاتينياً.', en: 'A registered sender name of up to 11 Latin characters.' },
    },
    apiBaseUrl: API_BASE_URL_LABELS,
  },
  note: { ar: 'مسجات ترسل فقط: لا تصل عبرها رسائل واردة.', en: 'Msegat only sends: no messages arrive through it.' },
};
