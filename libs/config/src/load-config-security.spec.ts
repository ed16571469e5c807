import { ConfigurationError, loadConfig } from './load-config';

const VALID = {
  WASL_JWT_SECRET: 'x'.repeat(40),
  WASL_ENCRYPTION_KEY: 'a'.repeat(64),
};

describe('security settings of loadConfig', () => {
  it('should publish /docs by default and let production put it behind login or turn it off', () => {
    expect(loadConfig(VALID).security.apiDocs).toBe('public');
    expect(loadConfig({ ...VALID, API_DOCS: 'staff' }).security.apiDocs).toBe('staff');
    expect(loadConfig({ ...VALID, API_DOCS: 'off' }).security.apiDocs).toBe('off');
  });

  it('should allow staff credentials from PUBLIC_URL’s origin and the origins STAFF_ALLOWED_ORIGINS names', () => {
    expect(loadConfig({ ...VALID, PUBLIC_URL: 'https://Wasl.example.org/base/' }).security.staffOrigins).toEqual([
      'https://wasl.example.org',
    ]);
    expect(
      loadConfig({
        ...VALID,
        PUBLIC_URL: 'https://wasl.example.org',
        STAFF_ALLOWED_ORIGINS: 'https://staff.example.org, http://10.0.0.5:8080',
      }).security.staffOrigins,
    ).toEqual(['https://wasl.example.org', 'https://staff.example.org', 'http://10.0.0.5:8080']);
  });

  it('should count failed unauthenticated requests per minute, 60 by default', () => {
    expect(loadConfig(VALID).security.failedRequestsPerMinute).toBe(60);
    expect(loadConfig({ ...VALID, FAILED_REQUESTS_PER_MINUTE: '500' }).security.failedRequestsPerMinute).toBe(500);
  });

  it.each([
    [{ API_DOCS: 'private' }, 'API_DOCS must be one of the following values: public, staff, off'],
    [{ STAFF_ALLOWED_ORIGINS: '*' }, 'STAFF_ALLOWED_ORIGINS must be a comma-separated list of origins'],
    [{ STAFF_ALLOWED_ORIGINS: 'https://a.example.org/path' }, 'STAFF_ALLOWED_ORIGINS must be a comma-separated list of origins'],
    [{ FAILED_REQUESTS_PER_MINUTE: '0' }, 'FAILED_REQUESTS_PER_MINUTE'],
  ])('should stop with one line naming the key for %p', (patch, expected) => {
    const attempt = () => loadConfig({ ...VALID, ...patch });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(expected);
  });
});
