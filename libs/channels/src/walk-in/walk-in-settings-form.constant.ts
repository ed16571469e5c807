import { ChannelSettingsForm } from '../channel-settings-form.types';

export const WALK_IN_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'المقابلة', en: 'Walk-in visits' },
  fields: {
    location: {
      label: { ar: 'مكان استقبال المستفيدين (اختياري)', en: 'Where beneficiaries are received (optional)' },
      help: { ar: 'مقر الجمعية أو أحد مكاتبها الفرعية.', en: 'The association’s office or one of its branches.' },
    },
  },
};
