import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

function westernDigits(value: string): string {
  return value.replace(ARABIC_INDIC_DIGITS, (digit) => String(digit.charCodeAt(0) & 0xf));
}

// Saudi numbers arrive as 05XXXXXXXX, 5XXXXXXXX, 9665XXXXXXXX, 009665…, +966 5X… or in Arabic-Indic digits;
// all become +9665XXXXXXXX so one person writing from SMS and later WhatsApp is one contact.
export function normalisePhoneNumber(input: string | undefined | null): string | undefined {
  if (!input) return undefined;
  let value = westernDigits(input).replace(/[\s\-().\u200e\u200f]/g, '');
  if (value.startsWith('00')) value = `+${value.slice(2)}`;
  else if (/^966\d{9}$/.test(value)) value = `+${value}`;
  if (!/^\+?\d{6,16}$/.test(value)) return undefined;
  const parsed = parsePhoneNumberFromString(value, 'SA');
  if (!parsed || !parsed.isPossible()) return undefined;
  return parsed.number;
}

export function normaliseEmail(input: string | undefined | null): string | undefined {
  const value = input?.trim().toLowerCase();
  return value && /^[^\s@]+@[^\s@]+$/.test(value) ? value : undefined;
}
