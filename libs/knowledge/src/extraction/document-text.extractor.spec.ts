import { visualOrderPdf } from '../../../../test/support/visual-order-pdf';
import { DocumentFormat } from './document-format';
import { extractDocumentText } from './document-text.extractor';
import { DocumentUnreadableError } from './extraction-thread';

const LIMITS = { timeoutMilliseconds: 20_000, memoryMegabytes: 256, maxPages: 10 };

describe(extractDocumentText.name, () => {
  it('should read a PDF that stores each Arabic line as one string of presentation forms in drawing order', async () => {
    // Strings as a naive extractor reads them from Chromium's PDF of an Arabic page.
    const pdf = visualOrderPdf([
      { text: 'ﺔﻴﺳﺎﺳﻷا ﺔﺤﺋﻼﻟا', fontSize: 20 },
      { text: '.ﻦﻴﻋﻮﺒﺳأ ﻦﻋ ﻞﻘﺗ ﻻ ةﺪﻣ لﻼﺧ دﺮﻟا ﻢﺘﻳو', fontSize: 12 },
      { text: '(2024) مﺎﻌﻟ ﺔﺤﺋﻼﻟا', fontSize: 12 },
    ]);
    await expect(extractDocumentText(DocumentFormat.Pdf, pdf, LIMITS)).resolves.toEqual({
      pageCount: 1,
      blocks: [
        { kind: 'heading', text: 'اللائحة الأساسية', page: 1 },
        { kind: 'paragraph', text: 'ويتم الرد خلال مدة لا تقل عن أسبوعين.', page: 1 },
        { kind: 'paragraph', text: 'اللائحة لعام (2024)', page: 1 },
      ],
    });
  });

  it('should fail with a reason on a file that is not what it claims to be', async () => {
    await expect(extractDocumentText(DocumentFormat.Pdf, Buffer.from('%PDF-1.4\nnot really'), LIMITS)).rejects.toBeInstanceOf(
      DocumentUnreadableError,
    );
    await expect(extractDocumentText(DocumentFormat.Docx, Buffer.from('PK\u0003\u0004broken zip'), LIMITS)).rejects.toThrow(
      /could not be read/,
    );
  });

  it('should stop a PDF with more pages than allowed', async () => {
    const pdf = visualOrderPdf([{ text: 'ﺔﺤﺋﻼﻟا', fontSize: 12 }]);
    await expect(extractDocumentText(DocumentFormat.Pdf, pdf, { ...LIMITS, maxPages: 0 })).rejects.toThrow(/at most 0 are read/);
  });
});
