import { westernDigits } from '../validation/western-digits.util';

// A message that is nothing but a request number, as a beneficiary sends it to ask for its status: "12", "#12",
// "١٢", "طلب 12", "رقم الطلب 12", "طلبي رقم ١٢". Anything more is a conversation for an officer.
const NUMBER_QUERY = /^(?:#\s*|(?:رقم\s*)?(?:ال)?طلب(?:ي)?\s*(?:رقم\s*)?)?(\d{1,9})$/;

export function requestNumberQuery(text: string): number | undefined {
  const cleaned = westernDigits(text)
    .replace(/[\u200e\u200f\u061c]/g, '')
    .trim()
    .replace(/[.!؟?]+$/, '')
    .trim();
  const match = NUMBER_QUERY.exec(cleaned);
  if (!match) return undefined;
  const number = Number(match[1]);
  return number > 0 ? number : undefined;
}
