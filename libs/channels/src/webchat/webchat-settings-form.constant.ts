import { ChannelKind } from '../channel-kind.enum';
import { ChannelSettingsForm, LocalisedText } from '../channel-settings-form.types';
import { WORKING_HOURS_LABELS } from '../settings-form-labels.constant';

const PRE_CHAT_RULES: Record<string, LocalisedText> = {
  required: { ar: 'مطلوب', en: 'Required' },
  optional: { ar: 'اختياري', en: 'Optional' },
  hidden: { ar: 'لا يُطلب', en: 'Not asked' },
};

export const WEB_CHAT_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'المحادثة المباشرة في الموقع', en: 'Web chat' },
  fields: {
    allowedOrigins: {
      label: { ar: 'المواقع المسموح لها بتضمين المحادثة (موقع في كل سطر)', en: 'Sites allowed to embed the chat (one per line)' },
      help: {
        ar: 'مثل https://example.org — موقع وصل نفسه مسموح دائماً.',
        en: 'Such as https://example.org — Wasl’s own site is always allowed.',
      },
    },
    preChat: { label: { ar: 'بيانات المستفيد قبل بدء المحادثة', en: 'What the beneficiary gives before the chat starts' } },
    'preChat.name': { label: { ar: 'الاسم', en: 'Name' }, options: PRE_CHAT_RULES, initial: 'required' },
    'preChat.phone': { label: { ar: 'رقم الجوال', en: 'Mobile number' }, options: PRE_CHAT_RULES, initial: 'required' },
    'preChat.email': { label: { ar: 'البريد الإلكتروني', en: 'E-mail' }, options: PRE_CHAT_RULES, initial: 'optional' },
    greeting: { label: { ar: 'رسالة الترحيب', en: 'Greeting' } },
    workingHours: WORKING_HOURS_LABELS,
    offlineMessage: { label: { ar: 'رسالة خارج أوقات العمل', en: 'Message outside working hours' } },
    phoneVerification: { label: { ar: 'التحقق من رقم الجوال', en: 'Mobile number verification' } },
    'phoneVerification.smsInboxId': {
      label: { ar: 'التحقق من رقم الجوال برسالة نصية من صندوق', en: 'Verify the mobile number with an SMS from inbox' },
      help: {
        ar: 'يصل الزائر إلى محادثات رقمه السابقة بعد إدخال الرمز المرسل إليه فقط.',
        en: 'A visitor joins their number’s earlier conversations only after typing the code sent to it.',
      },
      references: ChannelKind.Sms,
    },
  },
};
