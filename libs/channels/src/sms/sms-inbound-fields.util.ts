import { normaliseText } from '@app/common';
import { SmsPayloadError } from './sms-payload.exception';

// Gateways' message ids are numbers or short tokens; the column and the job id take up to 100 printable characters.
const IDENTIFIER = /^[\x21-\x7E]{1,100}$/;
// Unifonic and Taqnyat write numbers in international format without "+" (966500000001); "+" and "00" are tolerated.
const INTERNATIONAL_NUMBER = /^(?:\+|00)?([1-9]\d{6,14})$/;
const PRINTABLE = /^[\x20-\x7E]+$/;

type Fields = Record<string, unknown>;

// A form field posted twice arrives as an array, and a JSON body can nest anything: only one scalar is a field.
function scalar(fields: Fields, field: string): string | number | undefined {
  const value = fields[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
  throw new SmsPayloadError(field, 'must be one text field');
}

// The fields of a Saudi gateway's inbound SMS webhook, typed and length-checked before anything is stored.
export const smsInboundFields = {
  identifier(fields: Fields, field: string): string {
    const value = scalar(fields, field);
    const identifier = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
    if (typeof identifier !== 'string' || !IDENTIFIER.test(identifier)) {
      throw new SmsPayloadError(field, 'must be 1 to 100 printable characters without spaces');
    }
    return identifier;
  },

  // The sender's mobile number as the network delivered it, returned in E.164.
  internationalNumber(fields: Fields, field: string): string {
    const value = scalar(fields, field);
    const match = typeof value === 'string' ? INTERNATIONAL_NUMBER.exec(value.trim()) : undefined;
    if (!match) throw new SmsPayloadError(field, 'must be a phone number in international format');
    return `+${match[1]}`;
  },

  // Wasl's own number or short code, kept only as a check that the field is sane.
  address(fields: Fields, field: string): string | undefined {
    const value = scalar(fields, field);
    if (value === undefined) return undefined;
    const address = normaliseText(String(value), { singleLine: true }).trim();
    if (address.length > 64) throw new SmsPayloadError(field, 'must be at most 64 characters');
    return address || undefined;
  },

  text(fields: Fields, field: string, maxLength: number): string {
    const value = scalar(fields, field);
    const text = normaliseText(value === undefined ? '' : String(value)).trim();
    if (!text) throw new SmsPayloadError(field, 'must not be blank');
    if (text.length > maxLength) throw new SmsPayloadError(field, `must be at most ${maxLength} characters`);
    return text;
  },

  // The gateway's own time, for display only: an unreadable one is dropped, never refused.
  timestamp(fields: Fields, field: string): string | undefined {
    const value = fields[field];
    if (typeof value !== 'string' || value.length > 40 || !PRINTABLE.test(value)) return undefined;
    return Number.isNaN(Date.parse(value)) ? undefined : value;
  },
};
