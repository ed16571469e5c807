import type { UiLanguage } from '../shared/date-format.util';

// A bilingual label from an administrator's configuration, in the interface's language.
export function labelOf(item: { labelAr: string; labelEn: string }, language: UiLanguage): string {
  return language === 'ar' ? item.labelAr : item.labelEn;
}

export function typeNameOf(item: { typeNameAr: string; typeNameEn: string }, language: UiLanguage): string {
  return language === 'ar' ? item.typeNameAr : item.typeNameEn;
}

// A Riyadh day (YYYY-MM-DD) read as the instant of its noon there, for the two-calendar formatter.
export function dayInstant(isoDate: string): string {
  return `${isoDate}T09:00:00Z`;
}
