export type IbanProblem = 'format' | 'checksum';

export interface IbanCheck {
  value: string;
  problem?: IbanProblem;
}

// A Saudi IBAN (SWIFT IBAN Registry, ISO 13616): "SA", two check digits, a two-digit bank code and an 18-character
// account number, 24 characters in all. The check: move the first four characters to the end, replace each letter by
// its number (A = 10 … Z = 35) and the remainder of the whole number divided by 97 must be 1.
export function checkSaudiIban(input: string): IbanCheck {
  const value = input.replace(/[\s-]/g, '').toUpperCase();
  if (!/^SA\d{4}[0-9A-Z]{18}$/.test(value)) return { value: input.trim(), problem: 'format' };
  const rearranged = `${value.slice(4)}${value.slice(0, 4)}`;
  let remainder = 0;
  for (const character of rearranged) {
    const digits = /[A-Z]/.test(character) ? String(character.charCodeAt(0) - 55) : character;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1 ? { value } : { value, problem: 'checksum' };
}
