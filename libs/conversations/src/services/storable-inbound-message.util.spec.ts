import { ApiException } from '@app/common';
import { toStorableInboundMessage } from './storable-inbound-message.util';

describe(toStorableInboundMessage.name, () => {
  const message = { providerMessageId: 'm-1', sender: { externalId: 'u-1', name: 'أحمد' }, text: 'مرحبا', attachments: [] };

  it('should refuse a providerMessageId the database would refuse or could not compare', () => {
    for (const providerMessageId of ['abc\u0000', '', 'x'.repeat(201), '\u202Eabc', 'a\uD800']) {
      expect(() => toStorableInboundMessage({ ...message, providerMessageId })).toThrow(ApiException);
    }
  });

  it('should normalise text and sender fields and cut the name to the column width', () => {
    const stored = toStorableInboundMessage({
      ...message,
      sender: { externalId: ' u-1\u0000 ', name: `\u202E${'ن'.repeat(300)}` },
      text: ' نص\u0000\uDC00 ',
    });
    expect(stored.text).toBe('نص\uFFFD');
    expect(stored.sender).toEqual({ externalId: 'u-1', name: 'ن'.repeat(200) });
  });

  it('should refuse a blank message and unsafe attachment URLs', () => {
    expect(() => toStorableInboundMessage({ ...message, text: ' \u0000\u202E ' })).toThrow(ApiException);
    expect(() => toStorableInboundMessage({ ...message, attachments: [{ url: 'javascript:alert(1)' }] })).toThrow(ApiException);
    expect(() => toStorableInboundMessage({ ...message, attachments: [{ url: 'http://169.254.169.254/' }] })).toThrow(ApiException);
  });
});
