import { normaliseEmail, normalisePhoneNumber } from './phone-number.util';

describe(normalisePhoneNumber.name, () => {
  it.each([
    ['0551234567', '+966551234567'],
    ['551234567', '+966551234567'],
    ['966551234567', '+966551234567'],
    ['00966551234567', '+966551234567'],
    ['+966 55 123 4567', '+966551234567'],
    ['+966-55-123-4567', '+966551234567'],
    ['٠٥٥١٢٣٤٥٦٧', '+966551234567'],
    ['۰۵۵۱۲۳۴۵۶۷', '+966551234567'],
    ['+201001234567', '+201001234567'],
  ])('should normalise %s to %s', (input, expected) => {
    expect(normalisePhoneNumber(input)).toBe(expected);
  });

  it.each(['', 'not a number', '12', '+9665512345678901234', undefined, null])('should reject %p', (input) => {
    expect(normalisePhoneNumber(input)).toBeUndefined();
  });
});

describe(normaliseEmail.name, () => {
  it('should lower-case and trim addresses', () => {
    expect(normaliseEmail('  Sara@Example.ORG ')).toBe('sara@example.org');
  });

  it('should reject strings that are not addresses', () => {
    expect(normaliseEmail('sara at example')).toBeUndefined();
  });
});
