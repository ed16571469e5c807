import { DocumentFormat } from './document-format';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const EXTENSIONS: Record<string, DocumentFormat> = {
  pdf: DocumentFormat.Pdf,
  docx: DocumentFormat.Docx,
  md: DocumentFormat.Markdown,
  markdown: DocumentFormat.Markdown,
  txt: DocumentFormat.Text,
  text: DocumentFormat.Text,
};

const PDF_SIGNATURE = Buffer.from('%PDF-');
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// A Word file is a zip whose parts include word/document.xml; the name is stored in clear in the zip's headers.
const WORD_PART = Buffer.from('word/document.xml');

export function formatOfFileName(fileName: string): DocumentFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension ? EXTENSIONS[extension] : undefined;
}

function isUtf8Text(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

// What the bytes are, whatever the name says: %PDF- within the first kilobyte (the PDF specification allows bytes
// before it), a zip holding word/document.xml, or UTF-8 text without NUL bytes.
export function formatOfContent(content: Buffer): DocumentFormat.Pdf | DocumentFormat.Docx | DocumentFormat.Text | undefined {
  if (content.subarray(0, 1024).includes(PDF_SIGNATURE)) return DocumentFormat.Pdf;
  if (content.subarray(0, 4).equals(ZIP_SIGNATURE)) return content.includes(WORD_PART) ? DocumentFormat.Docx : undefined;
  return isUtf8Text(content) ? DocumentFormat.Text : undefined;
}

// The upload's format when its name and its bytes agree (a Markdown file is text by its bytes); undefined otherwise.
export function detectDocumentFormat(fileName: string, content: Buffer): DocumentFormat | undefined {
  const named = formatOfFileName(fileName);
  const found = formatOfContent(content);
  if (!named || !found) return undefined;
  if (named === DocumentFormat.Markdown) return found === DocumentFormat.Text ? DocumentFormat.Markdown : undefined;
  return named === found ? named : undefined;
}
