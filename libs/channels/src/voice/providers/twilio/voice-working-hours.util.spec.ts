import { isWithinVoiceWorkingHours } from './voice-working-hours.util';

describe(isWithinVoiceWorkingHours.name, () => {
  const sundayToThursday = { days: [0, 1, 2, 3, 4], opensAt: '08:00', closesAt: '16:00' };

  it('should read the hours in Riyadh time (UTC+3)', () => {
    // Sunday 2026-11-22 05:30 UTC is 08:30 in Riyadh.
    expect(isWithinVoiceWorkingHours(sundayToThursday, new Date('2026-11-22T05:30:00Z'))).toBe(true);
    // 04:59 UTC is 07:59 in Riyadh: not open yet.
    expect(isWithinVoiceWorkingHours(sundayToThursday, new Date('2026-11-22T04:59:00Z'))).toBe(false);
    // 13:00 UTC is 16:00 in Riyadh: closed.
    expect(isWithinVoiceWorkingHours(sundayToThursday, new Date('2026-11-22T13:00:00Z'))).toBe(false);
  });

  it('should be closed on Friday and open at all times without configured hours', () => {
    expect(isWithinVoiceWorkingHours(sundayToThursday, new Date('2026-11-27T07:00:00Z'))).toBe(false);
    expect(isWithinVoiceWorkingHours(undefined, new Date('2026-11-27T07:00:00Z'))).toBe(true);
  });

  it('should handle a shift that runs past midnight', () => {
    const night = { days: [0, 1, 2, 3, 4, 5, 6], opensAt: '20:00', closesAt: '02:00' };
    expect(isWithinVoiceWorkingHours(night, new Date('2026-11-22T20:00:00Z'))).toBe(true);
    expect(isWithinVoiceWorkingHours(night, new Date('2026-11-22T09:00:00Z'))).toBe(false);
  });
});
