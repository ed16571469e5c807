import { isValidIdentifierHash } from './webchat-identifier-hash.util';

describe(isValidIdentifierHash.name, () => {
  // Appendix A6 of reference/channels.md: the Chatwoot-style vector.
  const vector = {
    secret: 'hmac_token_example',
    identifier: 'user-123',
    hash: '7047b756d131a86c307bc3688b6dd480a6b268d4b7e6b451c57f426bc9d617e5',
  };

  it('should accept the documented identifier hash, in either letter case', () => {
    expect(isValidIdentifierHash(vector.secret, vector.identifier, vector.hash)).toBe(true);
    expect(isValidIdentifierHash(vector.secret, vector.identifier, vector.hash.toUpperCase())).toBe(true);
  });

  it('should refuse a missing, malformed, truncated or foreign hash', () => {
    expect(isValidIdentifierHash(vector.secret, vector.identifier, undefined)).toBe(false);
    expect(isValidIdentifierHash(vector.secret, vector.identifier, 'not-hex')).toBe(false);
    expect(isValidIdentifierHash(vector.secret, vector.identifier, vector.hash.slice(0, 62))).toBe(false);
    expect(isValidIdentifierHash(vector.secret, 'user-124', vector.hash)).toBe(false);
    expect(isValidIdentifierHash('another-secret', vector.identifier, vector.hash)).toBe(false);
  });
});
