import { readCookie } from './session-cookie';

describe(readCookie.name, () => {
  it('should read one cookie among several and decode it, or answer undefined', () => {
    const header = 'theme=dark; wasl_session=eyJ.a%2Bb.c; wasl_csrf=abc';
    expect(readCookie(header, 'wasl_session')).toBe('eyJ.a+b.c');
    expect(readCookie(header, 'wasl_csrf')).toBe('abc');
    expect(readCookie(header, 'session')).toBeUndefined();
    expect(readCookie(undefined, 'wasl_session')).toBeUndefined();
  });
});
