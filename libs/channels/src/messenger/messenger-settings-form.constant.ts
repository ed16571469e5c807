import { ChannelSettingsForm, LocalisedText } from '../channel-settings-form.types';
import {
  API_BASE_URL_LABELS,
  GRAPH_API_VERSION_LABELS,
  META_APP_SECRET_LABELS,
  META_VERIFY_TOKEN_LABELS,
} from '../settings-form-labels.constant';

// Messenger and Instagram share the settings DTO; only the account they name differs.
export function metaMessagingSettingsForm(title: LocalisedText, accountId: LocalisedText, callback: string): ChannelSettingsForm {
  return {
    title,
    fields: {
      accountId: { label: accountId },
      pageAccessToken: { label: { ar: 'رمز وصول الصفحة (Page access token)', en: 'Page access token' } },
      appSecret: META_APP_SECRET_LABELS,
      verifyToken: META_VERIFY_TOKEN_LABELS,
      apiBaseUrl: API_BASE_URL_LABELS,
      graphApiVersion: GRAPH_API_VERSION_LABELS,
    },
    webhookLabels: {
      [callback]: {
        ar: `تطبيق Meta: Callback URL لـ${title.ar} (مع رمز التحقق)`,
        en: `Meta app: ${title.en} Callback URL (with the verify token)`,
      },
    },
  };
}

export const MESSENGER_SETTINGS_FORM = metaMessagingSettingsForm(
  { ar: 'ماسنجر', en: 'Messenger' },
  { ar: 'معرّف صفحة فيسبوك', en: 'Facebook page ID' },
  'messengerCallback',
);
