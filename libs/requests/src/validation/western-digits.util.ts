const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

// Beneficiaries type numbers in Arabic-Indic (٠١٢…) or Persian (۰۱۲…) digits as often as in Latin ones.
export function westernDigits(value: string): string {
  return value.replace(ARABIC_INDIC_DIGITS, (digit) => String(digit.charCodeAt(0) & 0xf));
}
