// The staff web app's session: the access token in an httpOnly cookie the page's scripts cannot read, and a
// double-submit CSRF token (a readable cookie the app echoes in a header) for every state-changing request.
// API clients keep sending `Authorization: Bearer`, which no browser attaches on its own, so they need no CSRF token.
export const SESSION_COOKIE = 'wasl_session';
export const CSRF_COOKIE = 'wasl_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return undefined;
}
