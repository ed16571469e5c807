import { REDACTED, redactForLog } from './redact-for-log.util';

describe('redactForLog', () => {
  it('should replace secret and personal fields at any depth and keep the rest', () => {
    const logged = redactForLog({
      id: 'c1',
      passwordHash: 'scrypt$16384$abc',
      sealed_secrets: 'v1.gcm.xyz',
      inbox: { id: 'i1', settings: { apiBaseUrl: 'https://api.example' }, 'auth-token': 'tw-secret' },
      messages: [{ id: 'm1', text: 'رقم هويتي 1234567890', sender: { phone: '+966551234567', email: 'a@example.org' } }],
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(logged).toEqual({
      id: 'c1',
      passwordHash: REDACTED,
      sealed_secrets: REDACTED,
      inbox: { id: 'i1', settings: { apiBaseUrl: 'https://api.example' }, 'auth-token': REDACTED },
      messages: [{ id: 'm1', text: REDACTED, sender: { phone: REDACTED, email: REDACTED } }],
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(JSON.stringify(logged)).not.toMatch(/scrypt|tw-secret|1234567890|966551234567|a@example/);
  });

  it('should stop at a bounded depth and leave scalars as they are', () => {
    let deep: Record<string, unknown> = { password: 'x' };
    for (let level = 0; level < 50; level += 1) deep = { next: deep };
    expect(JSON.stringify(redactForLog(deep))).not.toContain('"x"');
    expect(redactForLog('plain')).toBe('plain');
    expect(redactForLog(null)).toBeNull();
  });
});
