import { currentDisplayPreferences, DEFAULT_DISPLAY_PREFERENCES } from './display-preferences';

// Dates in the organisation's time zone (Asia/Riyadh unless it chose another), in both the Gregorian and the Umm
// al-Qura (Hijri) calendars.
export const DEFAULT_TIME_ZONE = DEFAULT_DISPLAY_PREFERENCES.timeZone;

export type UiLanguage = 'ar' | 'en';

// Saudi Arabic with the organisation's digits: Arabic-Indic (as the web chat widget shows them) or Latin. English
// always has Latin digits.
export function localeOf(language: UiLanguage): string {
  if (language !== 'ar') return 'en-GB';
  return currentDisplayPreferences().digitStyle === 'latin' ? 'ar-SA-u-nu-latn' : 'ar-SA-u-nu-arab';
}

function organisationTimeZone(): string {
  return currentDisplayPreferences().timeZone;
}

export interface DualCalendarDate {
  gregorian: string;
  hijri: string;
  time: string;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and a timeline formats every message on
// every render: one formatter per language, time zone and kind, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: UiLanguage, timeZone: string, kind: 'gregory' | 'islamic-umalqura' | 'time'): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${kind}`;
  let cached = formatters.get(key);
  if (!cached) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: 'numeric', minute: '2-digit', timeZone }
        : { day: 'numeric', month: 'long', year: 'numeric', timeZone, calendar: kind };
    cached = new Intl.DateTimeFormat(localeOf(language), options);
    formatters.set(key, cached);
  }
  return cached;
}

export function formatDualCalendar(date: Date | string, language: UiLanguage, timeZone = organisationTimeZone()): DualCalendarDate {
  const value = typeof date === 'string' ? new Date(date) : date;
  return {
    gregorian: formatter(language, timeZone, 'gregory').format(value),
    hijri: formatter(language, timeZone, 'islamic-umalqura').format(value),
    time: formatter(language, timeZone, 'time').format(value),
  };
}

// One line for a message's title attribute and the timeline: "time · Gregorian · Hijri".
export function formatDualCalendarLine(date: Date | string, language: UiLanguage, timeZone = organisationTimeZone()): string {
  const { gregorian, hijri, time } = formatDualCalendar(date, language, timeZone);
  return `${time} · ${gregorian} · ${hijri}`;
}

// How long a beneficiary has waited, in the largest whole unit: "5 min", "3 hr", "2 days".
export function formatWaitingDuration(since: Date | string, now: Date, language: UiLanguage): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 60_000));
  const [amount, unit] =
    minutes < 60 ? [minutes, 'minute'] : minutes < 1440 ? [Math.floor(minutes / 60), 'hour'] : [Math.floor(minutes / 1440), 'day'];
  return new Intl.NumberFormat(localeOf(language), { style: 'unit', unit, unitDisplay: 'short' }).format(amount);
}
