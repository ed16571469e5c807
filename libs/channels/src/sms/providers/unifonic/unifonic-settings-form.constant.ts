import { ChannelSettingsForm } from '../../../channel-settings-form.types';
import { API_BASE_URL_LABELS } from '../../../settings-form-labels.constant';

export const UNIFONIC_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'يونيفونك (Unifonic)', en: 'Unifonic' },
  fields: {
    appSid: { label: { ar: 'AppSid', en: 'AppSid' } },
    senderId: {
      label: { ar: 'اسم المرسل (Sender ID)', en: 'Sender ID' },
      help: { ar: 'اسم مرسل مسجّل، حتى ١١ حرفاً لاتينياً.', en: 'A registered sender name of up to 11 Latin characters.' },
    },
    apiBaseUrl: API_BASE_URL_LABELS,
  },
  webhookLabels: {
    unifonicSms: { ar: 'Unifonic: رابط الرسائل الواردة', en: 'Unifonic: inbound SMS URL' },
    unifonicDeliveryReports: { ar: 'Unifonic: رابط تقارير التسليم', en: 'Unifonic: delivery-report URL' },
  },
};
