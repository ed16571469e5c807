import { DEFAULT_DISPLAY_PREFERENCES, setDisplayPreferences } from './display-preferences';
import { formatInteger } from './number-format.util';

describe(formatInteger.name, () => {
  afterEach(() => setDisplayPreferences(DEFAULT_DISPLAY_PREFERENCES));

  it('should write conversation numbers in Arabic-Indic digits in Arabic and Latin digits in English, without grouping', () => {
    expect(formatInteger(12045, 'ar')).toBe('١٢٠٤٥');
    expect(formatInteger(12045, 'en')).toBe('12045');
  });

  it('should write Latin digits in Arabic when the organisation chose them', () => {
    setDisplayPreferences({ timeZone: 'Asia/Riyadh', digitStyle: 'latin' });
    expect(formatInteger(12045, 'ar')).toBe('12045');
    expect(formatInteger(12045, 'en')).toBe('12045');
  });
});
