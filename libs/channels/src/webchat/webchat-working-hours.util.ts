import { WorkingHoursDto } from './webchat-settings.dto';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// Computed in the inbox's time zone, not the server's, so a gateway running in UTC answers Riyadh hours.
export function isWithinWorkingHours(hours: Required<WorkingHoursDto>, now: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: hours.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  const day = WEEKDAYS.indexOf(part('weekday'));
  const minutes = Number(part('hour')) * 60 + Number(part('minute'));
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return hours.days.includes(day) && minutes >= toMinutes(hours.from) && minutes < toMinutes(hours.to);
}
