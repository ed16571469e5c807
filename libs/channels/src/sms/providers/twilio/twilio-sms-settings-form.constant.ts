import { ChannelSettingsForm } from '../../../channel-settings-form.types';
import { API_BASE_URL_LABELS, TWILIO_ACCOUNT_SID_LABELS, TWILIO_AUTH_TOKEN_LABELS } from '../../../settings-form-labels.constant';

export const TWILIO_SMS_SETTINGS_FORM: ChannelSettingsForm = {
  title: { ar: 'Twilio', en: 'Twilio' },
  fields: {
    accountSid: TWILIO_ACCOUNT_SID_LABELS,
    authToken: TWILIO_AUTH_TOKEN_LABELS,
    phoneNumber: {
      label: { ar: 'رقم الجوال المرسل', en: 'Sending phone number' },
      help: {
        ar: 'بصيغة دولية مثل +966110000000، أو اتركه واكتب معرّف خدمة المراسلة.',
        en: 'In international form such as +966110000000, or leave it for a Messaging Service.',
      },
    },
    messagingServiceSid: { label: { ar: 'Messaging Service SID (بدلاً من الرقم)', en: 'Messaging Service SID (instead of the number)' } },
    apiBaseUrl: API_BASE_URL_LABELS,
  },
  webhookLabels: { twilioSms: { ar: 'Twilio: Messaging URL للرقم', en: 'Twilio: the number’s Messaging URL' } },
};
