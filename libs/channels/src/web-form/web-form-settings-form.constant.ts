import { ChannelSettingsForm } from '../channel-settings-form.types';

export const WEB_FORM_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'النماذج العامة على موقع الجمعية', en: 'Public forms on the association’s website' },
  fields: {
    description: { label: { ar: 'وصف (اختياري)', en: 'Description (optional)' } },
  },
  note: {
    ar: 'يُنشأ هذا الصندوق تلقائياً عند أول طلب تطوع أو مقترح أو شكوى عبر النماذج العامة.',
    en: 'Created on the first volunteering application, suggestion or complaint sent through the public forms.',
  },
};
