import { SettingsFieldLabels } from './channel-settings-form.types';

// Labels several definitions' forms share: the same setting means the same thing on every provider that has it.

export const API_BASE_URL_LABELS: SettingsFieldLabels = {
  label: { ar: 'عنوان واجهة المزوّد (اختياري، للاختبار)', en: 'Provider API address (optional, for testing)' },
  help: { ar: 'اتركه فارغاً لاستخدام واجهة المزوّد الحقيقية.', en: 'Leave it blank to use the provider’s real API.' },
};

export const WORKING_HOURS_LABELS: SettingsFieldLabels = {
  label: { ar: 'تحديد أوقات العمل', en: 'Set working hours' },
};

export const META_APP_SECRET_LABELS: SettingsFieldLabels = {
  label: { ar: 'المفتاح السري لتطبيق Meta (App secret)', en: 'Meta app secret' },
};

export const META_VERIFY_TOKEN_LABELS: SettingsFieldLabels = {
  label: { ar: 'رمز التحقق (Verify token)', en: 'Verify token' },
  help: {
    ar: 'اكتب الرمز نفسه في إعدادات Webhooks في تطبيق Meta مع رابط الاستقبال.',
    en: 'Type the same token in the Meta app’s Webhooks settings, beside the callback URL.',
  },
};

export const GRAPH_API_VERSION_LABELS: SettingsFieldLabels = {
  label: { ar: 'إصدار واجهة Graph (اختياري)', en: 'Graph API version (optional)' },
  help: { ar: 'مثل v23.0.', en: 'Such as v23.0.' },
};

export const TWILIO_ACCOUNT_SID_LABELS: SettingsFieldLabels = { label: { ar: 'Account SID', en: 'Account SID' } };
export const TWILIO_AUTH_TOKEN_LABELS: SettingsFieldLabels = { label: { ar: 'Auth Token', en: 'Auth Token' } };
