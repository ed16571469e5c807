// Associations work on Riyadh's calendar: "today", a date in the past or the future and an expiry are days there.
const RIYADH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh', year: 'numeric', month: '2-digit', day: '2-digit' });

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function riyadhDate(at: Date): string {
  return RIYADH_DAY.format(at);
}

// A calendar day as YYYY-MM-DD, or undefined when it is not one (2026-02-30 is not).
export function readIsoDate(value: string): string | undefined {
  if (!ISO_DATE.test(value)) return undefined;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value ? value : undefined;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round((Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / 86_400_000);
}
