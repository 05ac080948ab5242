import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CRITERION_IDS,
  DEFAULT_CRITERION_WEIGHTS,
  compareAlternatives,
  utilityAnalysis,
  utilityScore,
} from './utility-analysis.js';

describe('default criteria', () => {
  it('cover the six criteria with weights summing to 1', () => {
    expect([...DEFAULT_CRITERION_IDS].sort()).toEqual(
      ['brandImage', 'risk', 'staffSatisfaction', 'strategicFit', 'supplierDependency', 'timeToEffect'],
    );
    // 0.25 + 0.15 + 0.10 + 0.15 + 0.25 + 0.10 = 1
    const sum = DEFAULT_CRITERION_IDS.reduce((s, id) => s + DEFAULT_CRITERION_WEIGHTS[id], 0);
    expect(sum).toBeCloseTo(1, 12);
  });
});

describe('utilityScore', () => {
  it('weights scores 0–5 into 0–100', () => {
    // 0.3 · 3 + 0.7 · 5 = 4.4 of 5 → 88
    expect(utilityScore([{ id: 'risk', weight: 0.3, score: 3 }, { id: 'strategicFit', weight: 0.7, score: 5 }])).toBeCloseTo(88, 10);
    expect(utilityScore([{ id: 'a', weight: 1, score: 5 }])).toBe(100);
    expect(utilityScore([{ id: 'a', weight: 1, score: 0 }])).toBe(0);
  });

  it('normalises weights to sum 1', () => {
    // weights 2, 1, 1 → 0.5, 0.25, 0.25; 0.5 · 5 = 2.5 of 5 → 50
    const result = utilityAnalysis([
      { id: 'a', weight: 2, score: 5 },
      { id: 'b', weight: 1, score: 0 },
      { id: 'c', weight: 1, score: 0 },
    ])!;
    expect(result.score).toBeCloseTo(50, 10);
    expect(result.criteria.map((c) => c.normalisedWeight)).toEqual([0.5, 0.25, 0.25]);
    expect(result.criteria.map((c) => c.points)).toEqual([50, 0, 0]);
  });

  it('is null without criteria', () => {
    expect(utilityScore([])).toBeNull();
  });

  it('rejects duplicate ids, negative or all-zero weights and scores outside 0–5', () => {
    expect(() => utilityScore([{ id: 'a', weight: 1, score: 1 }, { id: 'a', weight: 1, score: 2 }])).toThrow(/twice/);
    expect(() => utilityScore([{ id: 'a', weight: -1, score: 1 }])).toThrow(/weight of a/);
    expect(() => utilityScore([{ id: 'a', weight: 0, score: 1 }])).toThrow(/above 0/);
    expect(() => utilityScore([{ id: 'a', weight: 1, score: 5.5 }])).toThrow(/score of a/);
    expect(() => utilityScore([{ id: 'a', weight: 1, score: Number.NaN }])).toThrow(/score of a/);
  });

  const ratings = fc
    .array(fc.record({ weight: fc.double({ min: 0.01, max: 100, noNaN: true }), score: fc.double({ min: 0, max: 5, noNaN: true }) }), {
      minLength: 1,
      maxLength: 10,
    })
    .map((list) => list.map((r, i) => ({ id: `c${i}`, ...r })));

  it('stays within 0–100, between the lowest and highest score, and ignores the scale of the weights', () => {
    fc.assert(
      fc.property(ratings, fc.double({ min: 0.01, max: 100, noNaN: true }), (criteria, k) => {
        const score = utilityScore(criteria)!;
        const scores = criteria.map((c) => (c.score / 5) * 100);
        expect(score).toBeGreaterThanOrEqual(Math.min(...scores) - 1e-9);
        expect(score).toBeLessThanOrEqual(Math.max(...scores) + 1e-9);
        expect(utilityScore(criteria.map((c) => ({ ...c, weight: c.weight * k })))).toBeCloseTo(score, 9);
      }),
    );
  });

  it('does not fall when one score rises', () => {
    fc.assert(
      fc.property(ratings, fc.nat(), fc.double({ min: 0, max: 5, noNaN: true }), (criteria, pick, raise) => {
        const i = pick % criteria.length;
        const higher = criteria.map((c, j) => (j === i ? { ...c, score: Math.max(c.score, raise) } : c));
        expect(utilityScore(higher)!).toBeGreaterThanOrEqual(utilityScore(criteria)! - 1e-9);
      }),
    );
  });
});

describe('compareAlternatives', () => {
  const weights = [
    { id: 'risk', weight: 0.5 },
    { id: 'strategicFit', weight: 0.5 },
  ];

  it('ranks by utility, shares ranks on ties and keeps the money figures beside', () => {
    const ranked = compareAlternatives(weights, [
      { id: 'erp', scores: { risk: 2, strategicFit: 4 }, figures: { npv: 1000 } }, // 3 of 5 → 60
      { id: 'crm', scores: { risk: 5, strategicFit: 5 }, figures: { npv: -200 } }, // 100
      { id: 'tablets', scores: { risk: 4, strategicFit: 2 }, figures: { npv: 50 } }, // 3 of 5 → 60
      { id: 'cloud', scores: { risk: 1, strategicFit: 0 }, figures: { npv: 9 } }, // 0.5 of 5 → 10
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['crm', 1],
      ['erp', 2],
      ['tablets', 2],
      ['cloud', 4],
    ]);
    expect(ranked.map((r) => r.utility.score)).toEqual([100, 60, 60, 10]);
    expect(ranked[0].figures).toEqual({ npv: -200 });
  });

  it('treats scores equal up to rounding of the weights as a tie', () => {
    // weights 0.1, 0.2, 0.7: (0.2 · 4 + 0.7 · 2) / 5 = 2.2 / 5 → 44 and (0.1 · 1 + 0.7 · 3) / 5 = 2.2 / 5 → 44,
    // which binary floating point computes as 44 and 43.99999999999999
    const ranked = compareAlternatives(
      [{ id: 'a', weight: 0.1 }, { id: 'b', weight: 0.2 }, { id: 'c', weight: 0.7 }],
      [
        { id: 'low', scores: { a: 0, b: 0, c: 1 }, figures: null }, // 0.7 / 5 → 14
        { id: 'x', scores: { a: 1, b: 0, c: 3 }, figures: null },
        { id: 'y', scores: { a: 0, b: 4, c: 2 }, figures: null },
      ],
    );
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['x', 1],
      ['y', 1],
      ['low', 3],
    ]);
  });

  it('requires criteria and a score for every criterion', () => {
    expect(() => compareAlternatives([], [])).toThrow(/at least one criterion/);
    expect(() => compareAlternatives(weights, [{ id: 'erp', scores: { risk: 2 }, figures: null }])).toThrow(
      /erp has no score for strategicFit/,
    );
  });
});
