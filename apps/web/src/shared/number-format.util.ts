import type { UiLanguage } from './date-format.util';

// Numbers follow the interface language: Arabic-Indic digits in Arabic, Latin digits in English.
export function formatInteger(value: number, language: UiLanguage): string {
  return new Intl.NumberFormat(language === 'ar' ? 'ar-SA' : 'en-GB', { useGrouping: false }).format(value);
}
