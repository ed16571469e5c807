import { ChannelSettingsForm } from '../../../channel-settings-form.types';
import {
  API_BASE_URL_LABELS,
  GRAPH_API_VERSION_LABELS,
  META_APP_SECRET_LABELS,
  META_VERIFY_TOKEN_LABELS,
} from '../../../settings-form-labels.constant';

export const WHATSAPP_CLOUD_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'واجهة واتساب للأعمال (Cloud API)', en: 'WhatsApp Business Cloud API' },
  fields: {
    phoneNumberId: { label: { ar: 'معرّف رقم الهاتف (Phone number ID)', en: 'Phone number ID' } },
    wabaId: { label: { ar: 'معرّف حساب واتساب للأعمال (WABA ID)', en: 'WhatsApp Business account ID' } },
    displayPhoneNumber: { label: { ar: 'الرقم كما يراه المستفيدون (اختياري)', en: 'The number as beneficiaries see it (optional)' } },
    accessToken: { label: { ar: 'رمز الوصول (Access token)', en: 'Access token' } },
    appSecret: META_APP_SECRET_LABELS,
    verifyToken: META_VERIFY_TOKEN_LABELS,
    apiBaseUrl: API_BASE_URL_LABELS,
    graphApiVersion: GRAPH_API_VERSION_LABELS,
    messagesPerSecond: {
      label: { ar: 'أقصى عدد للردود في الثانية (اختياري، ٢٠ افتراضياً)', en: 'Most replies per second (optional, 20 by default)' },
    },
  },
  webhookLabels: {
    whatsAppCloudCallback: {
      ar: 'تطبيق Meta: Callback URL لواتساب (مع رمز التحقق)',
      en: 'Meta app: WhatsApp Callback URL (with the verify token)',
    },
  },
};
