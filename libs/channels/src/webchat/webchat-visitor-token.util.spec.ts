import { readVisitorToken, signVisitorToken, VisitorToken } from './webchat-visitor-token.util';

describe(signVisitorToken.name, () => {
  const inboxId = '6f1c1d3e-8a77-4c3a-9d51-0d0f3b3e2a10';
  const token: VisitorToken = {
    inboxId,
    externalId: 'visitor-1',
    identified: false,
    phoneVerified: false,
    issuedAt: Date.UTC(2026, 10, 1),
  };
  const day = 24 * 3_600_000;

  it('should read back what it signed', () => {
    const signed = signVisitorToken('secret', token);
    expect(readVisitorToken('secret', inboxId, signed, 180 * day, token.issuedAt + day)).toEqual(token);
  });

  it('should carry a verified phone, and never turn an anonymous token into a verified one', () => {
    const verified = { ...token, phoneVerified: true };
    expect(readVisitorToken('secret', inboxId, signVisitorToken('secret', verified), 180 * day, token.issuedAt)).toEqual(verified);
    const anonymous = signVisitorToken('secret', token);
    const [, signature] = anonymous.split('.');
    const promoted = Buffer.from(JSON.stringify([inboxId, 'visitor-1', 2, token.issuedAt])).toString('base64url');
    expect(readVisitorToken('secret', inboxId, `${promoted}.${signature}`, 180 * day, token.issuedAt)).toBeUndefined();
  });

  it('should refuse a token signed by another inbox secret, for another inbox, expired or altered', () => {
    const signed = signVisitorToken('secret', token);
    const [body, signature] = signed.split('.');
    const altered = Buffer.from(JSON.stringify([inboxId, 'visitor-2', 0, token.issuedAt])).toString('base64url');
    expect(readVisitorToken('other-secret', inboxId, signed, 180 * day, token.issuedAt)).toBeUndefined();
    expect(readVisitorToken('secret', 'a-different-inbox', signed, 180 * day, token.issuedAt)).toBeUndefined();
    expect(readVisitorToken('secret', inboxId, signed, 180 * day, token.issuedAt + 181 * day)).toBeUndefined();
    expect(readVisitorToken('secret', inboxId, `${altered}.${signature}`, 180 * day, token.issuedAt)).toBeUndefined();
    expect(readVisitorToken('secret', inboxId, `${body}.${signature}.x`, 180 * day, token.issuedAt)).toBeUndefined();
    expect(readVisitorToken('secret', inboxId, 42, 180 * day, token.issuedAt)).toBeUndefined();
  });
});
