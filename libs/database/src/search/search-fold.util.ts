// Search that forgives how Arabic is typed: hamza forms of alef, alef maqsura, ta marbuta, harakat and tatweel,
// and Arabic-Indic digits. "احمد" finds "أحمد", "مدرسه" finds "مدرسة". The same fold runs in three places,
// all built from this one table: foldForSearch (the search term, in JS), the SQLite function registered on
// every connection, and the PostgreSQL function wasl_search_fold (migration AddArabicSearch). The database
// function fills messages.search_text on insert and backs the trigram index on contact names. Changing the
// table needs a migration that redefines the function, rebuilds that index and recomputes search_text
// (a stored generated column keeps the value it was written with).

// Each character of FOLD_FROM becomes the character at the same position of FOLD_TO; the rest of FOLD_FROM
// (harakat, superscript alef, tatweel) is removed. This is PostgreSQL's translate() contract.
const FOLD_PAIRS: Array<[string, string]> = [
  ['أإآٱ', 'اااا'],
  ['ى', 'ي'],
  ['ة', 'ه'],
  ['ؤ', 'و'],
  ['ئ', 'ي'],
  ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
  ['۰۱۲۳۴۵۶۷۸۹', '0123456789'],
];
const REMOVED = '\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640';

export const SEARCH_FOLD_FROM = FOLD_PAIRS.map(([from]) => from).join('') + REMOVED;
export const SEARCH_FOLD_TO = FOLD_PAIRS.map(([, to]) => to).join('');
export const SEARCH_FOLD_FUNCTION = 'wasl_search_fold';

const FOLD = new Map<string, string>([...SEARCH_FOLD_FROM].map((character, index) => [character, SEARCH_FOLD_TO[index] ?? '']));

export function foldForSearch(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  let folded = '';
  for (const character of value.toLowerCase()) folded += FOLD.get(character) ?? character;
  return folded;
}

// A LIKE pattern matching values that contain the folded term; % _ and \ in the term are literal
// (use with ESCAPE '\').
export function containsPattern(term: string): string {
  return `%${foldForSearch(term).replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

// `wasl_search_fold(<expression>) LIKE :<parameter> ESCAPE '\'`: the expression the PostgreSQL trigram index on
// contact names is built on, so the planner can use it.
export function foldedContains(expression: string, parameter: string): string {
  return `${SEARCH_FOLD_FUNCTION}(${expression}) LIKE :${parameter} ESCAPE '\\'`;
}
