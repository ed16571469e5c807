import { RequestKind } from './request-kind.enum';

// What Wasl tells the person a record concerns, in Arabic, on their own channel.
export function volunteeringDecisionText(organisationName: string, accepted: boolean, reply: string | undefined): string {
  const decision = accepted
    ? `يسعدنا إبلاغك بقبول طلب التطوع الذي قدّمته لدى ${organisationName}. سيتواصل معك فريق التطوع لترتيب البدء.`
    : `نشكر لك رغبتك في التطوع لدى ${organisationName}، ونعتذر عن عدم قبول طلبك في الوقت الحالي.`;
  return reply ? `${decision}\n${reply}` : decision;
}

export function feedbackActedOnText(organisationName: string, complaint: boolean, reply: string): string {
  const subject = complaint ? 'شكواك' : 'مقترحك';
  return `شكرًا لتواصلك مع ${organisationName}. درسنا ${subject} واتخذنا ما يلزم:\n${reply}`;
}

export function verificationCodeText(organisationName: string, code: string): string {
  return `رمز التحقق من رقمك لدى ${organisationName}: ${code}\nأدخله في الصفحة لنتمكن من إبلاغك بالرد.`;
}

// The first note of the conversation a record opens: the structured data, for whoever works it.
export const KIND_TITLES_AR: Record<RequestKind, string> = {
  [RequestKind.Volunteering]: 'طلب تطوع',
  [RequestKind.Feedback]: 'مقترح أو شكوى',
  [RequestKind.Internal]: 'طلب داخلي',
};
