import { ChannelSettingsForm } from '../../../channel-settings-form.types';
import {
  API_BASE_URL_LABELS,
  TWILIO_ACCOUNT_SID_LABELS,
  TWILIO_AUTH_TOKEN_LABELS,
  WORKING_HOURS_LABELS,
} from '../../../settings-form-labels.constant';

export const TWILIO_VOICE_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'Twilio', en: 'Twilio' },
  fields: {
    accountSid: TWILIO_ACCOUNT_SID_LABELS,
    authToken: TWILIO_AUTH_TOKEN_LABELS,
    phoneNumber: {
      label: { ar: 'رقم الهاتف الذي يتصل به المستفيدون', en: 'The number beneficiaries call' },
      help: { ar: 'تُرسل منه ردود الموظفين النصية على المكالمات.', en: 'Officers’ text replies on calls go out from it.' },
    },
    forwardTo: { label: { ar: 'تحويل المكالمات إلى (رقم في كل سطر)', en: 'Forward calls to (one number per line)' } },
    greeting: { label: { ar: 'الترحيب الصوتي', en: 'Spoken greeting' }, input: 'long-text' },
    greetingAudioUrl: { label: { ar: 'رابط تسجيل الترحيب (اختياري)', en: 'Recorded greeting URL (optional)' } },
    voicemailPrompt: { label: { ar: 'رسالة البريد الصوتي', en: 'Voicemail prompt' }, input: 'long-text' },
    dialTimeoutSeconds: { label: { ar: 'مدة الرنين قبل البريد الصوتي (ثوانٍ)', en: 'Ringing time before voicemail (seconds)' } },
    workingHours: WORKING_HOURS_LABELS,
    apiBaseUrl: API_BASE_URL_LABELS,
  },
  webhookLabels: {
    twilioVoice: { ar: 'Twilio: Voice URL للرقم', en: 'Twilio: the number’s Voice URL' },
    twilioVoiceStatus: { ar: 'Twilio: Call status callback', en: 'Twilio: call status callback' },
  },
};
