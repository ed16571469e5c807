import { blocksOfMarkdown } from './markdown-blocks.parser';

describe(blocksOfMarkdown.name, () => {
  it('should read headings, paragraphs joined across lines, list items and tables, without Markdown marks', () => {
    const markdown = [
      '# دليل سياسة الدعم للمستفيدين',
      '',
      'يُرفع **طلب الدعم** إلى [لجنة البحث](https://example.org/committee)',
      'لدراسته، ويُرد عليه خلال مدة لا تقل عن `14` يوماً.',
      '',
      '## المستندات المطلوبة',
      '- صورة الهوية الوطنية',
      '* سجل الأسرة',
      '1. إثبات الدخل',
      '',
      '| المستند | المدة |',
      '|---|---|',
      '| عقد الإيجار | سنة |',
      '',
      '```',
      'نص كما هو',
      '```',
    ].join('\n');
    expect(blocksOfMarkdown(markdown)).toEqual([
      { kind: 'heading', text: 'دليل سياسة الدعم للمستفيدين', page: null },
      { kind: 'paragraph', text: 'يُرفع طلب الدعم إلى لجنة البحث لدراسته، ويُرد عليه خلال مدة لا تقل عن 14 يوماً.', page: null },
      { kind: 'heading', text: 'المستندات المطلوبة', page: null },
      { kind: 'paragraph', text: '- صورة الهوية الوطنية', page: null },
      { kind: 'paragraph', text: '- سجل الأسرة', page: null },
      { kind: 'paragraph', text: '1. إثبات الدخل', page: null },
      { kind: 'paragraph', text: 'المستند | المدة', page: null },
      { kind: 'paragraph', text: 'عقد الإيجار | سنة', page: null },
      { kind: 'paragraph', text: 'نص كما هو', page: null },
    ]);
  });

  it('should strip tatweel and presentation forms from an article like any extracted text', () => {
    expect(blocksOfMarkdown('## ﺍﻟﻼﺋﺤﺔ ﺍﻷﺳﺎﺳﻴﺔ\nجمـــعية')).toEqual([
      { kind: 'heading', text: 'اللائحة الأساسية', page: null },
      { kind: 'paragraph', text: 'جمعية', page: null },
    ]);
  });
});
