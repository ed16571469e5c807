import { isWithinWorkingHours } from './webchat-working-hours.util';

describe(isWithinWorkingHours.name, () => {
  const hours = { timeZone: 'Asia/Riyadh', days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00' };

  it('should use the inbox time zone, not the server clock', () => {
    // Sunday 2026-11-01 06:30 UTC is 09:30 in Riyadh.
    expect(isWithinWorkingHours(hours, new Date('2026-11-01T06:30:00Z'))).toBe(true);
    // 13:30 UTC is 16:30 in Riyadh: after hours.
    expect(isWithinWorkingHours(hours, new Date('2026-11-01T13:30:00Z'))).toBe(false);
    // 04:59 UTC is 07:59 in Riyadh: before opening.
    expect(isWithinWorkingHours(hours, new Date('2026-11-01T04:59:00Z'))).toBe(false);
  });

  it('should be closed on Friday and Saturday', () => {
    expect(isWithinWorkingHours(hours, new Date('2026-11-06T08:00:00Z'))).toBe(false);
    expect(isWithinWorkingHours(hours, new Date('2026-11-07T08:00:00Z'))).toBe(false);
  });
});
