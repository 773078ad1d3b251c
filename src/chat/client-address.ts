/**
 * @module chat/client-address
 * The key a client's address is limited under: an IPv4 address as it is (an IPv4-mapped IPv6
 * address `::ffff:a.b.c.d` too), an IPv6 address by its /64 network, since one subscriber
 * usually holds a whole /64 and could otherwise take a new address per request.
 * `X-Forwarded-For` is read only when the operator says proxies are in front (`trustProxy`
 * hops): the entry those proxies appended, never one the client wrote itself.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** The limiting key of one address: `a.b.c.d`, or `x:x:x:x::/64` for IPv6. */
export function addressKey(address: string): string {
  let ip = address.trim();
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  const zone = ip.indexOf('%');
  if (zone >= 0) ip = ip.slice(0, zone);
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip.toLowerCase();
  const groups = ipv6Groups(ip.toLowerCase());
  // ::ffff:a.b.c.d (and ::ffff:xxxx:xxxx) is an IPv4 client on a dual-stack socket.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6] >> 8}.${groups[6] & 0xff}.${groups[7] >> 8}.${groups[7] & 0xff}`;
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  const all = tail === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right];
  return all.map((g) => parseInt(g, 16));
}

/**
 * Where a connection comes from: the socket's peer, or with `trustProxy` = N the N-th
 * `X-Forwarded-For` entry from the right (the one the outermost trusted proxy saw).
 * @example clientAddress('127.0.0.1', '203.0.113.9', 1) // '203.0.113.9'
 */
export function clientAddress(remote: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: number): string {
  const peer = addressKey(remote ?? 'unknown');
  if (trustProxy <= 0 || forwardedFor === undefined) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h.length > 0);
  if (hops.length === 0) return peer;
  // Fewer entries than trusted proxies: the leftmost is as far as the proxies vouch for.
  const hop = hops[Math.max(0, hops.length - trustProxy)];
  return isIPv4(hop) || isIPv6(hop.replace(/^\[|\]$/g, '').split('%')[0]) ? addressKey(hop) : peer;
}
