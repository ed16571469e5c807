// What the composer's tools do to the text being written: quote a passage at the cursor, recognise «/shortcut» at
// the start, and find the blanks a canned reply left.

// Must match the server's MISSING_VALUE_PLACEHOLDER (libs/knowledge canned-reply-template.util).
export const BLANK = '[____]';

export interface TextEdit {
  text: string;
  // Where the cursor (or the selection) goes afterwards.
  selectionStart: number;
  selectionEnd: number;
}

// The inserted text on a line of its own when it lands in the middle of other words.
export function insertAt(text: string, start: number, end: number, insertion: string): TextEdit {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const opening = before && !before.endsWith('\n') ? '\n' : '';
  const closing = after && !after.startsWith('\n') ? '\n' : '';
  const next = `${before}${opening}${insertion}${closing}${after}`;
  const cursor = before.length + opening.length + insertion.length;
  return { text: next, selectionStart: cursor, selectionEnd: cursor };
}

// «/شكر» typed as the whole text so far: the query for the canned-reply picker (empty after a lone slash).
export function slashQuery(text: string): string | null {
  const match = /^\/(\S*)$/u.exec(text);
  return match ? match[1] : null;
}

export function hasBlank(text: string): boolean {
  return text.includes(BLANK);
}

// A rendered reply replaces the «/shortcut»; the first blank is selected so typing fills it.
export function replyEdit(rendered: string): TextEdit {
  const blank = rendered.indexOf(BLANK);
  if (blank < 0) return { text: rendered, selectionStart: rendered.length, selectionEnd: rendered.length };
  return { text: rendered, selectionStart: blank, selectionEnd: blank + BLANK.length };
}

export interface QuotedPassage {
  text: string;
  documentTitle: string;
  heading: string | null;
  page: string | null;
}

// «…» — المصدر: <document>، <anchor>: the passage as the policy says it, and where it says it.
export function quoteOf(passage: QuotedPassage, words: { source: string; separator: string }): string {
  const anchor = [headingLabel(passage.heading), passage.page].filter(Boolean).join(words.separator);
  const source = anchor ? `${passage.documentTitle}${words.separator}${anchor}` : passage.documentTitle;
  return `«${passage.text}» — ${words.source}: ${source}`;
}

// A heading as an anchor: without the colon the policies end their headings with («الهدف العام:»).
export function headingLabel(heading: string | null): string | null {
  const label = heading?.replace(/[\s:：\-–]+$/u, '').trim();
  return label ? label : null;
}
