import { measureSms } from './sms-segment.util';

describe(measureSms.name, () => {
  it('should fit 160 GSM-7 characters in one message and split the 161st into parts of 153', () => {
    expect(measureSms('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1, remainingInLastSegment: 0 });
    expect(measureSms('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', segments: 2, unitsPerSegment: 153 });
    expect(measureSms('a'.repeat(306)).segments).toBe(2);
    expect(measureSms('a'.repeat(307)).segments).toBe(3);
  });

  it('should count GSM-7 extension characters as two septets', () => {
    expect(measureSms('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(measureSms(`${'a'.repeat(159)}{`)).toMatchObject({ units: 161, segments: 2 });
  });

  it('should never split an escape pair between two parts', () => {
    // 152 plain septets then an extension character: the pair moves whole to part two.
    const measured = measureSms(`${'a'.repeat(152)}[${'b'.repeat(10)}`);
    expect(measured.segments).toBe(2);
    expect(measured.remainingInLastSegment).toBe(153 - 12);
  });

  it('should switch to UCS-2 for Arabic: 70 in one message, 67 per part', () => {
    expect(measureSms('س'.repeat(70))).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(measureSms('س'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2, unitsPerSegment: 67 });
    expect(measureSms('س'.repeat(134)).segments).toBe(2);
    expect(measureSms('س'.repeat(135)).segments).toBe(3);
  });

  it('should switch the whole message to UCS-2 for one non-GSM character', () => {
    expect(measureSms(`${'a'.repeat(100)}ع`)).toMatchObject({ encoding: 'UCS-2', units: 101, segments: 2 });
  });

  it('should count an emoji as two UCS-2 units', () => {
    expect(measureSms('😀'.repeat(35))).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(measureSms('😀'.repeat(36))).toMatchObject({ units: 72, segments: 2 });
  });

  it('should measure the Arabic greeting of a real reply', () => {
    expect(measureSms('وعليكم السلام، تم استلام طلبك وسيتم الرد خلال أسبوعين')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
  });
});
