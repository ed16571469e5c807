import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blocksOfPlainText } from './plain-text-blocks.parser';
import { visualToLogical } from './visual-order.util';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '__fixtures__', name), 'utf8');

describe(blocksOfPlainText.name, () => {
  it('should read a policy as headings (short lines ending with a colon) and paragraphs, one list item each', () => {
    const blocks = blocksOfPlainText(fixture('anat-albayt-housing.txt'));
    const goals = blocks.findIndex((block) => block.kind === 'heading' && block.text === 'الأهداف التفصيلية');
    expect(goals).toBeGreaterThan(0);
    expect(blocks[goals + 1]).toEqual({
      kind: 'paragraph',
      text: '- تقدير حاجة المستفيد وكافة الفئات المستفيدة في الجمعية من خلال تسهيل الإجراءات وحصولهم على كافة الخدمات المطلوبة دون عناء ومشقة',
      page: null,
    });
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(
      expect.arrayContaining(['تمهيد', 'الهدف العام', 'القنوات المستخدمة للتواصل مع المستفيدين']),
    );
  });

  it('should clean a damaged OCR extraction: no runs of spaces or blank-only lines, headings with their colons in drawing order, bullets moved to the front', () => {
    const blocks = blocksOfPlainText(fixture('educational-association-ocr.txt'));
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: 'سياسة تنظيم العلاقة مع المستفيدين', page: null });
    expect(blocks.every((block) => !/\s{2,}|^\s|\s$/u.test(block.text))).toBe(true);
    // «-: تمهيد» and «- : الأهداف التفصي ية» in the file.
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(
      expect.arrayContaining(['تمهيد', 'الهدف العام', 'الأهداف التفصي ية']),
    );
    expect(blocks.find((block) => block.text.includes('ت دير حا ة المستفيد'))?.text).toMatch(/^• ت دير حا ة المستفيد/u);
  });

  it('should turn around a document pasted in drawing order, line by line', () => {
    const drawn = ['الهدف العام:', 'تقديم خدمة متميزة للمستفيدين من كافة الشرائح بإتقان وسرعة وجودة عالية.']
      .map(visualToLogical)
      .join('\n');
    expect(blocksOfPlainText(drawn)).toEqual([
      { kind: 'heading', text: 'الهدف العام', page: null },
      { kind: 'paragraph', text: 'تقديم خدمة متميزة للمستفيدين من كافة الشرائح بإتقان وسرعة وجودة عالية.', page: null },
    ]);
  });
});
