import { withWorkingHoursDefaults } from './working-hours-defaults.util';
import { WorkingHoursDto } from './working-hours.dto';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MINUTES_PER_DAY = 24 * 60;

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

// Whether `at` falls in the inbox's working hours, read in the inbox's time zone (not the server's, and with its
// daylight saving). No hours configured means always open. A shift past midnight (22:00–02:00) belongs to the day
// it starts: Thursday's night shift still answers at 01:00 on Friday. `from` equal to `to` is no hours at all.
export function isWithinWorkingHours(configured: WorkingHoursDto | undefined, at: Date): boolean {
  if (!configured) return true;
  const hours = withWorkingHoursDefaults(configured);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: hours.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  const day = WEEKDAYS.indexOf(part('weekday'));
  const minutes = ((Number(part('hour')) % 24) * 60 + Number(part('minute'))) % MINUTES_PER_DAY;
  const opens = minutesOf(hours.from);
  const closes = minutesOf(hours.to);
  if (opens < closes) return hours.days.includes(day) && minutes >= opens && minutes < closes;
  if (opens === closes) return false;
  const yesterday = (day + 6) % 7;
  return (hours.days.includes(day) && minutes >= opens) || (hours.days.includes(yesterday) && minutes < closes);
}
