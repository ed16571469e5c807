import { metaMessagingSettingsForm } from '../messenger/messenger-settings-form.constant';

export const INSTAGRAM_SETTINGS_FORM = metaMessagingSettingsForm(
  { ar: 'إنستغرام', en: 'Instagram' },
  { ar: 'معرّف حساب إنستغرام المهني', en: 'Instagram professional account ID' },
  'instagramCallback',
);
