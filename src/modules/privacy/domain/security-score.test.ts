import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECURITY_AREAS, SECURITY_REQUIREMENTS } from './security-catalogue.js';
import { SECURITY_ANSWERS, type SecurityAnswer, pointsOf, scoreSecurityCheck } from './security-score.js';

const all = (answer: SecurityAnswer) => Object.fromEntries(SECURITY_REQUIREMENTS.map((q) => [q.id, answer]));
const answersArb = fc.dictionary(fc.constantFrom(...SECURITY_REQUIREMENTS.map((q) => q.id)), fc.constantFrom(...SECURITY_ANSWERS));
const LEVEL_RANK = { low: 0, medium: 1, high: 2 } as const;

describe('security catalogue', () => {
  it('has 27 requirements in the six areas, six of them TOP, with unique ids', () => {
    expect(SECURITY_REQUIREMENTS).toHaveLength(27);
    expect(new Set(SECURITY_REQUIREMENTS.map((q) => q.id)).size).toBe(27);
    expect(new Set(SECURITY_REQUIREMENTS.map((q) => q.area))).toEqual(new Set(SECURITY_AREAS));
    expect(SECURITY_REQUIREMENTS.filter((q) => q.top)).toHaveLength(6);
    // a TOP requirement applies to every firm
    expect(SECURITY_REQUIREMENTS.filter((q) => q.top && q.notApplicableWhen)).toEqual([]);
  });
});

describe('scoreSecurityCheck', () => {
  it('all met: full points, low risk, no gaps', () => {
    const s = scoreSecurityCheck(all('met'));
    expect(s).toMatchObject({ points: 39, maxPoints: 39, minPoints: -18, level: 'low', complete: true, fulfilment: 100, gaps: [], open: [] });
  });

  it('nothing answered: the minimum, high risk, every requirement open — not a single one taken as met', () => {
    const s = scoreSecurityCheck({});
    expect(s).toMatchObject({ points: -18, level: 'high', complete: false, answered: 0, fulfilment: 0, gaps: [] });
    expect(s.open).toHaveLength(27);
    expect(s.areas.every((a) => a.met === 0)).toBe(true);
  });

  it('weights TOP requirements: met 3, partly 0, not met −3; others 1, ½, 0', () => {
    expect([pointsOf({ top: true }, 'met'), pointsOf({ top: true }, 'partly'), pointsOf({ top: true }, 'not_met'), pointsOf({ top: true }, undefined)]).toEqual([3, 0, -3, -3]);
    expect([pointsOf({ top: false }, 'met'), pointsOf({ top: false }, 'partly'), pointsOf({ top: false }, 'not_met'), pointsOf({ top: false }, undefined)]).toEqual([1, 0.5, 0, 0]);
  });

  it('one TOP gap alone makes the risk high, even with everything else met', () => {
    const s = scoreSecurityCheck({ ...all('met'), 'backup.regular': 'partly' });
    expect(s.level).toBe('high');
    expect(s.gaps).toEqual([{ id: 'backup.regular', area: 'backup', top: true, answer: 'partly' }]);
  });

  it('"does not apply" leaves the requirement out where allowed, and is no answer where not', () => {
    const s = scoreSecurityCheck({ ...all('met'), 'network.wifi': 'not_applicable', 'access.admin': 'not_applicable' });
    expect(s.maxPoints).toBe(38);
    expect(s.open).toEqual(['access.admin']);
    expect(s.complete).toBe(false);
  });

  it('orders gaps: TOP first, not met before partly, then catalogue order', () => {
    const s = scoreSecurityCheck({ ...all('met'), 'org.rules': 'partly', 'org.training': 'not_met', 'network.firewall': 'not_met', 'org.responsible': 'partly' });
    expect(s.gaps.map((g) => g.id)).toEqual(['network.firewall', 'org.responsible', 'org.training', 'org.rules']);
  });

  it('keeps the points between minimum and maximum and the shares between 0 and 100', () => {
    fc.assert(fc.property(answersArb, (answers) => {
      const s = scoreSecurityCheck(answers);
      expect(s.points).toBeGreaterThanOrEqual(s.minPoints);
      expect(s.points).toBeLessThanOrEqual(s.maxPoints);
      expect(s.fulfilment).toBeGreaterThanOrEqual(0);
      expect(s.fulfilment).toBeLessThanOrEqual(100);
      for (const a of s.areas) expect(a.met + a.partly + a.notMet + a.open).toBe(a.applicable);
      expect(s.gaps.length + s.open.length + s.areas.reduce((n, a) => n + a.met, 0)).toBe(s.areas.reduce((n, a) => n + a.applicable, 0));
    }));
  });

  it('answering a gap or an open question with "met" never lowers the points nor raises the risk', () => {
    fc.assert(fc.property(answersArb, fc.constantFrom(...SECURITY_REQUIREMENTS.map((q) => q.id)), (answers, id) => {
      if (answers[id] === 'not_applicable') return;
      const before = scoreSecurityCheck(answers);
      const after = scoreSecurityCheck({ ...answers, [id]: 'met' });
      expect(after.points).toBeGreaterThanOrEqual(before.points);
      expect(after.fulfilment).toBeGreaterThanOrEqual(before.fulfilment);
      expect(LEVEL_RANK[after.level]).toBeLessThanOrEqual(LEVEL_RANK[before.level]);
    }));
  });

  it('an unanswered requirement never counts like a met one', () => {
    fc.assert(fc.property(answersArb, fc.constantFrom(...SECURITY_REQUIREMENTS.map((q) => q.id)), (answers, id) => {
      const rest = { ...answers };
      delete rest[id];
      const unanswered = scoreSecurityCheck(rest);
      const met = scoreSecurityCheck({ ...rest, [id]: 'met' });
      expect(unanswered.points).toBeLessThan(met.points);
      expect(unanswered.open).toContain(id);
      expect(unanswered.complete).toBe(false);
    }));
  });

  it('a TOP gap costs more than any other gap', () => {
    fc.assert(fc.property(answersArb, (answers) => {
      const top = SECURITY_REQUIREMENTS.find((q) => q.top)!;
      const other = SECURITY_REQUIREMENTS.find((q) => !q.top && !q.notApplicableWhen)!;
      const base = { ...answers, [top.id]: 'met' as const, [other.id]: 'met' as const };
      const withTopGap = scoreSecurityCheck({ ...base, [top.id]: 'not_met' }).points;
      const withOtherGap = scoreSecurityCheck({ ...base, [other.id]: 'not_met' }).points;
      expect(withTopGap).toBeLessThan(withOtherGap);
    }));
  });
});
