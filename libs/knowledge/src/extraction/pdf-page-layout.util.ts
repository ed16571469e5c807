import { normaliseExtractedText } from './extracted-text.util';
import { TextBlock } from './text-block';
import { countStrong } from './text-direction.util';
import { mirrorOutsideLeftToRightRuns, readingOrderOfRightToLeftTokens } from './visual-order.util';

// One string a PDF draws, as pdf.js reports it: its text, where its baseline starts (PDF units, y upwards), its
// width and font size, and whether pdf.js turned it from drawing order into reading order (right-to-left text).
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  rightToLeft: boolean;
}

export interface PdfPageText {
  number: number;
  items: PdfTextItem[];
}

interface PdfLine {
  page: number;
  y: number;
  fontSize: number;
  text: string;
}

// A heading is drawn clearly larger than the body text.
const HEADING_SCALE = 1.15;
// A gap between two glyphs wider than this share of the font size is a space the PDF did not store.
const WORD_GAP_SCALE = 0.2;
// Lines further apart than this many times the usual line pitch, or than this many font sizes, start a new
// paragraph.
const PARAGRAPH_GAP_SCALE = 1.35;
const PARAGRAPH_GAP_FONT_SIZES = 1.9;
const LIST_ITEM = /^\s*(?:[•▪◦●■\-–*]|[0-9\u0660-\u0669]{1,3}\s*[.)\-–])\s/u;

function lineText(items: PdfTextItem[]): string {
  // Drawing order, left to right, with the spaces the PDF left out.
  const ordered = [...items].sort((first, second) => first.x - second.x);
  const tokens: string[] = [];
  ordered.forEach((item, index) => {
    const previous = ordered[index - 1];
    if (previous) {
      const gap = item.x - (previous.x + previous.width);
      const spaced = /\s$/u.test(previous.text) || /^\s/u.test(item.text);
      if (!spaced && gap > WORD_GAP_SCALE * Math.max(item.fontSize, previous.fontSize)) tokens.push(' ');
    }
    tokens.push(item.text);
  });
  const { rightToLeft, leftToRight } = countStrong(tokens.join(''));
  return (rightToLeft > leftToRight ? readingOrderOfRightToLeftTokens(tokens) : tokens).join('');
}

// Items on one baseline (within half a font size) form a line; lines run from the top of the page down.
function linesOfPage(page: PdfPageText): PdfLine[] {
  const items = page.items.filter((item) => item.text.length > 0).sort((first, second) => second.y - first.y);
  const groups: PdfTextItem[][] = [];
  for (const item of items) {
    const current = groups[groups.length - 1];
    const tolerance = 0.5 * Math.max(item.fontSize, current?.[0].fontSize ?? 0);
    if (current && Math.abs(current[0].y - item.y) <= tolerance) current.push(item);
    else groups.push([item]);
  }
  return groups
    .map((group) => ({
      page: page.number,
      y: group[0].y,
      fontSize: Math.max(...group.filter((item) => item.text.trim()).map((item) => item.fontSize), 0),
      text: lineText(group),
    }))
    .filter((line) => line.text.trim().length > 0);
}

// The font size most of the document's characters are set in.
function bodyFontSize(lines: PdfLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.fontSize * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  return [...weight.entries()].sort((first, second) => second[1] - first[1])[0]?.[0] ?? 0;
}

function usualPitch(lines: PdfLine[]): number {
  const gaps = lines
    .slice(1)
    .map((line, index) => (line.page === lines[index].page ? lines[index].y - line.y : 0))
    .filter((gap) => gap > 0)
    .sort((first, second) => first - second);
  // The short gaps are those between the wrapped lines of one paragraph; many one-line paragraphs must not make
  // the paragraph gap look usual.
  return gaps[Math.floor(gaps.length / 4)] ?? 0;
}

// A PDF's text layer as headings and paragraphs in reading order. Arabic comes in two shapes, both in drawing
// order as a PDF stores it: a glyph per item (Chromium, and producers that position every glyph), put in order
// here by position; or a line or word per item, which pdf.js has already turned around.
export function blocksOfPdf(pages: PdfPageText[]): TextBlock[] {
  const readable = pages.map((page) => ({
    ...page,
    items: page.items.map((item) =>
      item.rightToLeft && [...item.text].length > 1 ? { ...item, text: mirrorOutsideLeftToRightRuns(item.text) } : item,
    ),
  }));
  const lines = readable.flatMap(linesOfPage);
  const body = bodyFontSize(lines);
  const pitch = usualPitch(lines.filter((line) => Math.abs(line.fontSize - body) < 0.5));
  const blocks: Array<TextBlock & { fontSize: number }> = [];
  let previous: PdfLine | undefined;
  for (const line of lines) {
    const kind = body > 0 && line.fontSize >= body * HEADING_SCALE ? 'heading' : 'paragraph';
    const current = blocks[blocks.length - 1];
    const gap = previous && previous.page === line.page ? previous.y - line.y : Number.POSITIVE_INFINITY;
    const continues =
      current !== undefined &&
      current.kind === kind &&
      current.page === line.page &&
      Math.abs(current.fontSize - line.fontSize) < 0.5 &&
      pitch > 0 &&
      // A heading's lines are as far apart as its larger type needs.
      gap <= Math.min(pitch * (line.fontSize / body) * PARAGRAPH_GAP_SCALE, line.fontSize * PARAGRAPH_GAP_FONT_SIZES) &&
      !LIST_ITEM.test(line.text);
    if (continues) current.text += ` ${line.text}`;
    else blocks.push({ kind, text: line.text, page: line.page, fontSize: line.fontSize });
    previous = line;
  }
  return blocks
    .map(({ kind, text, page }) => ({ kind, text: normaliseExtractedText(text).replace(/\n/g, ' '), page }))
    .filter((block) => block.text.length > 0);
}
