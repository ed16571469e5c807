import { WorkingHours, WorkingHoursDto } from './working-hours.dto';

// What an administrator left out: Riyadh time, Sunday to Thursday, 08:00 to 16:00.
export function withWorkingHoursDefaults(hours: WorkingHoursDto): WorkingHours {
  return {
    timeZone: hours.timeZone ?? 'Asia/Riyadh',
    days: hours.days ?? [0, 1, 2, 3, 4],
    from: hours.from ?? '08:00',
    to: hours.to ?? '16:00',
  };
}
