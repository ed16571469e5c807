import { DocumentFormat } from './document-format';
import { detectDocumentFormat } from './document-format.util';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml')]);
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....photos/one.jpg')]);

describe(detectDocumentFormat.name, () => {
  it.each([
    ['اللائحة.pdf', PDF, DocumentFormat.Pdf],
    ['guide.DOCX', DOCX, DocumentFormat.Docx],
    ['policy.md', Buffer.from('# السياسة\nنص'), DocumentFormat.Markdown],
    ['policy.txt', Buffer.from('سياسة تنظيم العلاقة'), DocumentFormat.Text],
  ])('should accept %s by its content', (name, content, format) => {
    expect(detectDocumentFormat(name, content)).toBe(format);
  });

  it.each([
    ['a PNG named .pdf', 'scan.pdf', PNG],
    ['a PDF named .docx', 'guide.docx', PDF],
    ['a zip without a Word document', 'guide.docx', ZIP],
    ['binary named .txt', 'notes.txt', Buffer.from([0x41, 0x00, 0x42])],
    ['text that is not UTF-8', 'notes.md', Buffer.from([0xd8, 0x41, 0xff])],
    ['an unknown extension', 'sheet.xlsx', DOCX],
  ])('should refuse %s', (_what, name, content) => {
    expect(detectDocumentFormat(name, content)).toBeUndefined();
  });
});
