import { ApiErrorCode, ApiException, normaliseText } from '@app/common';

// Twilio's form fields as it documents them, so nothing malformed reaches a query or a stored row. Sids are two
// capital letters and 32 hex digits; any letters and digits up to 64 are accepted, the width of the columns.
const SID = /^[A-Za-z]{2}[0-9A-Za-z]{1,62}$/;
const CONTENT_TYPE = /^[\w.+-]{1,50}\/[\w.+-]{1,50}$/;

export class TwilioPayloadError extends ApiException {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(ApiErrorCode.ValidationFailed, `${field} ${message}`, [{ field, message }]);
  }
}

export const twilioFields = {
  sid(parameters: Record<string, string | undefined>, field: string): string | undefined {
    const value = parameters[field];
    if (value === undefined || value === '') return undefined;
    if (!SID.test(value)) throw new TwilioPayloadError(field, 'must be a Twilio sid');
    return value;
  },

  // From, To, Caller: E.164, a short code, an alphanumeric sender or whatsapp:+E164; one line, 64 characters.
  address(parameters: Record<string, string | undefined>, field: string): string | undefined {
    const value = parameters[field];
    if (value === undefined) return undefined;
    const address = normaliseText(value, { singleLine: true }).trim();
    if (address.length > 64) throw new TwilioPayloadError(field, 'must be at most 64 characters');
    return address || undefined;
  },

  text(parameters: Record<string, string | undefined>, field: string, maxLength: number): string {
    const text = normaliseText(parameters[field] ?? '').trim();
    if (text.length > maxLength) throw new TwilioPayloadError(field, `must be at most ${maxLength} characters`);
    return text;
  },

  integer(parameters: Record<string, string | undefined>, field: string, max: number): number | undefined {
    const value = parameters[field];
    if (value === undefined || value === '') return undefined;
    if (!/^\d{1,9}$/.test(value) || Number(value) > max) throw new TwilioPayloadError(field, `must be a whole number up to ${max}`);
    return Number(value);
  },

  oneOf<T extends string>(parameters: Record<string, string | undefined>, field: string, allowed: readonly T[]): T | undefined {
    const value = parameters[field];
    if (value === undefined || value === '') return undefined;
    const lower = value.toLowerCase() as T;
    if (!allowed.includes(lower)) throw new TwilioPayloadError(field, `must be one of ${allowed.join(', ')}`);
    return lower;
  },

  // Media and recordings are links on Twilio's API; only web addresses are kept (private hosts are checked at intake).
  url(parameters: Record<string, string | undefined>, field: string, maxLength: number): string | undefined {
    const value = parameters[field];
    if (value === undefined || value === '') return undefined;
    if (value.length > maxLength || !/^https?:\/\/[^\s\p{Cc}]+$/iu.test(value)) {
      throw new TwilioPayloadError(field, `must be an http(s) URL of at most ${maxLength} characters`);
    }
    return value;
  },

  contentType(parameters: Record<string, string | undefined>, field: string): string | undefined {
    const value = parameters[field];
    if (value === undefined || value === '') return undefined;
    if (!CONTENT_TYPE.test(value)) throw new TwilioPayloadError(field, 'must be a media type');
    return value.toLowerCase();
  },
};
