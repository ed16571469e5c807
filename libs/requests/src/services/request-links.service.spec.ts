import { WaslConfig } from '@app/config';
import { RequestLinksService } from './request-links.service';

describe(RequestLinksService.name, () => {
  const config = {
    security: { jwtSecret: 'a-secret-of-at-least-thirty-two-characters' },
    http: { publicUrl: 'https://wasl.example.org/' },
  } as WaslConfig;
  const sut = new RequestLinksService(config);
  const organisationId = '5202f1bf-9628-41bf-80ac-4c751eff9b56';
  const requestId = 'd1ff28a8-2558-4a29-8eec-11190a4f3609';

  it('should read back a link it made, short enough for an SMS and a path segment', () => {
    const token = sut.token(organisationId, requestId, 'attest', 1_800_000_000_000);
    expect(token.length).toBeLessThan(100);
    expect(sut.read(token, 1_800_000_000_000)).toEqual({ organisationId, requestId, purpose: 'attest', expiresAt: 1_800_172_800_000 });
    expect(sut.url(organisationId, requestId, 'status')).toMatch(/^https:\/\/wasl\.example\.org\/forms\/r\/[\w-]+\.[\w-]+$/);
  });

  it('should open nothing for a changed, foreign or expired link', () => {
    const token = sut.token(organisationId, requestId, 'status', 1_800_000_000_000);
    const [payload, signature] = token.split('.');
    const changed = Buffer.from(payload, 'base64url');
    changed[32] = 1;
    expect(sut.read(`${changed.toString('base64url')}.${signature}`, 1_800_000_000_000)).toBeUndefined();
    const other = new RequestLinksService({ ...config, security: { jwtSecret: 'another-secret-of-thirty-two-characters' } } as WaslConfig);
    expect(other.read(token, 1_800_000_000_000)).toBeUndefined();
    expect(sut.read(token, 1_800_000_000_000 + 121 * 86_400_000)).toBeUndefined();
    expect(sut.read('not.a.token')).toBeUndefined();
  });
});
