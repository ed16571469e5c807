import { formatDualCalendar, formatDualCalendarLine, formatWaitingDuration } from './date-format.util';
import { DEFAULT_DISPLAY_PREFERENCES, setDisplayPreferences } from './display-preferences';

describe('date formatting', () => {
  afterEach(() => setDisplayPreferences(DEFAULT_DISPLAY_PREFERENCES));

  // 2026-03-19 21:30 UTC is 00:30 on 20 March in Riyadh (UTC+3): the date must follow Riyadh, not UTC.
  const lateEvening = new Date('2026-03-19T21:30:00Z');

  it('should show the Gregorian and Umm al-Qura dates of the Riyadh day in Arabic with Arabic-Indic digits', () => {
    const formatted = formatDualCalendar(lateEvening, 'ar');
    expect(formatted.gregorian).toBe('٢٠ مارس ٢٠٢٦');
    expect(formatted.hijri).toMatch(/^[٠-٩]+ شوال ١٤٤٧ هـ$/);
    expect(formatted.time).toMatch(/١٢:٣٠/);
  });

  it('should show both calendars in English with Latin digits', () => {
    const formatted = formatDualCalendar(lateEvening, 'en');
    expect(formatted.gregorian).toBe('20 March 2026');
    expect(formatted.hijri).toMatch(/^\d+ Shawwal 1447 AH$/);
    expect(formatDualCalendarLine(lateEvening, 'en')).toBe(`${formatted.time} · 20 March 2026 · ${formatted.hijri}`);
  });

  it('should follow another time zone when the organisation has one', () => {
    expect(formatDualCalendar(lateEvening, 'en', 'UTC').gregorian).toBe('19 March 2026');
  });

  it('should use the organisation’s time zone and Latin digits once it chose them', () => {
    setDisplayPreferences({ timeZone: 'UTC', digitStyle: 'latin' });
    const formatted = formatDualCalendar(lateEvening, 'ar');
    expect(formatted.gregorian).toBe('19 مارس 2026');
    expect(formatted.hijri).toMatch(/^\d+ رمضان 1447 هـ$/);
    expect(formatted.time).toMatch(/9:30/);
    expect(formatWaitingDuration('2026-03-20T11:55:00Z', new Date('2026-03-20T12:00:00Z'), 'ar')).toMatch(/^5 د/);
    // English keeps Latin digits whatever the choice.
    setDisplayPreferences({ timeZone: 'Asia/Riyadh', digitStyle: 'arabic-indic' });
    expect(formatDualCalendar(lateEvening, 'en').gregorian).toBe('20 March 2026');
  });

  it('should say how long the beneficiary has waited in the largest whole unit', () => {
    const now = new Date('2026-03-20T12:00:00Z');
    expect(formatWaitingDuration('2026-03-20T11:55:30Z', now, 'en')).toMatch(/^4 min/);
    expect(formatWaitingDuration('2026-03-20T09:00:00Z', now, 'en')).toMatch(/^3 hr/);
    expect(formatWaitingDuration('2026-03-18T11:00:00Z', now, 'en')).toMatch(/^2 day/);
    expect(formatWaitingDuration('2026-03-20T11:55:00Z', now, 'ar')).toMatch(/^٥ د/);
    // A clock a little behind the server's never shows a negative wait.
    expect(formatWaitingDuration('2026-03-20T12:00:05Z', now, 'en')).toMatch(/^0 min/);
  });
});
