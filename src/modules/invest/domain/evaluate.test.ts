import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCOUNT_RATE, evaluateInvestment, scenarioFigures } from './evaluate.js';

describe('scenarioFigures', () => {
  it('gives all money figures of one scenario', () => {
    // -50000, 5 × 15000 at 8 %: NPV 15000 · 3.992710 - 50000 = 9890.65; IRR 15.2382 % (root of the
    // NPV polynomial); payback 3 + 5000/15000; discounted payback 4 + 318.10/10208.75; ROI 25000/50000
    const figures = scenarioFigures(0.08, [-50000, 15000, 15000, 15000, 15000, 15000]);
    expect(figures.npv).toBeCloseTo(9890.65, 2);
    expect(figures.irr).toBeCloseTo(0.1523823712, 9);
    expect(figures.paybackYears).toBeCloseTo(10 / 3, 12);
    expect(figures.discountedPaybackYears).toBeCloseTo(4.031159, 6);
    expect(figures.roi).toBeCloseTo(0.5, 12);
  });

  it('reports missing figures as null', () => {
    // only inflows: no IRR, paid back from the start, no outflow for the ROI
    expect(scenarioFigures(0.08, [0, 100, 100])).toEqual({
      npv: 100 / 1.08 + 100 / 1.08 ** 2,
      irr: null,
      paybackYears: 0,
      discountedPaybackYears: 0,
      roi: null,
    });
    // only outflows: no IRR, never paid back, ROI -1
    const losing = scenarioFigures(0.08, [-100, -10]);
    expect(losing.irr).toBeNull();
    expect(losing.paybackYears).toBeNull();
    expect(losing.discountedPaybackYears).toBeNull();
    expect(losing.roi).toBe(-1);
  });
});

describe('evaluateInvestment', () => {
  it('evaluates every scenario and the utility score', () => {
    const result = evaluateInvestment({
      discountRate: 0.1,
      scenarios: { worst: { cashFlows: [-1000, 1100] }, expected: { cashFlows: [-1000, 500, 400, 300, 100] } },
      criteria: [{ id: 'risk', weight: 1, score: 4 }],
    });
    expect(Object.keys(result.scenarios)).toEqual(['worst', 'expected']);
    // -1000 + 1100 / 1.1 = 0 and the IRR is exactly the 10 % discount rate
    expect(result.scenarios.worst.npv).toBeCloseTo(0, 9);
    expect(result.scenarios.worst.irr).toBeCloseTo(0.1, 12);
    expect(result.scenarios.expected.npv).toBeCloseTo(78.819753, 5);
    // 4 of 5 → 80
    expect(result.utilityScore).toBeCloseTo(80, 10);
  });

  it('has no utility score without criteria', () => {
    expect(evaluateInvestment({ discountRate: DEFAULT_DISCOUNT_RATE, scenarios: {}, criteria: [] })).toEqual({
      scenarios: {},
      utilityScore: null,
    });
  });
});
