import { isNonPublicAddress } from './outbound-address.util';

// What is wrong with a URL an administrator configured for Wasl to call, or undefined. Only literal addresses are
// judged here (0x7f000001, 2130706433, 0177.0.0.1 and [::ffff:127.0.0.1] are all normalised by the URL parser);
// host names are checked when they are resolved, at every send, because DNS can change.
export function outboundUrlProblem(url: string, options: { allowPrivateNetworks: boolean }): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an http(s) URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an http(s) URL';
  if (parsed.username || parsed.password) return 'must not contain credentials (user:password@)';
  if (options.allowPrivateNetworks) return undefined;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const literal = /^[\d.]+$/.test(host) || host.includes(':');
  if (literal && isNonPublicAddress(host)) return 'must not point to a private, loopback or link-local address';
  return undefined;
}
