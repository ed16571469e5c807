import { joiningFormOf } from './arabic-presentation-form.util';
import { isStrongLeftToRight, isStrongRightToLeft, mirrored } from './text-direction.util';

// Arabic from a PDF's text layer may be in drawing order (left to right, "visual order"): PDF producers that
// draw each line as one string store it reversed, and naive extractors read it so. Two kinds of evidence tell the
// orders apart, whichever the producer left:
// - presentation forms carry their joining position: in reading order a word starts with an initial form and
//   ends with a final one; reversed, it starts with a final form and ends with an initial one;
// - base letters: words start with the article «ال» and end with «ة» or «ى»; reversed, they end with «لا» and
//   start with «ة» or «ى».
export interface OrderEvidence {
  visual: number;
  logical: number;
}

const WORD = /[\p{L}\p{M}]+/gu;
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]/u;
const HARAKAT_AND_TATWEEL = /\u0640|\p{Mn}/gu;

export function orderEvidence(text: string): OrderEvidence {
  const evidence: OrderEvidence = { visual: 0, logical: 0 };
  for (const [word] of text.matchAll(WORD)) {
    if (!ARABIC_LETTER.test(word)) continue;
    const letters = [...word.replace(HARAKAT_AND_TATWEEL, '')];
    if (letters.length < 2) continue;
    const first = joiningFormOf(letters[0]);
    const last = joiningFormOf(letters[letters.length - 1]);
    if (first === 'initial') evidence.logical += 1;
    if (first === 'final') evidence.visual += 1;
    if (last === 'final') evidence.logical += 1;
    if (last === 'initial') evidence.visual += 1;
    const base = letters.join('').normalize('NFKC');
    if (base.startsWith('ال') && base.length > 2) evidence.logical += 1;
    if (base.endsWith('لا') && base.length > 2) evidence.visual += 1;
    if (/[ةى]$/u.test(base)) evidence.logical += 1;
    if (/^[ةى]/u.test(base)) evidence.visual += 1;
  }
  return evidence;
}

export function addEvidence(total: OrderEvidence, more: OrderEvidence): OrderEvidence {
  return { visual: total.visual + more.visual, logical: total.logical + more.logical };
}

// A few stray cues (a word that happens to end in «لا») must not turn a document around: reversing needs clearly
// more evidence for drawing order than for reading order.
export function readsInVisualOrder(evidence: OrderEvidence): boolean {
  return evidence.visual >= 3 && evidence.visual > 2 * evidence.logical;
}

type TokenClass = 'left' | 'digit' | 'right' | 'neutral';

const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/u;
// Separators that stay inside a number when they stand between two digits: 1,000  3.5  11/03/2024  2024-03-11.
// A percent sign is not one of them: right-to-left text draws it on the number's left («%50» for 50%).
const NUMBER_SEPARATOR = /^[.,/:\u066B\u066C-]$/u;

function classOf(token: string): TokenClass {
  let digits = false;
  let left = false;
  for (const character of token) {
    if (isStrongRightToLeft(character)) return 'right';
    if (isStrongLeftToRight(character)) left = true;
    else if (DIGIT.test(character)) digits = true;
  }
  return left ? 'left' : digits ? 'digit' : 'neutral';
}

// Left-to-right runs inside a right-to-left line, as [start, end) ranges of tokens in reading order: Latin words
// with the spaces and punctuation between them (and numbers after them), and numbers (digits with the separators
// between them). Numbers apart from Latin text are runs of their own: «11 / 03 / 2024» reads right to left
// between its numbers, as the bidi algorithm lays it out.
function leftToRightRuns(tokens: string[]): Array<[number, number]> {
  const classes = tokens.map(classOf);
  const runs: Array<[number, number]> = [];
  let index = 0;
  while (index < tokens.length) {
    if (classes[index] === 'left') {
      let end = index + 1;
      let lastMember = index;
      while (end < tokens.length && classes[end] !== 'right') {
        if (classes[end] !== 'neutral') lastMember = end;
        end += 1;
      }
      runs.push([index, lastMember + 1]);
      index = lastMember + 1;
    } else if (classes[index] === 'digit') {
      let end = index + 1;
      while (end < tokens.length) {
        if (classes[end] === 'digit') end += 1;
        else if (NUMBER_SEPARATOR.test(tokens[end]) && classes[end + 1] === 'digit') end += 2;
        else break;
      }
      runs.push([index, end]);
      index = end;
    } else {
      index += 1;
    }
  }
  return runs;
}

const EDGE_PUNCTUATION = /^([^\p{L}\p{N}\s]*)(.*?)([^\p{L}\p{N}\s]*)$/su;

// A left-to-right string drawn inside a right-to-left line carries the punctuation drawn beside it: the full stop
// after «Anat Al-Bayt 2024» at the end of an Arabic sentence is drawn on its left, so the string reads
// «.Anat Al-Bayt 2024». That punctuation belongs to the line, not to the Latin words.
function splitEdgePunctuation(token: string): string[] {
  if (classOf(token) === 'right' || token.length < 2) return [token];
  const [, leading, core, trailing] = EDGE_PUNCTUATION.exec(token) ?? [token, '', token, ''];
  if (!core) return [token];
  return [...leading, core, ...trailing];
}

// A right-to-left line's tokens (characters, or a PDF's glyph strings) from drawing order (left to right) to
// reading order: reversed, with numbers and Latin words put back the right way round and paired punctuation
// swapped. Each token's own text is kept: a PDF's ligature glyph («لا») is already in reading order.
export function readingOrderOfRightToLeftTokens(tokens: string[]): string[] {
  const reversed = tokens.flatMap(splitEdgePunctuation).reverse();
  const inRun = new Array<boolean>(reversed.length).fill(false);
  for (const [start, end] of leftToRightRuns(reversed)) {
    reversed.splice(start, end - start, ...reversed.slice(start, end).reverse());
    for (let index = start; index < end; index += 1) inRun[index] = true;
  }
  return reversed.map((token, index) => (inRun[index] || classOf(token) !== 'neutral' ? token : [...token].map(mirrored).join('')));
}

// pdf.js reverses a right-to-left string the PDF draws in one go (its glyphs are necessarily in drawing order) and
// keeps its numbers and Latin words the right way round, but leaves paired punctuation as drawn: «)2024(».
export function mirrorOutsideLeftToRightRuns(text: string): string {
  const characters = [...text];
  const inRun = new Array<boolean>(characters.length).fill(false);
  for (const [start, end] of leftToRightRuns(characters)) for (let index = start; index < end; index += 1) inRun[index] = true;
  return characters.map((character, index) => (inRun[index] ? character : mirrored(character))).join('');
}

// One right-to-left line stored in drawing order, as a string, into reading order.
export function visualToLogical(line: string): string {
  return readingOrderOfRightToLeftTokens([...line]).join('');
}
