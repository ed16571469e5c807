import { saudiMobileNumber } from './saudi-mobile.util';

describe(saudiMobileNumber.name, () => {
  it.each([
    ['0551234567', '+966551234567'],
    ['+966551234567', '+966551234567'],
    ['00966551234567', '+966551234567'],
    ['٠٥٥١٢٣٤٥٦٧', '+966551234567'],
  ])('should read %s as %s', (input, expected) => {
    expect(saudiMobileNumber(input)).toBe(expected);
  });

  it.each(['0112345678', '+201001234567', '05512345', 'mobile'])('should refuse %s (a landline, abroad or not a number)', (input) => {
    expect(saudiMobileNumber(input)).toBeUndefined();
  });
});
