import { normaliseExtractedText } from './extracted-text.util';
import { mirrorOutsideLeftToRightRuns, orderEvidence, readsInVisualOrder, visualToLogical } from './visual-order.util';

// Lines as a naive extractor reads Chromium's PDF of an Arabic page: presentation forms in drawing order.
const DRAWN = ['ﺔﻴﺳﺎﺳﻷا ﺔﺤﺋﻼﻟا', '.ﻦﻴﻋﻮﺒﺳأ ﻦﻋ ﻞﻘﺗ ﻻ ةﺪﻣ لﻼﺧ دﺮﻟا ﻢﺘﻳو'];

describe('visual-order detection and reversal', () => {
  it('should recognise presentation forms in drawing order and turn them into readable base letters', () => {
    const evidence = DRAWN.map(orderEvidence).reduce((total, more) => ({
      visual: total.visual + more.visual,
      logical: total.logical + more.logical,
    }));
    expect(readsInVisualOrder(evidence)).toBe(true);
    expect(DRAWN.map((line) => normaliseExtractedText(visualToLogical(line)))).toEqual([
      'اللائحة الأساسية',
      'ويتم الرد خلال مدة لا تقل عن أسبوعين.',
    ]);
  });

  it('should recognise base letters in drawing order by the article and the final ta marbuta', () => {
    const drawn = visualToLogical('تحال الطلبات إلى لجنة البحث لدراستها');
    expect(readsInVisualOrder(orderEvidence(drawn))).toBe(true);
    expect(visualToLogical(drawn)).toBe('تحال الطلبات إلى لجنة البحث لدراستها');
  });

  it('should leave text in reading order alone, with or without presentation forms', () => {
    const logical = 'استقبال المستفيد بلباقة واحترام والإجابة على جميع الاستفسارات وإعطاء المراجع الوقت الكافي.';
    expect(readsInVisualOrder(orderEvidence(logical))).toBe(false);
    expect(readsInVisualOrder(orderEvidence('ﺍﻟﻼﺋﺤﺔ ﺍﻷﺳﺎﺳﻴﺔ ﻟﻠﺠﻤﻌﻴﺔ'))).toBe(false);
  });

  it('should not turn a document around on one stray cue', () => {
    expect(readsInVisualOrder(orderEvidence('قال لا، ثم قال مثلا'))).toBe(false);
  });

  it('should keep numbers and Latin words the right way round and swap paired punctuation', () => {
    expect(visualToLogical('م11/03/2024 خيراتب')).toBe('بتاريخ 11/03/2024م');
    expect(visualToLogical('2024 / 03 / 11 :خيراتب')).toBe('بتاريخ: 11 / 03 / 2024');
    expect(visualToLogical('(1000734200) مقر صيخرتب')).toBe('بترخيص رقم (1000734200)');
    expect(visualToLogical('ةيعمج Anat Al-Bayt')).toBe('Anat Al-Bayt جمعية');
    expect(visualToLogical('«ةيعمج»')).toBe('«جمعية»');
  });

  it('should swap the paired punctuation pdf.js leaves as drawn, but not inside Latin text', () => {
    expect(mirrorOutsideLeftToRightRuns('اللائحة لعام )2024(')).toBe('اللائحة لعام (2024)');
    expect(mirrorOutsideLeftToRightRuns('الدالة f(x)y هنا')).toBe('الدالة f(x)y هنا');
  });
});
