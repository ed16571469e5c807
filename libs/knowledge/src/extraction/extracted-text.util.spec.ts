import { normaliseExtractedText } from './extracted-text.util';

describe(normaliseExtractedText.name, () => {
  it('should fold Arabic presentation forms and the lam-alef ligatures into base letters', () => {
    expect(normaliseExtractedText('ﺍﻟﻼﺋﺤﺔ ﺍﻷﺳﺎﺳﻴﺔ')).toBe('اللائحة الأساسية');
    expect(normaliseExtractedText('ﻻ ﺗﻘﻞ ﻋﻦ ﺃﺳﺒﻮﻋﻴﻦ')).toBe('لا تقل عن أسبوعين');
  });

  it('should strip tatweel, control, zero-width and bidi characters and soft hyphens', () => {
    expect(normaliseExtractedText('جمـــعية\u0000 ال\u200Bبر\u202B\u200F\u00AD\uFEFF')).toBe('جمعية البر');
  });

  it('should collapse spaces within a line, keep line ends and trim each line', () => {
    expect(normaliseExtractedText('  سياسة\u00A0\u00A0تنظيم\t العلاقة  \r\n\r\n  الهدف العام:  ')).toBe(
      'سياسة تنظيم العلاقة\n\nالهدف العام:',
    );
  });

  it('should keep harakat and Arabic-Indic digits (search folds them, quotes keep them)', () => {
    expect(normaliseExtractedText('تُحال خلال ١٤ يوماً')).toBe('تُحال خلال ١٤ يوماً');
  });
});
