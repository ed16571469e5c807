import { isWithinWorkingHours } from './working-hours.util';

describe(isWithinWorkingHours.name, () => {
  const riyadhOffice = { timeZone: 'Asia/Riyadh', days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00' };
  const everyDay = [0, 1, 2, 3, 4, 5, 6];
  // Thursday night, 22:00 to 02:00 Riyadh time.
  const thursdayNight = { timeZone: 'Asia/Riyadh', days: [4], from: '22:00', to: '02:00' };
  // London keeps GMT in winter and BST (UTC+1) in summer.
  const londonOffice = { timeZone: 'Europe/London', days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' };

  it.each([
    // The inbox's time zone, not the server's clock (Riyadh is UTC+3 all year, without daylight saving).
    ['Sunday 09:30 in Riyadh (06:30 UTC)', riyadhOffice, '2026-11-01T06:30:00Z', true],
    ['Sunday 16:30 in Riyadh, after hours', riyadhOffice, '2026-11-01T13:30:00Z', false],
    ['Sunday 07:59 in Riyadh, before opening', riyadhOffice, '2026-11-01T04:59:00Z', false],
    ['Sunday 08:30 in Riyadh in summer, no daylight saving', riyadhOffice, '2026-07-05T05:30:00Z', true],
    ['Sunday 08:30 in Riyadh (05:30 UTC)', riyadhOffice, '2026-11-22T05:30:00Z', true],
    ['Sunday 07:59 in Riyadh (04:59 UTC)', riyadhOffice, '2026-11-22T04:59:00Z', false],
    ['Sunday 16:00 in Riyadh, the closing minute', riyadhOffice, '2026-11-22T13:00:00Z', false],
    ['Friday', riyadhOffice, '2026-11-06T08:00:00Z', false],
    ['Friday at 10:00', riyadhOffice, '2026-11-27T07:00:00Z', false],
    ['Saturday', riyadhOffice, '2026-11-07T08:00:00Z', false],
    ['a week with no working day', { ...riyadhOffice, days: [] }, '2026-11-01T06:30:00Z', false],
    // Across midnight.
    ['Thursday 22:00', thursdayNight, '2026-11-26T19:00:00Z', true],
    ['Thursday 23:59', thursdayNight, '2026-11-26T20:59:00Z', true],
    ['Friday 01:00, still Thursday’s shift', thursdayNight, '2026-11-26T22:00:00Z', true],
    ['Friday 02:00, the shift is over', thursdayNight, '2026-11-26T23:00:00Z', false],
    ['Thursday 01:00, Wednesday had no shift', thursdayNight, '2026-11-25T22:00:00Z', false],
    ['Friday 22:00, no shift on Friday', thursdayNight, '2026-11-27T19:00:00Z', false],
    ['Thursday 21:59', thursdayNight, '2026-11-26T18:59:00Z', false],
    ['every night at 23:00 (20:00 to 02:00)', { ...thursdayNight, days: everyDay, from: '20:00' }, '2026-11-22T20:00:00Z', true],
    ['every day at noon (20:00 to 02:00)', { ...thursdayNight, days: everyDay, from: '20:00' }, '2026-11-22T09:00:00Z', false],
    // To the end of the day.
    ['23:30 until 24:00', { ...riyadhOffice, days: everyDay, from: '18:00', to: '24:00' }, '2026-11-22T20:30:00Z', true],
    ['00:30 until 24:00', { ...riyadhOffice, days: everyDay, from: '18:00', to: '24:00' }, '2026-11-22T21:30:00Z', false],
    ['from equal to to', { ...riyadhOffice, from: '08:00', to: '08:00' }, '2026-11-01T06:30:00Z', false],
    // A zone with daylight saving: the same UTC instant is in hours in summer and not in winter.
    ['Monday 09:30 in London in summer (08:30 UTC, BST)', londonOffice, '2026-07-06T08:30:00Z', true],
    ['Monday 08:30 in London in winter (08:30 UTC, GMT)', londonOffice, '2026-01-05T08:30:00Z', false],
    ['Monday 17:30 in London in summer (16:30 UTC)', londonOffice, '2026-07-06T16:30:00Z', false],
    ['Monday 16:30 in London in winter (16:30 UTC)', londonOffice, '2026-01-05T16:30:00Z', true],
    // The night the clocks go forward (2026-03-29): 01:30 UTC is 02:30 BST, 02:30 UTC is 03:30 BST.
    ['02:30 in London as the clocks go forward', { ...londonOffice, days: [0], from: '00:00', to: '03:00' }, '2026-03-29T01:30:00Z', true],
    ['03:30 in London as the clocks go forward', { ...londonOffice, days: [0], from: '00:00', to: '03:00' }, '2026-03-29T02:30:00Z', false],
  ])('should answer %s with %s', (_case, hours, at, expected) => {
    expect(isWithinWorkingHours(hours, new Date(at))).toBe(expected);
  });

  it('should complete what was left out with Riyadh time and the Saudi week', () => {
    // Sunday 09:00 Riyadh (06:00 UTC) is in the default 08:00–16:00; Friday is not a working day.
    expect(isWithinWorkingHours({}, new Date('2026-11-01T06:00:00Z'))).toBe(true);
    expect(isWithinWorkingHours({ from: '10:00' }, new Date('2026-11-01T06:00:00Z'))).toBe(false);
    expect(isWithinWorkingHours({}, new Date('2026-11-06T06:00:00Z'))).toBe(false);
  });

  it('should be open at all times without configured hours', () => {
    expect(isWithinWorkingHours(undefined, new Date('2026-11-27T07:00:00Z'))).toBe(true);
  });
});
