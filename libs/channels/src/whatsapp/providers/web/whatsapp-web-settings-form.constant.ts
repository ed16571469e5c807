import { ChannelSettingsForm } from '../../../channel-settings-form.types';

export const WHATSAPP_WEB_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'هاتف مرتبط برمز QR', en: 'A phone paired by QR code' },
  fields: {
    messagesPerMinute: {
      label: { ar: 'أقصى عدد للردود في الدقيقة (اختياري، ١٢ افتراضياً)', en: 'Most replies per minute (optional, 12 by default)' },
    },
  },
  note: {
    ar: 'بعد إنشاء صندوق الوارد يظهر رمز QR لربط هاتف الجمعية.',
    en: 'Once the inbox exists, a QR code pairs the association’s phone.',
  },
};
