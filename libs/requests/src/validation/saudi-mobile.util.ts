import { normalisePhoneNumber } from '@app/contacts';

// A Saudi mobile number: 05xxxxxxxx, 5xxxxxxxx, 9665…, 009665… or +9665…, read through libphonenumber-js as the
// contacts library reads every number, and then a mobile one (+9665 and eight more digits). Landlines (+9661…)
// cannot receive the association's SMS.
export function saudiMobileNumber(input: string): string | undefined {
  const phone = normalisePhoneNumber(input);
  return phone && /^\+9665\d{8}$/.test(phone) ? phone : undefined;
}
