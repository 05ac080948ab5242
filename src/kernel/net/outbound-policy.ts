import dns from 'node:dns';
import { type LookupFunction, isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses Werkverbund may connect to on behalf of a company (webhooks, external MQTT
 * brokers, OPC UA servers). Sign-up is open, so without this anyone could make the server reach
 * its own loopback, the cloud metadata address or the operator's internal network (SSRF).
 *
 * Default: only global unicast addresses. Everything ipaddr.js classifies otherwise is refused —
 * loopback, private (RFC 1918), link-local, unique-local (fc00::/7), multicast, unspecified,
 * carrier-grade NAT, broadcast, reserved/documentation ranges, NAT64/6to4/Teredo forms; an
 * IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 *
 * `WERKVERBUND_OUTBOUND_ALLOW` (comma-separated) lets the operator open exceptions: CIDR ranges
 * (`192.168.10.0/24`, `fd00::/8`), single addresses, host names (exact, e.g.
 * `mosquitto.werk.internal`: reached whatever they resolve to), or `*` for no restriction (an
 * instance that serves a single firm on its own network).
 */
export interface OutboundPolicy {
  readonly any: boolean;
  readonly ranges: ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
  readonly hosts: ReadonlySet<string>;
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

const normalHost = (host: string) => host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');

/** Parses the allow-list; throws with the offending entry. */
export function parseOutboundAllow(entries: readonly string[]): OutboundPolicy {
  let any = false;
  const ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  const hosts = new Set<string>();
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    if (entry === '*') {
      any = true;
    } else if (entry.includes('/')) {
      try {
        ranges.push(ipaddr.parseCIDR(entry));
      } catch {
        throw new Error(`WERKVERBUND_OUTBOUND_ALLOW: "${entry}" is not a CIDR range like 192.168.10.0/24 or fd00::/8`);
      }
    } else if (isIP(normalHost(entry))) {
      const address = ipaddr.parse(normalHost(entry));
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (HOST_NAME.test(normalHost(entry))) {
      hosts.add(normalHost(entry));
    } else {
      throw new Error(`WERKVERBUND_OUTBOUND_ALLOW: "${entry}" is neither a CIDR range, an IP address, a host name nor "*"`);
    }
  }
  return { any, ranges, hosts };
}

/** Reads `WERKVERBUND_OUTBOUND_ALLOW` into its entries. */
export const outboundAllowFromEnv = (env: NodeJS.ProcessEnv): string[] =>
  (env.WERKVERBUND_OUTBOUND_ALLOW ?? '').split(',').map((e) => e.trim()).filter(Boolean);

const parsed = new WeakMap<readonly string[], OutboundPolicy>();
/** The policy of a configuration (parsed once per entries array). */
export function outboundPolicy(config: { outboundAllow: readonly string[] }): OutboundPolicy {
  let policy = parsed.get(config.outboundAllow);
  if (!policy) {
    policy = parseOutboundAllow(config.outboundAllow);
    parsed.set(config.outboundAllow, policy);
  }
  return policy;
}

/** A connection the policy refused; `range` is ipaddr.js's name of the address's range. */
export class OutboundBlockedError extends Error {
  readonly code = 'EOUTBOUNDBLOCKED';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`address not allowed: ${host}${host === address ? '' : ` (${address})`} is ${range}; an operator can allow it with WERKVERBUND_OUTBOUND_ALLOW`);
  }
}

/** Null when the address may be reached, else the name of its range (`loopback`, `private`, …). */
export function blockedRange(policy: OutboundPolicy, address: string): string | null {
  if (policy.any) return null;
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(normalHost(address));
  } catch {
    return 'invalid';
  }
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (policy.ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return null;
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

const hostAllowed = (policy: OutboundPolicy, host: string) => policy.any || policy.hosts.has(normalHost(host));

/** Throws `OutboundBlockedError` for an IP literal the policy refuses; names pass (see guardedLookup). */
export function checkLiteral(policy: OutboundPolicy, host: string): void {
  const h = normalHost(host);
  if (!isIP(h) || hostAllowed(policy, h)) return;
  const range = blockedRange(policy, h);
  if (range) throw new OutboundBlockedError(h, h, range);
}

/**
 * The `lookup` option for `net.connect`, `tls.connect` and `http.request`: resolves as usual and
 * refuses when *any* of the addresses is blocked, so the address checked is the address
 * connected to — a name that resolves to a public address when saved and to 127.0.0.1 when used
 * (DNS rebinding) is refused at connect time. Node does not call `lookup` for IP literals: check
 * those with `checkLiteral` first.
 */
export function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      if (!hostAllowed(policy, hostname)) {
        for (const a of addresses) {
          const range = blockedRange(policy, a.address);
          if (range) return callback(new OutboundBlockedError(hostname, a.address, range) as NodeJS.ErrnoException, '', 0);
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * Resolves a host and checks every address: for checks when a setting is saved (a clear 4xx at
 * once) and for clients that cannot take a `lookup` function (OPC UA: the caller connects to the
 * returned address). A name that does not resolve passes here — it reaches nothing; it is checked
 * again when a connection is made.
 */
export async function resolveAllowed(policy: OutboundPolicy, host: string): Promise<string[]> {
  const h = normalHost(host);
  if (isIP(h)) {
    checkLiteral(policy, h);
    return [h];
  }
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(h, { all: true });
  } catch {
    return [];
  }
  if (!hostAllowed(policy, h)) {
    for (const a of addresses) {
      const range = blockedRange(policy, a.address);
      if (range) throw new OutboundBlockedError(h, a.address, range);
    }
  }
  return addresses.map((a) => a.address);
}
