import { normaliseExtractedText } from './extracted-text.util';
import { TextBlock } from './text-block';
import { countStrong } from './text-direction.util';
import { addEvidence, orderEvidence, OrderEvidence, readsInVisualOrder, visualToLogical } from './visual-order.util';

const LIST_ITEM = /^(?:[•▪◦●■\-–*]|[0-9\u0660-\u0669]{1,3}\s*[.)\-–])\s*/u;
// A bullet at the end of a line: the line's words came out in reading order but its punctuation in drawing order.
const TRAILING_BULLET = /^(.*\S)\s+([•▪◦●■\-–])$/u;
// The policies' own headings: a short line ending with a colon («الهدف العام:», «تمهيد :-»). Lines whose
// punctuation came out in drawing order have it at the start instead («-: تمهيد», «- : الأهداف التفصيلية»).
const HEADING_SHAPE = /^[-–]?\s*:\s*[-–]?\s*\S|\S\s*[-–]?\s*:\s*[-–]?$/u;
const HEADING_MARKS = /^[\s:\-–]+|[\s:\-–]+$/gu;
const MAX_HEADING_LENGTH = 80;

function isHeading(line: string): boolean {
  return line.length <= MAX_HEADING_LENGTH && HEADING_SHAPE.test(line);
}

function withLeadingBullet(line: string): string {
  const trailing = LIST_ITEM.test(line) ? null : TRAILING_BULLET.exec(line);
  return trailing ? `${trailing[2]} ${trailing[1]}` : line;
}

// Plain text: paragraphs end at blank lines; within one, a list item or a heading-shaped line starts a block of its
// own and wrapped lines are joined. Lines copied out of a PDF in drawing order are turned around when the
// document as a whole reads that way.
export function blocksOfPlainText(text: string): TextBlock[] {
  const lines = normaliseExtractedText(text).split('\n');
  const evidence = lines.reduce<OrderEvidence>((total, line) => addEvidence(total, orderEvidence(line)), { visual: 0, logical: 0 });
  const readable = readsInVisualOrder(evidence)
    ? lines.map((line) => (countStrong(line).rightToLeft > 0 ? normaliseExtractedText(visualToLogical(line)) : line))
    : lines;
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const joined = paragraph.join(' ').trim();
    if (joined) blocks.push({ kind: 'paragraph', text: joined, page: null });
    paragraph = [];
  };
  for (const line of readable.map(withLeadingBullet)) {
    if (!line) {
      flush();
    } else if (isHeading(line)) {
      flush();
      const heading = line.replace(HEADING_MARKS, '');
      if (heading) blocks.push({ kind: 'heading', text: heading, page: null });
    } else {
      if (LIST_ITEM.test(line)) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
