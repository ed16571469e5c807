import { normaliseExtractedText } from './extracted-text.util';
import { TextBlock } from './text-block';

const HEADING = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;
const FENCE = /^\s*(```|~~~)/;
const RULE = /^\s*(?:[-*_]\s*){3,}$/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

// Inline Markdown as the words a reader sees: links and images by their text, emphasis and code marks dropped,
// HTML tags removed.
function plainInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,:;!?،؛؟]|$)/gu, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .replace(/\s*\|\s*/g, ' | ');
}

// Articles and uploaded .md files: headings, paragraphs (lines up to a blank line), each list item and each table
// row a block of its own; fenced code is kept as text.
export function blocksOfMarkdown(markdown: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let inFence = false;
  const push = (kind: TextBlock['kind'], lines: string[]) => {
    const text = normaliseExtractedText(lines.join(' ')).replace(/\n/g, ' ').trim();
    if (text) blocks.push({ kind, text, page: null });
  };
  const flush = () => {
    push('paragraph', paragraph);
    paragraph = [];
  };
  for (const line of normaliseExtractedText(markdown).split('\n')) {
    if (FENCE.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      paragraph.push(line);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      push('heading', [plainInline(heading[1])]);
    } else if (!line.trim() || RULE.test(line) || TABLE_DIVIDER.test(line)) {
      flush();
    } else if (LIST_ITEM.test(line) || line.trim().startsWith('|')) {
      flush();
      paragraph.push(plainInline(line.replace(LIST_ITEM, (marker) => (/\d/.test(marker) ? marker.trim() + ' ' : '- '))));
    } else {
      paragraph.push(plainInline(line));
    }
  }
  flush();
  return blocks;
}
