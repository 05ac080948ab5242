import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIZE_CLASSES } from '../../../kernel/profile/company-profile.js';
import { MIN_PEER_GROUP, peerPercentiles, type PeerRecord } from './peer-percentiles.js';
import { DIMENSION_IDS } from './questionnaire-schema.js';

const firm = (companyId: string, score: number | null, extra: Partial<PeerRecord> = {}): PeerRecord => ({
  companyId, optedIn: true, sizeClass: 'lt100', wzSection: 'C', scores: { strategy: score }, ...extra,
});

describe('peerPercentiles', () => {
  it('needs 5 firms including the firm itself', () => {
    expect(MIN_PEER_GROUP).toBe(5);
    const me = firm('me', 50);
    const peers = [10, 20, 30, 40].map((s, i) => firm(`p${i}`, s));
    expect(peerPercentiles(me, peers.slice(0, 3), ['strategy'])).toBeNull();
    const r = peerPercentiles(me, peers, ['strategy']);
    expect(r?.groupSize).toBe(5);
    // 4 of 5 below, the firm itself counts as half: (4 + 0.5) / 5
    expect(r?.dimensions).toEqual([{ id: 'strategy', percentile: Math.round((100 * 4.5) / 5) }]);
  });

  it('counts only opted-in firms of the same size class and section, each once', () => {
    const me = firm('me', 50);
    const peers = [
      firm('a', 10), firm('b', 20), firm('c', 30),
      firm('d', 40, { optedIn: false }),
      firm('e', 40, { sizeClass: '100to249' }),
      firm('f', 40, { wzSection: 'F' }),
      firm('a', 10), firm('me', 99),
    ];
    expect(peerPercentiles(me, peers, ['strategy'])).toBeNull();
    expect(peerPercentiles(me, [...peers, firm('g', 60)], ['strategy'])?.groupSize).toBe(5);
  });

  it('ranks ties as half', () => {
    const r = peerPercentiles(firm('me', 50), [50, 50, 50, 50].map((s, i) => firm(`p${i}`, s)), ['strategy']);
    expect(r?.dimensions[0]!.percentile).toBe(50);
  });

  it('gives a dimension no value when fewer than 5 group members have a score for it', () => {
    const peers = [10, 20, 30, null, 40].map((s, i) => firm(`p${i}`, s));
    const r = peerPercentiles(firm('me', 50), peers.slice(0, 4), ['strategy', 'data']);
    expect(r?.groupSize).toBe(5);
    expect(r?.dimensions).toEqual([{ id: 'strategy', percentile: null }, { id: 'data', percentile: null }]);
    expect(peerPercentiles(firm('me', null), peers, ['strategy'])?.dimensions[0]!.percentile).toBeNull();
  });

  const recordArb = fc.record({
    companyId: fc.constantFrom('me', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    optedIn: fc.boolean(),
    sizeClass: fc.constantFrom(...SIZE_CLASSES),
    wzSection: fc.constantFrom('C', 'F'),
    scores: fc.record(Object.fromEntries(DIMENSION_IDS.map((d) => [d, fc.option(fc.integer({ min: 0, max: 100 }))]))),
  }) as fc.Arbitrary<PeerRecord>;

  it('never shows a value for a group or dimension with fewer than 5 firms', () => {
    fc.assert(
      fc.property(recordArb, fc.array(recordArb, { maxLength: 12 }), (me, peers) => {
        const group = new Set([me.companyId]);
        const members = new Map([[me.companyId, me]]);
        for (const p of peers) {
          if (p.optedIn && p.sizeClass === me.sizeClass && p.wzSection === me.wzSection && !members.has(p.companyId)) {
            group.add(p.companyId);
            members.set(p.companyId, p);
          }
        }
        const r = peerPercentiles(me, peers, DIMENSION_IDS);
        if (group.size < 5) {
          expect(r).toBeNull();
          return;
        }
        expect(r!.groupSize).toBe(group.size);
        for (const d of r!.dimensions) {
          const scored = [...members.values()].filter((m) => typeof m.scores[d.id] === 'number').length;
          if (scored < 5 || typeof me.scores[d.id] !== 'number') expect(d.percentile).toBeNull();
          else {
            expect(d.percentile).toBeGreaterThanOrEqual(0);
            expect(d.percentile).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never lowers the percentile when the firm scores higher', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 10 }), fc.integer({ min: 0, max: 99 }), (others, s) => {
        const peers = others.map((x, i) => firm(`p${i}`, x));
        const low = peerPercentiles(firm('me', s), peers, ['strategy'])!.dimensions[0]!.percentile!;
        const high = peerPercentiles(firm('me', s + 1), peers, ['strategy'])!.dimensions[0]!.percentile!;
        expect(high).toBeGreaterThanOrEqual(low);
      }),
    );
  });
});
