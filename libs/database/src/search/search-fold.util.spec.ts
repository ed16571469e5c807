import { containsPattern, foldForSearch, SEARCH_FOLD_FROM, SEARCH_FOLD_TO } from './search-fold.util';

describe('foldForSearch', () => {
  it.each([
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['آمنة', 'امنه'],
    ['مدرسة', 'مدرسه'],
    ['مستشفى', 'مستشفي'],
    ['مسؤول', 'مسوول'],
    ['هيئة', 'هييه'],
    ['مُحَمَّد', 'محمد'],
    ['جمـــعية', 'جمعيه'],
    ['٠٥٥١٢٣٤٥٦٧', '0551234567'],
    ['Noura AL-Qahtani', 'noura al-qahtani'],
  ])('folds %s to %s', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it('folds a term and the stored text to the same form', () => {
    expect(foldForSearch('طلب مساعدة لأسرة')).toBe(foldForSearch('طلب مساعده لاسره'));
  });

  it('treats null as empty', () => {
    expect(foldForSearch(null)).toBe('');
  });

  it('keeps the translate() contract: every mapped character has a counterpart, the rest are removed', () => {
    expect(SEARCH_FOLD_FROM.length).toBeGreaterThan(SEARCH_FOLD_TO.length);
    expect(new Set(SEARCH_FOLD_FROM).size).toBe(SEARCH_FOLD_FROM.length);
  });
});

describe('containsPattern', () => {
  it('makes LIKE metacharacters in the term literal', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('folds the term', () => {
    expect(containsPattern('أسرة')).toBe('%اسره%');
  });
});
