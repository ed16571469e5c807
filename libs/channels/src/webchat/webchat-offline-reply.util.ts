import { WebChatSettings } from './webchat-settings.dto';

export type OfflineReason = 'outside_working_hours' | 'no_officer_online';
export type WidgetLocale = 'ar' | 'en';

export const OFFLINE_REASONS: readonly OfflineReason[] = ['outside_working_hours', 'no_officer_online'];

// The automatic answer when no officer is online or the inbox is outside its working hours, in the widget's
// language; an administrator's own offlineMessage is shown as written, whatever the language. One function for the
// gateway, which shows it at once, and the worker, which stores it on the conversation.
export function offlineReplyText(
  inboxName: string,
  settings: Pick<WebChatSettings, 'offlineMessage' | 'workingHours'>,
  reason: OfflineReason,
  locale: WidgetLocale = 'ar',
): string {
  if (settings.offlineMessage) return settings.offlineMessage;
  const hours = settings.workingHours;
  if (locale === 'en') {
    return reason === 'outside_working_hours' && hours
      ? `Thank you for contacting ${inboxName}. We are outside working hours now (${hours.from} to ${hours.to}); a beneficiary relations officer will answer you at the start of the next working period. You can leave your mobile number here so that we can reach you.`
      : `Thank you for contacting ${inboxName}. No beneficiary relations officer is online right now; we will answer you as soon as we can during working hours. You can leave your mobile number here so that we can reach you.`;
  }
  if (reason === 'outside_working_hours' && hours) {
    return `شكرًا لتواصلك مع ${inboxName}. نحن الآن خارج أوقات العمل (من ${hours.from} إلى ${hours.to})، وسيرد عليك موظف علاقات المستفيدين في أول وقت عمل. يمكنك ترك رقم جوالك هنا لنتواصل معك.`;
  }
  return `شكرًا لتواصلك مع ${inboxName}. لا يوجد موظف علاقات مستفيدين متصل الآن، وسنرد عليك في أقرب وقت خلال أوقات العمل. يمكنك ترك رقم جوالك هنا لنتواصل معك.`;
}
