import { blocksOfPdf, PdfTextItem } from './pdf-page-layout.util';

// Glyph by glyph, left to right, as Chromium's PDFs draw Arabic: each item one glyph (a presentation form, or a
// ligature cluster such as «وا» that is already in reading order) at its x position.
function drawnGlyphs(glyphs: string[], y: number, fontSize = 10.5, startX = 100): PdfTextItem[] {
  let x = startX;
  return glyphs.map((text) => {
    const item = { text, x, y, width: 5 * [...text].length, fontSize, rightToLeft: /[\u0600-\u06FF\uFE70-\uFEFF]/u.test(text) };
    x += item.width;
    return item;
  });
}

function drawnLine(readingOrder: string, y: number, fontSize?: number): PdfTextItem[] {
  // Each letter drawn separately, the line laid out right to left: the drawing order is the reading order reversed.
  return drawnGlyphs([...readingOrder].reverse(), y, fontSize);
}

describe(blocksOfPdf.name, () => {
  it('should put glyphs drawn left to right back in reading order, with ligature clusters kept whole', () => {
    const items = drawnGlyphs(['ام،', 'ﺮ', 'ﺘ', 'ﺣ', 'وا', ' ', 'ﺔ', 'ﻗ', 'ﺎ', 'ﺒ', 'ﻠ', 'ﺑ'], 700);
    expect(blocksOfPdf([{ number: 1, items }])).toEqual([{ kind: 'paragraph', text: 'بلباقة واحترام،', page: 1 }]);
  });

  it('should keep numbers, Latin words and brackets drawn as separate items the right way round', () => {
    const items = drawnGlyphs(
      ['.Anat Al-Bayt', ' ', 'ﻖ', 'ﻓ', 'و', ' ', '(', '1024', ')', ' ', 'ﺐ', 'ﻠ', 'ﻄ', 'ﻟ', 'ا', ' ', 'ﻢ', 'ﻗ', 'ر'],
      700,
    );
    expect(blocksOfPdf([{ number: 1, items }])[0].text).toBe('رقم الطلب (1024) وفق Anat Al-Bayt.');
  });

  it('should add the spaces a PDF leaves out between words', () => {
    const right = drawnGlyphs(['ﺔ', 'ﻴ', 'ﻌ', 'ﻤ', 'ﺟ'], 700, 10, 200);
    const left = drawnGlyphs(['ﺮ', 'ﺒ', 'ﻟ', 'ا'], 700, 10, 170);
    expect(blocksOfPdf([{ number: 1, items: [...right, ...left] }])[0].text).toBe('جمعية البر');
  });

  it('should mirror the brackets of a whole string pdf.js has turned around', () => {
    const items = [{ text: 'اللائحة لعام )2024(', x: 72, y: 700, width: 120, fontSize: 12, rightToLeft: true }];
    expect(blocksOfPdf([{ number: 1, items }])[0].text).toBe('اللائحة لعام (2024)');
  });

  it('should tell headings by their larger type, join wrapped lines and split paragraphs at wider gaps and list items', () => {
    const page = [
      ...drawnLine('المادة الثانية: لجنة البحث', 800, 16),
      ...drawnLine('تحال الطلبات إلى لجنة البحث', 770),
      ...drawnLine('لدراستها والرد عليها.', 758),
      ...drawnLine('يبلغ المستفيد بالقرار', 734),
      ...drawnLine('- المقابلة.', 710),
      ...drawnLine('- الخطابات.', 698),
    ];
    expect(blocksOfPdf([{ number: 3, items: page }])).toEqual([
      { kind: 'heading', text: 'المادة الثانية: لجنة البحث', page: 3 },
      { kind: 'paragraph', text: 'تحال الطلبات إلى لجنة البحث لدراستها والرد عليها.', page: 3 },
      { kind: 'paragraph', text: 'يبلغ المستفيد بالقرار', page: 3 },
      { kind: 'paragraph', text: '- المقابلة.', page: 3 },
      { kind: 'paragraph', text: '- الخطابات.', page: 3 },
    ]);
  });

  it('should leave left-to-right lines in drawing order and start each page anew', () => {
    const english = [{ text: 'Beneficiary support policy', x: 72, y: 700, width: 150, fontSize: 12, rightToLeft: false }];
    const second = drawnLine('الصفحة الثانية', 700);
    expect(
      blocksOfPdf([
        { number: 1, items: english },
        { number: 2, items: second },
      ]),
    ).toEqual([
      { kind: 'paragraph', text: 'Beneficiary support policy', page: 1 },
      { kind: 'paragraph', text: 'الصفحة الثانية', page: 2 },
    ]);
  });
});
