import { ApiException } from './api.exception';
import { normaliseText } from './normalise-text.util';
import { isStorableAttachmentUrl } from './storable-url.util';
import { UNSAFE_TEXT } from './unsafe-text.constant';
import { validateInput } from './validate-input.util';
import { sanitiseUntrustedJson } from './untrusted-json.util';

describe(normaliseText.name, () => {
  it('should strip NUL and control characters but keep line breaks and tabs', () => {
    expect(normaliseText('مرحبا\u0000 بكم\u0007\u001B[31m\u007F\u0085\n\tسطر')).toBe('مرحبا بكم[31m\n\tسطر');
  });

  it('should replace lone surrogates and keep real pairs', () => {
    expect(normaliseText('a\uD800b\uDC00c😀')).toBe('a\uFFFDb\uFFFDc😀');
  });

  it('should remove bidi overrides and isolates but keep the marks Arabic text uses', () => {
    expect(normaliseText('\u202Etxt.exe\u202C \u2066x\u2069 \u200F\u061C')).toBe('txt.exe x \u200F\u061C');
  });

  it('should fold line breaks on single-line fields', () => {
    expect(normaliseText('أحمد\r\nعلي\tمحمد', { singleLine: true })).toBe('أحمد علي محمد');
  });

  it('should never leave anything UNSAFE_TEXT matches', () => {
    const everything = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)).join('');
    expect(UNSAFE_TEXT.test(normaliseText(everything))).toBe(false);
    expect(UNSAFE_TEXT.test('\u0000')).toBe(true);
  });
});

describe(sanitiseUntrustedJson.name, () => {
  it('should refuse deeply nested JSON with a 400 instead of overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(() => sanitiseUntrustedJson(deep)).toThrow(ApiException);
    expect(() => sanitiseUntrustedJson({ a: { b: { c: 1 } } })).not.toThrow();
  });

  it('should refuse a key named constructor, prototype or __proto__ at any depth', () => {
    expect(() => sanitiseUntrustedJson({ constructor: 'x' })).toThrow(ApiException);
    expect(() => sanitiseUntrustedJson({ from: { prototype: {} } })).toThrow(ApiException);
    expect(() => sanitiseUntrustedJson(JSON.parse('{"a":[{"__proto__":{}}]}'))).toThrow(ApiException);
  });

  it('should normalise every string, keys included', () => {
    expect(sanitiseUntrustedJson({ 'te\u0000xt': 'a\u0000\uD800', list: ['\u202Eb'] })).toEqual({ text: 'a\uFFFD', list: ['b'] });
  });
});

describe(isStorableAttachmentUrl.name, () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>',
    'http://127.0.0.1/x',
    'http://0x7f000001/x',
    'http://[::1]/x',
    'http://[::ffff:127.0.0.1]/x',
    'http://169.254.169.254/latest/meta-data',
    'http://10.0.0.5/x',
    'http://localhost:3000/x',
    'https://user:pass@example.org/x',
    '//evil.example/x',
    ' https://example.org',
  ])('should refuse %s', (url) => {
    expect(isStorableAttachmentUrl(url)).toBe(false);
  });

  it('should keep public web addresses, gateway paths and the inbox’s own provider origin', () => {
    expect(isStorableAttachmentUrl('https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME1')).toBe(true);
    expect(isStorableAttachmentUrl('/webchat/files/inbox/visitor/file.png?signature=abc')).toBe(true);
    expect(isStorableAttachmentUrl('http://127.0.0.1:4010/Recordings/RE1', ['http://127.0.0.1:4010'])).toBe(true);
  });
});

describe('validateInput on input that did not come through the body parser', () => {
  class Shape {}

  it('should answer a constructor key with a 400, not a TypeError', () => {
    expect(() => validateInput(Shape, { constructor: 'x', nested: { constructor: {} } })).toThrow(ApiException);
  });
});
