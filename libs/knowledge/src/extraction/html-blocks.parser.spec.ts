import { blocksOfHtml } from './html-blocks.parser';

describe(blocksOfHtml.name, () => {
  it('should read mammoth’s HTML as headings and paragraphs, each list item and table cell a block, entities decoded', () => {
    const html =
      '<h1>دليل خدمات البحث الاجتماعي</h1><p>يزور <strong>مسؤول البحث الاجتماعي</strong> الأسرة &amp; يكتب تقريره.</p>' +
      '<ul><li>الزيارة المنزلية<ul><li>موعد الزيارة</li></ul></li></ul><table><tr><td><p>الدخل</p></td><td><p>&#1605;&#x62F;</p></td></tr></table>';
    expect(blocksOfHtml(html)).toEqual([
      { kind: 'heading', text: 'دليل خدمات البحث الاجتماعي', page: null },
      { kind: 'paragraph', text: 'يزور مسؤول البحث الاجتماعي الأسرة & يكتب تقريره.', page: null },
      { kind: 'paragraph', text: 'الزيارة المنزلية', page: null },
      { kind: 'paragraph', text: 'موعد الزيارة', page: null },
      { kind: 'paragraph', text: 'الدخل', page: null },
      { kind: 'paragraph', text: 'مد', page: null },
    ]);
  });
});
