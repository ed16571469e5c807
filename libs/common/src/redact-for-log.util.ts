// Fields whose values never reach a log line: credentials, tokens and sealed secrets, and beneficiaries' and staff's
// personal data (message texts, numbers, addresses). Compared lower-cased, without '_' or '-'.
const REDACTED_FIELDS = new Set([
  'password',
  'passwordhash',
  'newpassword',
  'currentpassword',
  'secret',
  'secrets',
  'sealedsecrets',
  'signingsecret',
  'authtoken',
  'accesstoken',
  'visitortoken',
  'token',
  'apikey',
  'appsid',
  'authorization',
  'cookie',
  'identifierhash',
  'code',
  'digest',
  'text',
  'body',
  'payload',
  'phone',
  'claimedphone',
  'email',
  'claimedemail',
  'adminemail',
  'from',
  'to',
  'name',
  'parameters',
  'detail',
]);

export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

function isRedactedField(key: string): boolean {
  return REDACTED_FIELDS.has(key.toLowerCase().replace(/[_-]/g, ''));
}

// A copy of `value` fit for a log line: the values of known secret and personal fields are replaced, at any depth.
export function redactForLog(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, depth + 1));
  if (value instanceof Date || value instanceof Error) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = isRedactedField(key) ? REDACTED : redactForLog(item, depth + 1);
  return copy;
}
