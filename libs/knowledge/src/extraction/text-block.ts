// A document's text as structure: headings and paragraphs in reading order, each with the page it starts on
// (PDFs only). Passages are cut from these.
export interface TextBlock {
  kind: 'heading' | 'paragraph';
  text: string;
  page: number | null;
}
