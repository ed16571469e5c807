// What Wasl tells a beneficiary at each step that concerns them, in Arabic (the policy's aim: kept informed without
// having to ask). Short, because SMS carries 67 Arabic characters a part; variables in {{braces}}.
export enum NoticeTemplate {
  Received = 'received',
  MissingData = 'missing_data',
  UnderResearch = 'under_research',
  AtCommittee = 'at_committee',
  Approved = 'approved',
  Rejected = 'rejected',
  MoreInformation = 'more_information',
  Registered = 'registered',
  ServiceDelivered = 'service_delivered',
  Status = 'status',
}

export const NOTICE_TEMPLATES: Record<NoticeTemplate, string> = {
  [NoticeTemplate.Received]:
    'استلمت {{organisation}} طلبك رقم {{number}} ({{type}}). سنبلغك بكل خطوة، ولمعرفة حالته أرسل رقم الطلب. {{link}}',
  [NoticeTemplate.MissingData]: 'لاستكمال طلبك رقم {{number}} نحتاج منك: {{items}}. يمكنك إرسالها هنا أو إحضارها إلى الجمعية.',
  [NoticeTemplate.UnderResearch]: 'طلبك رقم {{number}} لدى مسؤول البحث الاجتماعي لدراسته، وقد يتواصل معك.',
  [NoticeTemplate.AtCommittee]: 'رُفع طلبك رقم {{number}} إلى لجنة البحث لدراسته، وسيُرد عليك بالقبول أو الرفض في موعد أقصاه {{answerDate}}.',
  [NoticeTemplate.Approved]: 'قررت لجنة البحث قبول طلبك رقم {{number}}: {{service}}{{amount}}. سنتواصل معك لاستكمال التسجيل.',
  [NoticeTemplate.Rejected]: 'نعتذر، قررت لجنة البحث عدم قبول طلبك رقم {{number}}. السبب: {{reason}}',
  [NoticeTemplate.MoreInformation]: 'تحتاج لجنة البحث معلومات إضافية لطلبك رقم {{number}}: {{reason}}',
  [NoticeTemplate.Registered]: 'سُجّلت مستفيداً لدى {{organisation}}، ورقم ملفك {{fileNumber}}.',
  [NoticeTemplate.ServiceDelivered]: 'قُدّمت لك الخدمة: {{service}}{{amount}} بتاريخ {{date}}، ضمن طلبك رقم {{number}}.',
  [NoticeTemplate.Status]: 'طلبك رقم {{number}} ({{type}}): {{state}}.{{detail}}',
};

export type NoticeVariables = Record<string, string>;

// A variable the template names but the caller did not give is a programming error, not an empty gap in a message
// to a beneficiary.
export function renderNotice(template: NoticeTemplate, variables: NoticeVariables): string {
  return NOTICE_TEMPLATES[template]
    .replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
      const value = variables[name];
      if (value === undefined) throw new Error(`Notice ${template} needs {{${name}}}`);
      return value;
    })
    .replace(/\s+$/, '');
}
