import { BLANK, hasBlank, insertAt, quoteOf, replyEdit, slashQuery } from './composer-text.util';

describe('composer text tools', () => {
  it('should insert at the cursor, on its own line within other text, and put the cursor after it', () => {
    expect(insertAt('', 0, 0, '«نص»')).toEqual({ text: '«نص»', selectionStart: 4, selectionEnd: 4 });
    expect(insertAt('مرحباً، كما تنص السياسة', 7, 7, '«نص»')).toEqual({
      text: 'مرحباً،\n«نص»\n كما تنص السياسة',
      selectionStart: 12,
      selectionEnd: 12,
    });
    expect(insertAt('أولاً\nثانياً', 6, 12, 'بدل')).toEqual({ text: 'أولاً\nبدل', selectionStart: 9, selectionEnd: 9 });
  });

  it('should read «/shortcut» only as the whole text', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/شكر')).toBe('شكر');
    expect(slashQuery('/شكر ')).toBeNull();
    expect(slashQuery('نص /شكر')).toBeNull();
  });

  it('should select the first blank of a rendered reply', () => {
    const text = `طلبك رقم ${BLANK} بتاريخ ${BLANK}`;
    expect(replyEdit(text)).toEqual({ text, selectionStart: 9, selectionEnd: 9 + BLANK.length });
    expect(replyEdit('شكراً')).toEqual({ text: 'شكراً', selectionStart: 5, selectionEnd: 5 });
    expect(hasBlank(text)).toBe(true);
    expect(hasBlank('شكراً')).toBe(false);
  });

  it('should quote a passage with its document and anchor', () => {
    const passage = { text: 'لا تقل عن أسبوعين', documentTitle: 'دليل سياسة الدعم', heading: 'الرد على الطلب:', page: 'ص ٢' };
    expect(quoteOf(passage, { source: 'المصدر', separator: '، ' })).toBe(
      '«لا تقل عن أسبوعين» — المصدر: دليل سياسة الدعم، الرد على الطلب، ص ٢',
    );
    expect(quoteOf({ ...passage, heading: null, page: null }, { source: 'Source', separator: ', ' })).toBe(
      '«لا تقل عن أسبوعين» — Source: دليل سياسة الدعم',
    );
  });
});
