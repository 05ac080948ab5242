import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ShareLinkRecord, checkShareLink, newShareLink, parseShareToken, shortenAddress } from './share-link.js';

const DAY = 86_400_000;
const T = Date.UTC(2027, 0, 10);
const A = '0190f5a0-0000-7000-8000-00000000000a';
const B = '0190f5a0-0000-7000-8000-00000000000b';
const bytes = (seed: number) => Uint8Array.from({ length: 32 }, (_, i) => (seed * 31 + i * 7) % 256);

function link(id: string, tenantId: string, orderId: string, seed: number, validDays?: number) {
  const r = newShareLink({ id, tenantId, orderId, now: T, validDays, sections: ['operations'] }, bytes(seed));
  if (!r.ok) throw new Error(r.problem);
  return r;
}

describe('customer links', () => {
  it('open their own order until they expire, and show the sections the firm ticked', () => {
    const { record, token } = link(A, 'firm-1', 'order-1', 1);
    expect(parseShareToken(token)).toEqual({ linkId: A, secret: token.slice(A.length + 1) });
    expect(record.secretHash).not.toContain(token.slice(A.length + 1));
    expect(checkShareLink(record, token, { tenantId: 'firm-1', orderId: 'order-1' }, T + 29 * DAY)).toEqual({ ok: true, sections: ['state', 'promised-date', 'operations'] });
    expect(checkShareLink(record, token, { tenantId: 'firm-1', orderId: 'order-1' }, T + 30 * DAY)).toEqual({ ok: false, refusal: 'expired' });
  });

  it('refuse another order, another company, a revoked link, a wrong secret and anything malformed', () => {
    const { record, token } = link(A, 'firm-1', 'order-1', 1);
    expect(checkShareLink(record, token, { tenantId: 'firm-1', orderId: 'order-2' }, T)).toEqual({ ok: false, refusal: 'other-order' });
    expect(checkShareLink(record, token, { tenantId: 'firm-2', orderId: 'order-1' }, T)).toEqual({ ok: false, refusal: 'other-company' });
    expect(checkShareLink({ ...record, revokedAt: T + DAY }, token, null, T + DAY)).toEqual({ ok: false, refusal: 'revoked' });
    expect(checkShareLink({ ...record, revokedAt: T + DAY }, token, null, T)).toMatchObject({ ok: true });
    const other = link(A, 'firm-1', 'order-1', 2).token;
    expect(checkShareLink(record, other, null, T)).toEqual({ ok: false, refusal: 'wrong-secret' });
    expect(checkShareLink(undefined, token, null, T)).toEqual({ ok: false, refusal: 'unknown' });
    expect(checkShareLink(record, `${B}.${token.slice(A.length + 1)}`, null, T)).toEqual({ ok: false, refusal: 'unknown' });
    for (const bad of ['', 'x', `${A}.`, `${A}.${'a'.repeat(42)}`, `${A}.${'a'.repeat(43)}x`, `${A.toUpperCase()}.${'a'.repeat(43)}`]) expect(checkShareLink(record, bad, null, T)).toEqual({ ok: false, refusal: 'malformed' });
  });

  it('refuse a weak random source, a validity outside 1–180 days and unknown sections', () => {
    expect(newShareLink({ id: A, tenantId: 't', orderId: 'o', now: T }, new Uint8Array(16))).toEqual({ ok: false, problem: 'random-bytes-too-short' });
    expect(newShareLink({ id: A, tenantId: 't', orderId: 'o', now: T, validDays: 181 }, bytes(1))).toEqual({ ok: false, problem: 'valid-days-out-of-range' });
    expect(newShareLink({ id: A, tenantId: 't', orderId: 'o', now: T, validDays: 0 }, bytes(1))).toEqual({ ok: false, problem: 'valid-days-out-of-range' });
    expect(newShareLink({ id: A, tenantId: 't', orderId: 'o', now: T, sections: ['invoices'] }, bytes(1))).toEqual({ ok: false, problem: 'unknown-section' });
  });

  it('log addresses shortened to /24 and /48', () => {
    expect(shortenAddress('203.0.113.77')).toBe('203.0.113.0/24');
    expect(shortenAddress('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
    expect(shortenAddress('2001:0db8:85a3:08d3:1319:8a2e:0370:7348')).toBe('2001:db8:85a3::/48');
    expect(shortenAddress('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(shortenAddress('nonsense')).toBe('unknown');
  });

  it('for any links: a token opens only the record it was made for, for its order, only while valid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ tenant: fc.constantFrom('f1', 'f2'), order: fc.constantFrom('o1', 'o2', 'o3'), days: fc.integer({ min: 1, max: 180 }), revokedAfter: fc.option(fc.nat(200), { nil: null }) }), { minLength: 1, maxLength: 6 }),
        fc.nat(5),
        fc.nat(5),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom('f1', 'f2'),
        fc.constantFrom('o1', 'o2', 'o3'),
        (specs, pickRecord, pickToken, day, tenant, order) => {
          const links = specs.map((s, i) => {
            const id = `0190f5a0-0000-7000-8000-${String(i).padStart(12, '0')}`;
            const l = link(id, s.tenant, s.order, i + 1, s.days);
            const record: ShareLinkRecord = { ...l.record, revokedAt: s.revokedAfter === null ? null : T + s.revokedAfter * DAY };
            return { record, token: l.token };
          });
          const r = links[pickRecord % links.length]!;
          const t = links[pickToken % links.length]!;
          const now = T + day * DAY;
          const result = checkShareLink(r.record, t.token, { tenantId: tenant, orderId: order }, now);
          const opens = r === t && r.record.tenantId === tenant && r.record.orderId === order && now < r.record.expiresAt && (r.record.revokedAt === null || now < r.record.revokedAt);
          expect(result.ok).toBe(opens);
        },
      ),
    );
  });
});
