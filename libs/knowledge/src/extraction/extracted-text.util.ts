// Text out of PDFs, Word files and pasted articles, made fit to read and to search:
// - NFKC folds Arabic presentation forms (ﻻ ﺔ ﻣ …, what many PDF producers store) into base letters, and
//   full-width and compatibility characters into their plain forms;
// - tatweel (ـ, stretching only), control characters and format characters (zero-width, soft hyphens, bidi
//   controls, byte-order marks) go: in extracted text they are drawing artefacts, not content;
// - spaces are collapsed within a line and line ends are kept, so paragraphs survive.
const REMOVED = /(?![\t\n])\p{Cc}|\p{Cf}|\u0640/gu;
const HORIZONTAL_SPACE = /[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/gu;

export function normaliseExtractedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .normalize('NFKC')
    .replace(REMOVED, '')
    .split('\n')
    .map((line) => line.replace(HORIZONTAL_SPACE, ' ').trim())
    .join('\n');
}
