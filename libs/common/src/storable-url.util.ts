import { isIP } from 'node:net';
import { isNonPublicAddress } from './http/outbound-address.util';

const MAX_URL_LENGTH = 2_000;

function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(host) !== 0) return isNonPublicAddress(host);
  return host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal');
}

// Attachment URLs are shown to officers as links and fetched by the gateway, so only web addresses are kept:
// never javascript:, data: or file:, never credentials, and never a private or loopback host unless it is the
// inbox's own configured provider address (the local sandbox). Paths on the gateway itself start with one "/".
export function isStorableAttachmentUrl(value: string, allowedOrigins: string[] = []): boolean {
  if (value.length === 0 || value.length > MAX_URL_LENGTH || /[\s\p{Cc}]/u.test(value)) return false;
  if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return true;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  return !isPrivateHost(url.hostname) || allowedOrigins.includes(url.origin);
}
