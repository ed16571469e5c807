import { isIPv4, isIPv6 } from 'node:net';

// IPv4 ranges that are not the public internet: "this network", RFC 1918, CGNAT (RFC 6598), loopback, link-local
// (cloud metadata lives at 169.254.169.254), IETF protocol assignments, documentation, benchmarking, the old 6to4
// relay, multicast, reserved and broadcast.
const REFUSED_IPV4_RANGES: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

function isRefusedIpv4(address: string): boolean {
  const value = ipv4ToNumber(address);
  return REFUSED_IPV4_RANGES.some(([base, prefix]) => {
    const size = 2 ** (32 - prefix);
    return Math.floor(value / size) === Math.floor(ipv4ToNumber(base) / size);
  });
}

// Eight 16-bit groups, with "::" expanded and a dotted IPv4 tail (::ffff:127.0.0.1) folded into two groups.
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0].toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const value = ipv4ToNumber(dotted[1]);
    text = `${text.slice(0, dotted.index)}${Math.floor(value / 65536).toString(16)}:${(value % 65536).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups].map((group) => parseInt(group, 16));
}

function embeddedIpv4(groups: number[], from: number): string {
  return [groups[from] >> 8, groups[from] & 255, groups[from + 1] >> 8, groups[from + 1] & 255].join('.');
}

function isRefusedIpv6(address: string): boolean {
  const groups = ipv6Groups(address);
  const leadingZeros = groups.slice(0, 5).every((group) => group === 0);
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms reach the IPv4 address.
  if (leadingZeros && (groups[5] === 0xffff || groups[5] === 0)) {
    if (groups[5] === 0 && groups[6] === 0 && groups[7] <= 1) return true; // :: and ::1
    return isRefusedIpv4(embeddedIpv4(groups, 6));
  }
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) also carry an IPv4 address someone else will connect to.
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0)) {
    return isRefusedIpv4(embeddedIpv4(groups, 6));
  }
  if (groups[0] === 0x2002) return isRefusedIpv4(embeddedIpv4(groups, 1));
  // Only global unicast (2000::/3) is the public internet; that excludes fc00::/7, fe80::/10 and ff00::/8.
  if ((groups[0] & 0xe000) !== 0x2000) return true;
  // Teredo (2001::/32) and documentation (2001:db8::/32) inside 2000::/3.
  if (groups[0] === 0x2001 && (groups[1] === 0 || groups[1] === 0xdb8)) return true;
  return false;
}

// True for an address a configured URL may not reach: loopback, private, CGNAT, link-local, unique-local,
// unspecified, multicast, reserved, and IPv6 forms that embed one of those. Anything that is not an IP is refused.
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (isIPv4(bare)) return isRefusedIpv4(bare);
  if (isIPv6(bare)) return isRefusedIpv6(bare);
  return true;
}
