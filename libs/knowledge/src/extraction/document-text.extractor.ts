import { DocumentFormat } from './document-format';
import { ExtractionLimits, runExtractionThread } from './extraction-thread';
import { blocksOfHtml } from './html-blocks.parser';
import { blocksOfMarkdown } from './markdown-blocks.parser';
import { blocksOfPdf } from './pdf-page-layout.util';
import { blocksOfPlainText } from './plain-text-blocks.parser';
import { TextBlock } from './text-block';

export interface ExtractedDocument {
  blocks: TextBlock[];
  pageCount: number | null;
}

// A document's content (an upload's bytes, or an article's Markdown) as headings and paragraphs in reading order.
export async function extractDocumentText(format: DocumentFormat, content: Buffer, limits: ExtractionLimits): Promise<ExtractedDocument> {
  switch (format) {
    case DocumentFormat.Pdf: {
      const read = await runExtractionThread(DocumentFormat.Pdf, content, limits);
      const pages = read.format === DocumentFormat.Pdf ? read.pages : [];
      return { blocks: blocksOfPdf(pages), pageCount: pages.length };
    }
    case DocumentFormat.Docx: {
      const read = await runExtractionThread(DocumentFormat.Docx, content, limits);
      return { blocks: read.format === DocumentFormat.Docx ? blocksOfHtml(read.html) : [], pageCount: null };
    }
    case DocumentFormat.Markdown:
      return { blocks: blocksOfMarkdown(content.toString('utf8')), pageCount: null };
    case DocumentFormat.Text:
      return { blocks: blocksOfPlainText(content.toString('utf8')), pageCount: null };
  }
}
