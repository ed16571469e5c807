import { randomBytes } from 'node:crypto';
import { isValidSignature, signBody } from './hmac-signature.util';
import { SecretBox } from './secret-box';

describe(SecretBox.name, () => {
  const sut = new SecretBox(randomBytes(32));

  it('should open what it sealed, with a fresh nonce each time', () => {
    const first = sut.seal('auth-token-123');
    const second = sut.seal('auth-token-123');
    expect(first).not.toBe(second);
    expect(first).not.toContain('auth-token-123');
    expect(sut.open(first)).toBe('auth-token-123');
  });

  it('should refuse a tampered ciphertext', () => {
    const parts = sut.seal('secret').split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => sut.open(parts.join('.'))).toThrow();
  });

  it('should refuse a box sealed with another key', () => {
    expect(() => new SecretBox(randomBytes(32)).open(sut.seal('secret'))).toThrow();
  });
});

describe('HMAC signatures', () => {
  it('should accept the signature of the exact bytes and nothing else', () => {
    const body = Buffer.from('{"text":"مرحبا"}');
    const signature = signBody(body, 'inbox-secret');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(isValidSignature(body, 'inbox-secret', signature)).toBe(true);
    expect(isValidSignature(Buffer.from('{"text":"مرحبا" }'), 'inbox-secret', signature)).toBe(false);
    expect(isValidSignature(body, 'other-secret', signature)).toBe(false);
    expect(isValidSignature(body, 'inbox-secret', undefined)).toBe(false);
    expect(isValidSignature(body, 'inbox-secret', 'sha256=abc')).toBe(false);
  });
});
