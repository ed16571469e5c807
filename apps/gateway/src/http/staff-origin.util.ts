// A browser page may use staff credentials (bearer token or session cookie) only from the staff origins
// (PUBLIC_URL's and STAFF_ALLOWED_ORIGINS) or from the host it is talking to. No Origin: not a browser page.
export function isStaffOrigin(staffOrigins: string[], origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  const normalised = origin.trim().replace(/\/+$/, '').toLowerCase();
  if (staffOrigins.includes(normalised)) return true;
  try {
    return host !== undefined && new URL(normalised).host === host.toLowerCase();
  } catch {
    return false;
  }
}
