import { TextBlock } from '../extraction/text-block';

export interface PassageDraft {
  position: number;
  heading: string | null;
  page: number | null;
  text: string;
}

// A passage is what an officer quotes: long enough to carry a rule, short enough to read in the popover and to
// paste into a reply (an SMS of 1,200 Arabic characters is already 18 parts).
export const MAX_PASSAGE_LENGTH = 1_200;
// Short paragraphs under one heading (list items, one-line rules) are read together up to about this length.
const TARGET_PASSAGE_LENGTH = 600;
const MAX_HEADING_LENGTH = 300;
const SENTENCE_END = /(?<=[.!?؟۔])\s+/u;

function pieces(text: string, limit: number, separator: RegExp): string[] {
  const parts = text.split(separator).filter(Boolean);
  const packed: string[] = [];
  for (const part of parts) {
    const last = packed[packed.length - 1];
    if (last !== undefined && last.length + 1 + part.length <= limit) packed[packed.length - 1] = `${last} ${part}`;
    else packed.push(part);
  }
  return packed;
}

// A paragraph longer than a passage is cut at sentence ends, and a sentence longer than that at spaces.
function bounded(text: string): string[] {
  if (text.length <= MAX_PASSAGE_LENGTH) return [text];
  return pieces(text, MAX_PASSAGE_LENGTH, SENTENCE_END).flatMap((sentence) =>
    sentence.length <= MAX_PASSAGE_LENGTH
      ? [sentence]
      : pieces(sentence, MAX_PASSAGE_LENGTH, /\s+/u).flatMap(
          (chunk) => chunk.match(new RegExp(`[\\s\\S]{1,${MAX_PASSAGE_LENGTH}}`, 'gu')) ?? [],
        ),
  );
}

// Headings name the passages under them (the source anchor, with the page for PDFs); they are not passages of
// their own unless nothing follows them.
export function splitIntoPassages(blocks: TextBlock[]): PassageDraft[] {
  const passages: PassageDraft[] = [];
  let heading: string | null = null;
  let headingPage: number | null = null;
  let headingUsed = true;
  let open: PassageDraft | undefined;
  const close = () => {
    if (open) passages.push(open);
    open = undefined;
  };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      close();
      if (!headingUsed && heading) passages.push({ position: 0, heading, page: headingPage, text: heading });
      heading = block.text.slice(0, MAX_HEADING_LENGTH);
      headingPage = block.page;
      headingUsed = false;
      continue;
    }
    headingUsed = true;
    for (const text of bounded(block.text)) {
      const fits = open && open.page === block.page && open.text.length + 1 + text.length <= TARGET_PASSAGE_LENGTH;
      if (open && fits) {
        open.text += `\n${text}`;
      } else {
        close();
        open = { position: 0, heading, page: block.page, text };
      }
    }
  }
  close();
  if (!headingUsed && heading) passages.push({ position: 0, heading, page: headingPage, text: heading });
  return passages.map((passage, position) => ({ ...passage, position }));
}
