import { ChannelSettingsForm } from '../channel-settings-form.types';

export const INTERNAL_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'الطلبات الداخلية بين الإدارات', en: 'Internal requests between departments' },
  fields: {
    description: { label: { ar: 'وصف (اختياري)', en: 'Description (optional)' } },
  },
  note: {
    ar: 'يُنشأ هذا الصندوق تلقائياً عند أول طلب داخلي؛ يكتب فيه الموظفون ملاحظات ولا يُرسل منه شيء إلى الخارج.',
    en: 'Created on the first internal request; staff write notes on it and nothing is sent outside.',
  },
};
