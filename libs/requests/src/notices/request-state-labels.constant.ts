import { RequestState } from '../state/request-state.enum';

// How a request's state is said to its beneficiary (status answers, the status page), in the policy's words.
export const STATE_FOR_BENEFICIARY: Record<RequestState, { ar: string; en: string }> = {
  [RequestState.Draft]: { ar: 'قيد الاستكمال لدى موظف علاقات المستفيدين', en: 'being completed with a beneficiary relations officer' },
  [RequestState.Referred]: { ar: 'محال إلى مسؤول البحث الاجتماعي', en: 'referred to the social research officer' },
  [RequestState.InResearch]: { ar: 'قيد البحث الاجتماعي', en: 'under social research' },
  [RequestState.Researched]: {
    ar: 'اكتمل البحث الاجتماعي، ويُرفع إلى لجنة البحث بعد إقرارك بصحة البيانات',
    en: 'researched; it goes to the committee once you attest your data',
  },
  [RequestState.AtCommittee]: { ar: 'لدى لجنة البحث لدراسته', en: 'with the research committee' },
  [RequestState.InformationRequested]: { ar: 'تحتاج لجنة البحث معلومات إضافية', en: 'the research committee needs more information' },
  [RequestState.Approved]: { ar: 'قُبل الطلب، ويجري استكمال التسجيل', en: 'approved; registration is being completed' },
  [RequestState.Rejected]: { ar: 'لم يُقبل الطلب', en: 'not approved' },
  [RequestState.Registered]: { ar: 'مسجّل مستفيداً، وتُقدَّم الخدمة', en: 'registered; the service is being provided' },
  [RequestState.Closed]: { ar: 'مغلق بعد تقديم الخدمة', en: 'closed after the service was provided' },
};
