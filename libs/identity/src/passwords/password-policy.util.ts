import { COMMON_PASSWORDS } from './common-passwords.constant';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

// The forms of a password to look up: as typed, and with l33t undone and digits or symbols trimmed from its ends,
// because "Password2024!" is "password" to anyone guessing.
function foldedForms(password: string): string[] {
  const lower = password.toLowerCase().replace(/\s+/g, '');
  const unleet = (value: string) => [...value].map((character) => LEET[character] ?? character).join('');
  const trimmed = (value: string) => value.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return [lower, trimmed(lower), unleet(lower), unleet(trimmed(lower)), trimmed(unleet(lower))].filter((form) => form !== '');
}

// Why a password may not be used, or undefined when it is acceptable. One rule set for the API, the CLI and the
// first administrator, so none of them lets a weak password in.
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (password.trim() === '') return 'must not be only spaces';
  if (new Set(password).size < 4) return 'must use more than three different characters';
  if (foldedForms(password).some((form) => COMMON_PASSWORDS.has(form)))
    return 'is too common; choose one that is not on lists of popular passwords';
  return undefined;
}
