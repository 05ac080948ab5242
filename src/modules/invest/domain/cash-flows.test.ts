import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCashFlows, netCashFlows, type CashFlowInput } from './cash-flows.js';

describe('buildCashFlows', () => {
  it('puts the investment in year 0, the yearly lines in years 1 … horizon and the residual value at the end', () => {
    const years = buildCashFlows({
      horizonYears: 3,
      investmentCents: 1_000_000,
      runningCostsPerYearCents: 100_000,
      savingsPerYearCents: 400_000,
      extraRevenuePerYearCents: 50_000,
      residualValueCents: 200_000,
    });
    // year 0: -1 000 000; years 1–3: -100 000 + 400 000 + 50 000 = 350 000; year 3 adds 200 000
    expect(netCashFlows(years)).toEqual([-1_000_000, 350_000, 350_000, 550_000]);
    expect(years[3]).toEqual({
      year: 3,
      investment: 0,
      subsidy: 0,
      runningCosts: -100_000,
      savings: 400_000,
      extraRevenue: 50_000,
      residualValue: 200_000,
      net: 550_000,
    });
    expect(years.every((y) => !Object.is(y.investment, -0) && !Object.is(y.runningCosts, -0))).toBe(true);
  });

  it('spreads the investment by shares without losing a cent', () => {
    // 100 001 · 0.6 = 60 000.6 → 60 001 in year 0; the rest 40 000 in year 1
    const years = buildCashFlows({ horizonYears: 2, investmentCents: 100_001, investmentSchedule: [0.6, 0.4] });
    expect(years.map((y) => y.investment)).toEqual([-60_001, -40_000, 0]);
  });

  it('receives a subsidy rate pro rata with the investment', () => {
    // 40 % of 100 000 = 40 000, half in each year of the investment
    const years = buildCashFlows({
      horizonYears: 2,
      investmentCents: 100_000,
      investmentSchedule: [0.5, 0.5],
      subsidy: { rate: 0.4 },
    });
    expect(years.map((y) => y.subsidy)).toEqual([20_000, 20_000, 0]);
    expect(netCashFlows(years)).toEqual([-30_000, -30_000, 0]);
  });

  it('receives a subsidy amount in the given year', () => {
    const years = buildCashFlows({
      horizonYears: 3,
      investmentCents: 100_000,
      subsidy: { amountCents: 30_000 },
      subsidyYear: 1,
    });
    expect(years.map((y) => y.subsidy)).toEqual([0, 30_000, 0, 0]);
  });

  it('escalates yearly lines from the operation start year', () => {
    // savings 100 000 growing 10 %: 100 000, 110 000, 121 000; costs 10 000 growing 2 %: 10 000, 10 200, 10 404
    const years = buildCashFlows({
      horizonYears: 4,
      investmentCents: 0,
      operationStartYear: 2,
      savingsPerYearCents: 100_000,
      runningCostsPerYearCents: 10_000,
      growthRates: { savings: 0.1, runningCosts: 0.02 },
    });
    expect(years.map((y) => y.savings)).toEqual([0, 0, 100_000, 110_000, 121_000]);
    expect(years.map((y) => y.runningCosts)).toEqual([0, 0, -10_000, -10_200, -10_404]);
  });

  it('takes a negative residual value as a dismantling cost', () => {
    const years = buildCashFlows({ horizonYears: 2, investmentCents: 10_000, residualValueCents: -2_000 });
    expect(netCashFlows(years)).toEqual([-10_000, 0, -2_000]);
  });

  it('rejects invalid inputs naming the field', () => {
    const base: CashFlowInput = { horizonYears: 5, investmentCents: 100_000 };
    const cases: Array<[Partial<CashFlowInput>, string]> = [
      [{ horizonYears: 0 }, 'horizonYears'],
      [{ horizonYears: 2.5 }, 'horizonYears'],
      [{ horizonYears: 101 }, 'horizonYears'],
      [{ investmentCents: -1 }, 'investmentCents'],
      [{ investmentCents: Number.NaN }, 'investmentCents'],
      [{ savingsPerYearCents: -5 }, 'savingsPerYearCents'],
      [{ investmentSchedule: [0.5, 0.4] }, 'investmentSchedule'],
      [{ investmentSchedule: [1.5, -0.5] }, 'investmentSchedule'],
      [{ investmentSchedule: [0.2, 0.2, 0.2, 0.2, 0.1, 0.05, 0.05] }, 'investmentSchedule'],
      [{ subsidy: { rate: 1.2 } }, 'subsidy.rate'],
      [{ subsidy: { amountCents: 100_001 } }, 'subsidy.amountCents'],
      [{ subsidyYear: 6 }, 'subsidyYear'],
      [{ operationStartYear: -1 }, 'operationStartYear'],
      [{ growthRates: { savings: -1 } }, 'growthRates.savings'],
    ];
    for (const [change, field] of cases) {
      expect(() => buildCashFlows({ ...base, ...change }), field).toThrow(new RegExp(`^${field.replace('.', '\\.')} `));
    }
  });

  it('keeps every line in whole cents and the net the exact sum of its lines', () => {
    const input = fc.record({
      horizonYears: fc.integer({ min: 2, max: 30 }),
      investmentCents: fc.integer({ min: 0, max: 1_000_000_000 }),
      shares: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 3 }),
      subsidyRate: fc.double({ min: 0, max: 1, noNaN: true }),
      runningCostsPerYearCents: fc.integer({ min: 0, max: 100_000_000 }),
      savingsPerYearCents: fc.integer({ min: 0, max: 100_000_000 }),
      extraRevenuePerYearCents: fc.integer({ min: 0, max: 100_000_000 }),
      residualValueCents: fc.integer({ min: -10_000_000, max: 100_000_000 }),
      growth: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
    });
    fc.assert(
      fc.property(input, (i) => {
        const total = i.shares.reduce((a, b) => a + b, 0);
        const years = buildCashFlows({
          horizonYears: i.horizonYears,
          investmentCents: i.investmentCents,
          investmentSchedule: i.shares.map((s) => s / total),
          subsidy: { rate: i.subsidyRate },
          runningCostsPerYearCents: i.runningCostsPerYearCents,
          savingsPerYearCents: i.savingsPerYearCents,
          extraRevenuePerYearCents: i.extraRevenuePerYearCents,
          residualValueCents: i.residualValueCents,
          growthRates: { savings: i.growth },
        });
        expect(years).toHaveLength(i.horizonYears + 1);
        const sum = (pick: (y: (typeof years)[number]) => number) => years.reduce((s, y) => s + pick(y), 0);
        expect(sum((y) => y.investment) + i.investmentCents).toBe(0);
        expect(sum((y) => y.subsidy)).toBe(Math.round(i.investmentCents * i.subsidyRate));
        for (const y of years) {
          const lines = [y.investment, y.subsidy, y.runningCosts, y.savings, y.extraRevenue, y.residualValue];
          expect(lines.every(Number.isInteger)).toBe(true);
          expect(y.net).toBe(lines.reduce((a, b) => a + b, 0));
        }
      }),
    );
  });
});
