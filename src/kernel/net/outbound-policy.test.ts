import net from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutboundBlockedError, blockedRange, checkLiteral, guardedLookup, parseOutboundAllow, resolveAllowed } from './outbound-policy.js';

const strict = parseOutboundAllow([]);

describe('outbound policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.178.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['64:ff9b::7f00:1', 'rfc6052'],
  ])('refuses %s (%s) by default', (address, range) => {
    expect(blockedRange(strict, address)).toBe(range);
    expect(() => checkLiteral(strict, address)).toThrow(OutboundBlockedError);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.169.0.1', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'])('lets the public address %s through', (address) => {
    expect(blockedRange(strict, address)).toBeNull();
    expect(() => checkLiteral(strict, address)).not.toThrow();
  });

  it('opens exactly what the allow-list names', () => {
    const policy = parseOutboundAllow(['192.168.10.0/24', '::1', 'fd00::/8', 'mosquitto.werk.internal']);
    expect(blockedRange(policy, '192.168.10.77')).toBeNull();
    expect(blockedRange(policy, '::ffff:192.168.10.77')).toBeNull();
    expect(blockedRange(policy, '192.168.11.77')).toBe('private');
    expect(blockedRange(policy, '::1')).toBeNull();
    expect(blockedRange(policy, '127.0.0.1')).toBe('loopback');
    expect(blockedRange(policy, 'fd12::1')).toBeNull();
    expect(policy.hosts.has('mosquitto.werk.internal')).toBe(true);
    const any = parseOutboundAllow(['*']);
    expect(blockedRange(any, '127.0.0.1')).toBeNull();
  });

  it('refuses allow-list entries that are none of CIDR, address, host name or *', () => {
    for (const bad of ['10.0.0.0/33', 'fd00::/200', 'not a host', 'http://example.com', '10.0.0.0/x']) {
      expect(() => parseOutboundAllow([bad])).toThrow(/WERKVERBUND_OUTBOUND_ALLOW/);
    }
  });

  it('judges an IPv4-mapped IPv6 address exactly like the IPv4 address it carries (property)', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)), (octets) => {
        const v4 = octets.join('.');
        expect(blockedRange(strict, `::ffff:${v4}`)).toBe(blockedRange(strict, v4));
      }),
    );
  });

  it('refuses every address of the loopback, private and link-local IPv4 ranges (property)', () => {
    const inRange = (first: number[], rest: number) => fc.tuple(...Array.from({ length: rest }, () => fc.nat(255))).map((r) => [...first, ...r].join('.'));
    fc.assert(
      fc.property(
        fc.oneof(inRange([127], 3), inRange([10], 3), inRange([192, 168], 2), inRange([169, 254], 2), fc.tuple(fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)).map(([b, c, d]) => `172.${b}.${c}.${d}`)),
        (address) => {
          expect(blockedRange(strict, address)).not.toBeNull();
        },
      ),
    );
  });

  it('checks the addresses a name resolves to, not the name: "localhost" is loopback', async () => {
    await expect(resolveAllowed(strict, 'localhost')).rejects.toThrow(OutboundBlockedError);
    const lookup = guardedLookup(strict);
    const error = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (e) => resolve(e)));
    expect(error).toBeInstanceOf(OutboundBlockedError);
    expect(error?.message).toMatch(/localhost \((127\.0\.0\.1|::1)\) is loopback/);
    const open = parseOutboundAllow(['127.0.0.0/8', '::1']);
    expect((await resolveAllowed(open, 'localhost')).length).toBeGreaterThan(0);
  });

  it('refuses a socket to a name resolving to loopback at connect time (net.connect with the guarded lookup)', async () => {
    const server = net.createServer((s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    let accepted = 0;
    server.on('connection', () => accepted++);
    const outcome = await new Promise<string>((resolve) => {
      const socket = net.createConnection({ host: 'localhost', port, lookup: guardedLookup(strict) });
      socket.once('connect', () => resolve('connected'));
      socket.once('error', (e) => resolve(e instanceof OutboundBlockedError ? 'blocked' : `error ${e.message}`));
    });
    expect(outcome).toBe('blocked');
    expect(accepted).toBe(0);
    await new Promise((resolve) => server.close(resolve));
  });
});
