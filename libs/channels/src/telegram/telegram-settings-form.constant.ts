import { ChannelSettingsForm } from '../channel-settings-form.types';
import { API_BASE_URL_LABELS } from '../settings-form-labels.constant';

export const TELEGRAM_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'تيليجرام', en: 'Telegram' },
  fields: {
    botToken: {
      label: { ar: 'رمز البوت من BotFather', en: 'Bot token from BotFather' },
      help: {
        ar: 'يسجّل وصل رابط الاستقبال لدى تيليجرام بنفسه بعد الإنشاء.',
        en: 'Wasl registers its webhook with Telegram itself once the inbox exists.',
      },
    },
    apiBaseUrl: API_BASE_URL_LABELS,
  },
};
