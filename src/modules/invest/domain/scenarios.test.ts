import { describe, expect, it } from 'vitest';
import type { CashFlowInput } from './cash-flows.js';
import { netCashFlows } from './cash-flows.js';
import { applyDeviations, buildScenarios, cumulativeChart } from './scenarios.js';

const expected: CashFlowInput = {
  horizonYears: 2,
  investmentCents: 100_000,
  subsidy: { rate: 0.5 },
  runningCostsPerYearCents: 10_000,
  savingsPerYearCents: 80_000,
  extraRevenuePerYearCents: 20_000,
  residualValueCents: 5_000,
};

describe('applyDeviations', () => {
  it('scales each line by its percentage and lets a subsidy rate follow the investment', () => {
    const worst = applyDeviations(expected, { investment: 20, runningCosts: 50, savings: -25, extraRevenue: -100 });
    expect(worst).toMatchObject({
      investmentCents: 120_000,
      subsidy: { rate: 0.5 },
      runningCostsPerYearCents: 15_000,
      savingsPerYearCents: 60_000,
      extraRevenuePerYearCents: 0,
      residualValueCents: 5_000,
    });
    // year 0: -120 000 + 60 000 subsidy; years 1–2: -15 000 + 60 000 + 0; year 2 adds 5 000
    expect(netCashFlows(buildScenarios({ expected, worst: { input: worst } }).worst!)).toEqual([-60_000, 45_000, 50_000]);
  });

  it('scales a subsidy amount but never above the investment', () => {
    const withAmount: CashFlowInput = { ...expected, subsidy: { amountCents: 60_000 } };
    expect(applyDeviations(withAmount, { subsidy: -50 }).subsidy).toEqual({ amountCents: 30_000 });
    expect(applyDeviations(withAmount, { subsidy: 100, investment: 10 }).subsidy).toEqual({ amountCents: 110_000 });
  });

  it('leaves the input unchanged without deviations and rejects less than -100 %', () => {
    expect(applyDeviations(expected, {})).toEqual(expected);
    expect(() => applyDeviations(expected, { savings: -101 })).toThrow(/deviations\.savings/);
  });
});

describe('buildScenarios', () => {
  it('builds worst, expected and best in this order from deviations or own inputs', () => {
    const scenarios = buildScenarios({
      best: { input: { ...expected, savingsPerYearCents: 100_000 } },
      worst: { deviations: { savings: -50 } },
      expected,
    });
    expect(Object.keys(scenarios)).toEqual(['worst', 'expected', 'best']);
    // expected: year 0 -100 000 + 50 000; years 1–2: -10 000 + 80 000 + 20 000 = 90 000; +5 000 residual
    expect(netCashFlows(scenarios.expected!)).toEqual([-50_000, 90_000, 95_000]);
    // worst: savings 40 000 → 50 000 per year
    expect(netCashFlows(scenarios.worst!)).toEqual([-50_000, 50_000, 55_000]);
    expect(netCashFlows(scenarios.best!)).toEqual([-50_000, 110_000, 115_000]);
  });

  it('builds only the expected case when no other is given', () => {
    expect(Object.keys(buildScenarios({ expected }))).toEqual(['expected']);
  });
});

describe('cumulativeChart', () => {
  it('gives one cumulative series per scenario on a shared year axis', () => {
    const chart = cumulativeChart({ worst: [-100, 20, 20], expected: [-100, 60, 60, 60] });
    expect(chart.years).toEqual([0, 1, 2, 3]);
    expect(chart.series).toEqual([
      { scenario: 'worst', cumulative: [-100, -80, -60, -60] },
      { scenario: 'expected', cumulative: [-100, -40, 20, 80] },
    ]);
  });

  it('is empty without scenarios', () => {
    expect(cumulativeChart({})).toEqual({ years: [], series: [] });
  });
});
