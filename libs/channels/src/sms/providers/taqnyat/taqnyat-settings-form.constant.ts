import { ChannelSettingsForm } from '../../../channel-settings-form.types';
import { API_BASE_URL_LABELS } from '../../../settings-form-labels.constant';

export const TAQNYAT_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'تقنيات (Taqnyat)', en: 'Taqnyat' },
  fields: {
    apiToken: { label: { ar: 'رمز الواجهة (API token)', en: 'API token' } },
    sender: {
      label: { ar: 'اسم المرسل', en: 'Sender name' },
      help: { ar: 'اسم مرسل مفعّل، حتى ١١ حرفاً لاتينياً.', en: 'An active sender name of up to 11 Latin characters.' },
    },
    apiBaseUrl: API_BASE_URL_LABELS,
  },
  webhookLabels: { taqnyatSms: { ar: 'تقنيات: رابط تحويل الرسائل الواردة', en: 'Taqnyat: forwarding URL' } },
};
