import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';

/**
 * Which forwarding headers say who the client is. A header anyone can send is evidence only when
 * the hop that added it is ours: `proxies` lists the addresses and CIDR ranges of our own reverse
 * proxies (TRUST_PROXY), and `cfConnectingIp` is set only on Workers, where Cloudflare itself
 * writes CF-Connecting-IP and drops any value the client sent.
 */
export interface ProxyTrust {
  proxies: readonly string[];
  cfConnectingIp: boolean;
}

export const TRUST_NOBODY: ProxyTrust = { proxies: [], cfConnectingIp: false };

/** Named ranges accepted in TRUST_PROXY besides addresses and CIDRs (ipaddr.js range names). */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['loopback'],
  private: ['private', 'uniqueLocal'],
  linklocal: ['linkLocal'],
};

type Matcher = (address: ipaddr.IPv4 | ipaddr.IPv6) => boolean;

/** A TRUST_PROXY entry as a matcher; throws on an entry that is neither an address, a CIDR nor a range name. */
function entryMatcher(entry: string): Matcher {
  const named = NAMED_RANGES[entry.toLowerCase()];
  if (Object.hasOwn(NAMED_RANGES, entry.toLowerCase()) && named) return (a) => named.includes(a.range());
  const [address, bits] = entry.includes('/')
    ? ipaddr.parseCIDR(entry)
    : [ipaddr.parse(entry), ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128];
  return (candidate) => candidate.kind() === address.kind() && candidate.match(address, bits);
}

/** Parses an address, mapping IPv4-in-IPv6 (::ffff:10.0.0.1, what Node reports on dual-stack sockets) to IPv4. */
function parseAddress(text: string | undefined): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const trimmed = text?.trim().replace(/^\[(.*)\]$/, '$1');
  if (!trimmed || !ipaddr.isValid(trimmed)) return null;
  const parsed = ipaddr.parse(trimmed);
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed;
}

/** Checks every TRUST_PROXY entry, so a typo stops start-up instead of silently trusting nobody. */
export function validateProxyList(entries: readonly string[]): string | null {
  for (const entry of entries) {
    try {
      entryMatcher(entry);
    } catch {
      return `"${entry}" is not an IP address, a CIDR range or one of ${Object.keys(NAMED_RANGES).join(', ')}`;
    }
  }
  return null;
}

/** The socket's address on Node (@hono/node-server passes `incoming` as the env). */
function socketAddress(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}

/**
 * The address a request counts against. Without trusted proxies it is the socket's peer. When the
 * peer is a trusted proxy, X-Forwarded-For is read from the right (the hop our proxy appended)
 * leftwards, skipping our own proxies, and the first address that is not ours is the client:
 * whatever a client writes further left is never reached.
 */
export function clientAddressResolver(trust: ProxyTrust): (c: Context) => string {
  const matchers = trust.proxies.map(entryMatcher);
  const trusted = (a: ipaddr.IPv4 | ipaddr.IPv6) => matchers.some((m) => m(a));
  return (c) => {
    if (trust.cfConnectingIp) {
      const cf = parseAddress(c.req.header('cf-connecting-ip'));
      if (cf) return cf.toString();
    }
    const peerText = socketAddress(c);
    const peer = parseAddress(peerText);
    if (!peer) return peerText ?? 'unknown';
    if (!trusted(peer)) return peer.toString();
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').filter((h) => h.trim() !== '');
    let client = peer;
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = parseAddress(hops[i]);
      // Garbage in the header: the last hop we could vouch for is the best we know.
      if (!hop) break;
      client = hop;
      if (!trusted(hop)) break;
    }
    return client.toString();
  };
}
