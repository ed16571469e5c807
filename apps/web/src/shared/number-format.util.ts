import { localeOf, UiLanguage } from './date-format.util';

// Numbers follow the interface language and the organisation's digits: Arabic-Indic or Latin in Arabic, Latin in
// English.
export function formatInteger(value: number, language: UiLanguage): string {
  return new Intl.NumberFormat(localeOf(language), { useGrouping: false }).format(value);
}
