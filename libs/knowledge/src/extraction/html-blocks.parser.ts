import { normaliseExtractedText } from './extracted-text.util';
import { TextBlock } from './text-block';

const TAG_OR_TEXT = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|([^<]+)/g;
const HEADING_TAG = /^h[1-6]$/;
const BLOCK_TAGS = new Set(['p', 'li', 'td', 'th', 'blockquote', 'pre', 'div', 'tr', 'table', 'ul', 'ol', 'br']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const codePoint = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(codePoint) && codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

// The HTML mammoth makes of a Word file (h1–h6, p, lists, tables; no scripts or styles) as headings and
// paragraphs. Any block tag ends the text before it, so nested lists and table cells become blocks of their own.
export function blocksOfHtml(html: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let kind: TextBlock['kind'] = 'paragraph';
  let text = '';
  const flush = () => {
    const clean = normaliseExtractedText(text).replace(/\n/g, ' ').trim();
    if (clean) blocks.push({ kind, text: clean, page: null });
    text = '';
    kind = 'paragraph';
  };
  for (const [, closing, tag, content] of html.matchAll(TAG_OR_TEXT)) {
    if (content !== undefined) {
      text += decodeEntities(content);
      continue;
    }
    const name = tag.toLowerCase();
    if (HEADING_TAG.test(name)) {
      flush();
      if (!closing) kind = 'heading';
    } else if (BLOCK_TAGS.has(name)) {
      flush();
    }
  }
  flush();
  return blocks;
}
