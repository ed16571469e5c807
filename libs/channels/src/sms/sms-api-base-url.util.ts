// Joins the inbox's configured API base URL (the real vendor, or the local sandbox) with a vendor path.
export function joinApiUrl(apiBaseUrl: string, path: string): string {
  return `${apiBaseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
