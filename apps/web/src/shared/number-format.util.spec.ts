import { formatInteger } from './number-format.util';

describe(formatInteger.name, () => {
  it('should write conversation numbers in Arabic-Indic digits in Arabic and Latin digits in English, without grouping', () => {
    expect(formatInteger(12045, 'ar')).toBe('١٢٠٤٥');
    expect(formatInteger(12045, 'en')).toBe('12045');
  });
});
