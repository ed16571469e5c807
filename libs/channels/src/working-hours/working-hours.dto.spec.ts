import { validateInput } from '@app/common';
import { withWorkingHoursDefaults } from './working-hours-defaults.util';
import { WorkingHoursDto } from './working-hours.dto';

const fieldsOf = (input: unknown) => {
  try {
    validateInput(WorkingHoursDto, input);
    return [];
  } catch (error) {
    // One entry per field, however many of its rules failed.
    return [...new Set((error as { fields: Array<{ field: string }> }).fields.map((item) => item.field))].sort();
  }
};

describe(WorkingHoursDto.name, () => {
  it.each([
    ['the whole shape', { timeZone: 'Asia/Riyadh', days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00' }, []],
    ['a zone with daylight saving and a night shift', { timeZone: 'Europe/London', days: [4], from: '22:00', to: '02:00' }, []],
    ['the end of the day', { from: '18:00', to: '24:00' }, []],
    ['nothing (every default)', {}, []],
    ['an unknown time zone', { timeZone: 'Asia/Nowhere' }, ['timeZone']],
    ['a day past Saturday', { days: [0, 7] }, ['days']],
    ['a negative day', { days: [-1] }, ['days']],
    ['days that are not a list', { days: 'sunday' }, ['days']],
    ['an hour past 23 to open', { from: '24:00' }, ['from']],
    ['minutes past 59', { from: '08:60', to: '16:75' }, ['from', 'to']],
    ['past the end of the day', { to: '24:30' }, ['to']],
    ['a time without a leading zero', { from: '8:00' }, ['from']],
  ])('should check %s', (_case, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });
});

describe(withWorkingHoursDefaults.name, () => {
  it('should fill what was left out with Riyadh time, Sunday to Thursday, 08:00 to 16:00', () => {
    expect(withWorkingHoursDefaults({})).toEqual({ timeZone: 'Asia/Riyadh', days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00' });
    expect(withWorkingHoursDefaults({ timeZone: 'Europe/London', days: [5], from: '09:00', to: '17:00' })).toEqual({
      timeZone: 'Europe/London',
      days: [5],
      from: '09:00',
      to: '17:00',
    });
  });
});
