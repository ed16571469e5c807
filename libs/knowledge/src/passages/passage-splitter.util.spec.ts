import { TextBlock } from '../extraction/text-block';
import { MAX_PASSAGE_LENGTH, splitIntoPassages } from './passage-splitter.util';

const heading = (text: string, page: number | null = null): TextBlock => ({ kind: 'heading', text, page });
const paragraph = (text: string, page: number | null = null): TextBlock => ({ kind: 'paragraph', text, page });

describe(splitIntoPassages.name, () => {
  it('should name each passage by the heading above it and its page, and read short list items together', () => {
    const passages = splitIntoPassages([
      paragraph('سياسة تنظيم العلاقة مع المستفيدين', 1),
      heading('القنوات المستخدمة للتواصل مع المستفيدين', 2),
      paragraph('- المقابلة.', 2),
      paragraph('- الاتصالات الهاتفية.', 2),
      paragraph('- الخطابات.', 3),
    ]);
    expect(passages).toEqual([
      { position: 0, heading: null, page: 1, text: 'سياسة تنظيم العلاقة مع المستفيدين' },
      { position: 1, heading: 'القنوات المستخدمة للتواصل مع المستفيدين', page: 2, text: '- المقابلة.\n- الاتصالات الهاتفية.' },
      { position: 2, heading: 'القنوات المستخدمة للتواصل مع المستفيدين', page: 3, text: '- الخطابات.' },
    ]);
  });

  it('should cut a long paragraph at sentence ends into bounded passages, and a long sentence at spaces', () => {
    const sentence = 'يلتزم موظف علاقات المستفيدين باستقبال المستفيد بلباقة واحترام والإجابة على جميع استفساراته.';
    const long = Array.from({ length: 40 }, () => sentence).join(' ');
    const words = Array.from({ length: 400 }, () => 'كلمة').join(' ');
    const passages = splitIntoPassages([heading('الاستقبال'), paragraph(long), paragraph(words)]);
    expect(passages.length).toBeGreaterThan(3);
    expect(passages.every((passage) => passage.text.length <= MAX_PASSAGE_LENGTH)).toBe(true);
    expect(passages.every((passage) => passage.heading === 'الاستقبال')).toBe(true);
    expect(passages[0].text.endsWith('استفساراته.')).toBe(true);
    expect(
      passages
        .map((passage) => passage.text)
        .join(' ')
        .replace(/\n/g, ' '),
    ).toBe(`${long} ${words}`);
  });

  it('should keep a heading with nothing under it as a passage of its own', () => {
    expect(splitIntoPassages([heading('اعتماد مجلس الإدارة', 4)])).toEqual([
      { position: 0, heading: 'اعتماد مجلس الإدارة', page: 4, text: 'اعتماد مجلس الإدارة' },
    ]);
  });
});
