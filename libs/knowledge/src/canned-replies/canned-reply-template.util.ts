// Canned replies are written once and sent to many beneficiaries, so their variables are a closed set checked when
// the reply is saved, and rendered on the server by this one function: the composer, and automatic messages later,
// fill them the same way.
export const CANNED_REPLY_VARIABLES = ['contact.name', 'conversation.number', 'request.number', 'decision.date', 'officer.name'] as const;
export type CannedReplyVariable = (typeof CANNED_REPLY_VARIABLES)[number];

export interface CannedReplyValues {
  'contact.name'?: string | null;
  'conversation.number'?: number | null;
  'request.number'?: string | number | null;
  'decision.date'?: Date | null;
  'officer.name'?: string | null;
}

export type ReplyLanguage = 'ar' | 'en';

// What a value the conversation does not have yet becomes: a visible blank the officer fills before sending
// (the composer will not send while one is left), never "undefined" or an empty gap that reads as a finished sentence.
export const MISSING_VALUE_PLACEHOLDER = '[____]';

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(CANNED_REPLY_VARIABLES);

// The problems of a reply body, in words an administrator can act on; empty when it may be saved.
export function templateProblems(body: string): string[] {
  const unknown = [...new Set([...body.matchAll(VARIABLE)].map((match) => match[1]).filter((name) => !KNOWN.has(name)))];
  const problems: string[] = [];
  if (unknown.length > 0) {
    problems.push(
      `unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `{{${name}}}`).join(', ')}; ` +
        `known: ${CANNED_REPLY_VARIABLES.map((name) => `{{${name}}}`).join(', ')}`,
    );
  }
  const rest = body.replace(VARIABLE, '');
  if (rest.includes('{{') || rest.includes('}}')) problems.push('has a {{ or }} that is not part of a variable');
  return problems;
}

// A date in both calendars, as Saudi letters write it: Umm al-Qura first in Arabic, Gregorian first in English.
export function formatDecisionDate(date: Date, language: ReplyLanguage, timeZone: string): string {
  const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone } as const;
  if (language === 'ar') {
    const hijri = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura', options).format(date);
    const gregorian = new Intl.DateTimeFormat('ar-SA-u-ca-gregory', options).format(date);
    return `${hijri} الموافق ${gregorian}م`;
  }
  const gregorian = new Intl.DateTimeFormat('en-GB-u-ca-gregory', options).format(date);
  const hijri = new Intl.DateTimeFormat('en-GB-u-ca-islamic-umalqura', options).format(date);
  return `${gregorian} (${hijri})`;
}

function valueText(name: CannedReplyVariable, values: CannedReplyValues, language: ReplyLanguage, timeZone: string): string | undefined {
  const value = values[name];
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : formatDecisionDate(value, language, timeZone);
  // Reference numbers stay in European digits: beneficiaries type them back (search folds either form).
  const text = String(value).trim();
  return text.length > 0 ? text : undefined;
}

export interface RenderedReply {
  text: string;
  // The variables left as blanks, in the order they first appear.
  missing: CannedReplyVariable[];
}

export function renderCannedReply(
  body: string,
  values: CannedReplyValues,
  options: { language: ReplyLanguage; timeZone: string },
): RenderedReply {
  const missing: CannedReplyVariable[] = [];
  const text = body.replace(VARIABLE, (whole, name: string) => {
    if (!KNOWN.has(name)) return whole;
    const variable = name as CannedReplyVariable;
    const filled = valueText(variable, values, options.language, options.timeZone);
    if (filled !== undefined) return filled;
    if (!missing.includes(variable)) missing.push(variable);
    return MISSING_VALUE_PLACEHOLDER;
  });
  return { text, missing };
}
