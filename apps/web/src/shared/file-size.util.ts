import type { UiLanguage } from './date-format.util';

const KILOBYTE = 1024;
const MEGABYTE = 1024 * 1024;

// A file's size as an officer reads it (كيلوبايت, ميجابايت), in the interface's digits.
export function formatFileSize(bytes: number, language: UiLanguage): string {
  const locale = language === 'ar' ? 'ar-SA' : 'en-GB';
  const [value, unit] = bytes >= MEGABYTE ? [bytes / MEGABYTE, 'megabyte'] : [Math.max(1, Math.round(bytes / KILOBYTE)), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
