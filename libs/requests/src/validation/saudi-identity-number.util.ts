import { westernDigits } from './western-digits.util';

export type IdentityNumberProblem = 'format' | 'prefix' | 'checksum';

export type IdentityNumberKind = 'national_id' | 'iqama';

export interface IdentityNumberCheck {
  // The number as stored: ten Latin digits when it could be read, else the trimmed input.
  value: string;
  kind?: IdentityNumberKind;
  problem?: IdentityNumberProblem;
}

// The Ministry of Interior's ten-digit number: the first digit is 1 for Saudi citizens (national ID) and 2 for
// residents (iqama); the tenth is a Luhn check digit over the first nine (digits at odd positions from the left
// are doubled, a two-digit product counts as the sum of its digits, and the total is a multiple of ten).
export function checkSaudiIdentityNumber(input: string): IdentityNumberCheck {
  const value = westernDigits(input).replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(value)) return { value: input.trim(), problem: 'format' };
  const kind: IdentityNumberKind | undefined = value[0] === '1' ? 'national_id' : value[0] === '2' ? 'iqama' : undefined;
  if (!kind) return { value, problem: 'prefix' };
  let sum = 0;
  for (let index = 0; index < 10; index += 1) {
    const digit = Number(value[index]);
    if (index % 2 === 0) {
      const doubled = digit * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else sum += digit;
  }
  return sum % 10 === 0 ? { value, kind } : { value, kind, problem: 'checksum' };
}
