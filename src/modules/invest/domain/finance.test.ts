import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cumulativeFlows,
  discountedPaybackYears,
  irr,
  irrCandidates,
  npv,
  paybackYears,
  roi,
} from './finance.js';

/** Whole cents up to ±10 million euros, as euro amounts. */
const euros = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => c / 100);
/** Whole cents up to ±10 million euros, as integer cents (sums are exact). */
const cents = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 });

/** Outflows first, then inflows (one sign change), with at least one of each. */
const conventionalFlows = (amount: (min: number, max: number) => fc.Arbitrary<number>) =>
  fc
    .tuple(
      amount(-10_000_000, -0.01),
      fc.array(amount(-10_000_000, 0), { maxLength: 4 }),
      fc.array(amount(0, 10_000_000), { maxLength: 29 }),
      amount(0.01, 10_000_000),
    )
    .map(([firstOut, moreOut, inflows, lastIn]) => [firstOut, ...moreOut, ...inflows, lastIn]);

/** Any sign pattern, 2–31 years. */
const anyFlows = (amount: (min: number, max: number) => fc.Arbitrary<number>) =>
  fc.array(amount(-10_000_000, 10_000_000), { minLength: 2, maxLength: 31 });

/** Independent running total, written out rather than reusing cumulativeFlows. */
function runningTotals(flows: readonly number[]): number[] {
  const totals: number[] = [];
  for (let t = 0; t < flows.length; t++) totals.push((t === 0 ? 0 : totals[t - 1]) + flows[t]);
  return totals;
}

describe('npv', () => {
  it('discounts year t by (1 + rate)^t and leaves year 0 undiscounted', () => {
    // -1000 + 1100 / 1.05 = -1000 + 1047.619047… = 47.619047… = 1000 / 21
    expect(npv(0.05, [-1000, 1100])).toBeCloseTo(1000 / 21, 9);
    expect(npv(0.05, [-1000])).toBe(-1000);
  });

  it('matches a textbook example (-1000, 500, 400, 300, 100 at 10 %)', () => {
    // 500/1.1 = 454.545455, 400/1.21 = 330.578512, 300/1.331 = 225.394440, 100/1.4641 = 68.301346
    // -1000 + 454.545455 + 330.578512 + 225.394440 + 68.301346 = 78.819753
    expect(npv(0.1, [-1000, 500, 400, 300, 100])).toBeCloseTo(78.819753, 5);
  });

  it('matches the annuity formula for equal yearly inflows', () => {
    // annuity factor at 8 % for 5 years: (1 - 1.08^-5) / 0.08 = 3.992710
    // 15000 · 3.992710 - 50000 = 9890.65
    const factor = (1 - 1.08 ** -5) / 0.08;
    expect(npv(0.08, [-50000, 15000, 15000, 15000, 15000, 15000])).toBeCloseTo(15000 * factor - 50000, 6);
    expect(npv(0.08, [-50000, 15000, 15000, 15000, 15000, 15000])).toBeCloseTo(9890.65, 2);
  });

  it('is the plain sum at rate 0 and 0 without flows', () => {
    expect(npv(0, [-5, 3, 4])).toBe(2);
    expect(npv(0.1, [])).toBe(0);
  });

  it('rejects rates of -100 % or less and non-finite flows', () => {
    expect(() => npv(-1, [1])).toThrow(RangeError);
    expect(() => npv(Number.NaN, [1])).toThrow(RangeError);
    expect(() => npv(0.1, [Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it('decreases with the rate when only year 0 is an outflow', () => {
    fc.assert(
      fc.property(
        euros(-10_000_000, -0.01),
        fc.array(euros(0, 10_000_000), { minLength: 1, maxLength: 30 }),
        fc.double({ min: -0.9, max: 2, noNaN: true }),
        fc.double({ min: -0.9, max: 2, noNaN: true }),
        (outlay, inflows, r1, r2) => {
          fc.pre(inflows.some((f) => f > 0) && Math.abs(r1 - r2) > 1e-6);
          const flows = [outlay, ...inflows];
          const [low, high] = r1 < r2 ? [r1, r2] : [r2, r1];
          expect(npv(low, flows)).toBeGreaterThan(npv(high, flows));
        },
      ),
    );
  });

  it('is positive below the IRR and negative above it for conventional flows', () => {
    fc.assert(
      fc.property(conventionalFlows(cents), fc.double({ min: -0.95, max: 5, noNaN: true }), (flows, rate) => {
        const r = irr(flows)!;
        fc.pre(Math.abs(rate - r) > 1e-6);
        expect(npv(rate, flows) > 0).toBe(rate < r);
      }),
    );
  });
});

describe('irr', () => {
  it('is 10 % for -1000 now and 1100 in a year', () => {
    expect(irr([-1000, 1100])).toBeCloseTo(0.1, 12);
  });

  it('solves the two-year case in closed form (-100, 60, 60)', () => {
    // -100 + 60x + 60x² = 0 with x = 1/(1+r)  →  x = (-60 + √(60² + 4·60·100)) / (2·60) = (-60 + √27600) / 120
    // x = 0.884437…, r = 1/x - 1 = 0.130662… (13.07 %)
    const x = (-60 + Math.sqrt(27600)) / 120;
    expect(irr([-100, 60, 60])).toBeCloseTo(1 / x - 1, 12);
    expect(irr([-100, 60, 60])).toBeCloseTo(0.130662, 6);
  });

  it('matches textbook values computed independently', () => {
    // Roots of the NPV polynomial found with a general polynomial root finder:
    // -1000, 500, 400, 300, 100             → 14.4888 %
    // -50000, 5 × 15000                     → 15.2382 % (annuity factor 3.3333 at that rate)
    // -60000, 5 × 10000 (loses 10000)       → -5.7850 %
    expect(irr([-1000, 500, 400, 300, 100])).toBeCloseTo(0.1448884428, 9);
    expect(irr([-50000, 15000, 15000, 15000, 15000, 15000])).toBeCloseTo(0.1523823712, 9);
    expect(irr([-60000, 10000, 10000, 10000, 10000, 10000])).toBeCloseTo(-0.0578502657, 9);
  });

  it('handles very high and very negative rates', () => {
    // -1 + 1000 / (1 + r) = 0  →  r = 999;  -1000 + 1 / (1 + r) = 0  →  r = -0.999
    expect(irr([-1, 1000])).toBeCloseTo(999, 6);
    expect(irr([-1000, 1])).toBeCloseTo(-0.999, 12);
  });

  it('ignores leading and trailing zero years', () => {
    // -100 in year 2, 110 in year 3: one year apart, so 10 %
    expect(irr([0, 0, -100, 110, 0])).toBeCloseTo(0.1, 12);
  });

  it('is null when the flows do not change sign', () => {
    expect(irr([100, 200])).toBeNull();
    expect(irr([-100, -50, 0])).toBeNull();
    expect(irr([0, 0, 0])).toBeNull();
    expect(irr([-100])).toBeNull();
    expect(irr([])).toBeNull();
  });

  it('reports every rate for multiple sign changes and picks the one closest to 0', () => {
    // Pump problem: -1600 + 10000/y - 10000/y² = 0 with y = 1+r  →  1600y² - 10000y + 10000 = 0
    // y = (10000 ± √(10000² - 4·1600·10000)) / 3200 = (10000 ± 6000) / 3200 = 5 or 1.25  →  r = 400 % or 25 %
    const pump = [-1600, 10000, -10000];
    const candidates = irrCandidates(pump);
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toBeCloseTo(0.25, 10);
    expect(candidates[1]).toBeCloseTo(4, 10);
    expect(irr(pump)).toBeCloseTo(0.25, 10);
  });

  it('returns the economic rate when a dismantling cost at the end adds a second root', () => {
    // -50000, 5 × 15000, -5000: roots (polynomial root finder) at -74.935 % and +13.3095 %
    const flows = [-50000, 15000, 15000, 15000, 15000, 15000, -5000];
    const candidates = irrCandidates(flows);
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toBeCloseTo(-0.7493494631, 8);
    expect(candidates[1]).toBeCloseTo(0.1330948348, 9);
    expect(irr(flows)).toBeCloseTo(0.1330948348, 9);
  });

  it('is null when several sign changes leave no root', () => {
    // -100 + 50/y - 10/y²: discriminant 50² - 4·100·10 = -1500 < 0, no real root
    expect(irr([-100, 50, -10])).toBeNull();
  });

  it('makes the NPV zero within a cent for conventional flows that pay back', () => {
    fc.assert(
      fc.property(conventionalFlows(euros), (flows) => {
        fc.pre(flows.reduce((s, f) => s + f, 0) >= 0);
        const r = irr(flows);
        expect(r).not.toBeNull();
        expect(r!).toBeGreaterThanOrEqual(-1e-12);
        expect(Math.abs(npv(r!, flows))).toBeLessThan(0.01);
      }),
      { numRuns: 300 },
    );
  });

  it('exists and is unique for conventional flows', () => {
    fc.assert(
      fc.property(conventionalFlows(cents), (flows) => {
        expect(irrCandidates(flows)).toHaveLength(1);
      }),
    );
  });

  it('makes the NPV zero within a cent at every non-negative rate it reports for any flows', () => {
    fc.assert(
      fc.property(anyFlows(euros), (flows) => {
        for (const r of irrCandidates(flows).filter((rate) => rate >= 0)) {
          expect(Math.abs(npv(r, flows))).toBeLessThan(0.01);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('makes the NPV zero relative to the size of the discounted flows at any rate above -99 %', () => {
    // Closer to -100 % the double nearest to the root already leaves 1 + r with a relative
    // error of 1e-16 / (1 + r), which no root finder can improve on.
    fc.assert(
      fc.property(anyFlows(euros), (flows) => {
        for (const r of irrCandidates(flows).filter((rate) => rate > -0.99)) {
          const size = flows.reduce((s, f, t) => s + Math.abs(f) / (1 + r) ** t, 0);
          expect(Math.abs(npv(r, flows))).toBeLessThanOrEqual(1e-9 * size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('exists whenever the first and the last non-zero flow have opposite signs', () => {
    fc.assert(
      fc.property(anyFlows(cents), (flows) => {
        const nonZero = flows.filter((f) => f !== 0);
        fc.pre(nonZero.length >= 2 && Math.sign(nonZero[0]) !== Math.sign(nonZero.at(-1)!));
        expect(irr(flows)).not.toBeNull();
      }),
    );
  });

  it('does not change when all flows are scaled by a positive factor', () => {
    fc.assert(
      fc.property(anyFlows(cents), fc.double({ min: 0.001, max: 1000, noNaN: true }), (flows, k) => {
        const r = irr(flows);
        const scaled = irr(flows.map((f) => f * k));
        if (r === null) expect(scaled).toBeNull();
        else expect(Math.abs(scaled! - r)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r)));
      }),
      { numRuns: 300 },
    );
  });

  it('does not change when the whole project starts later', () => {
    fc.assert(
      fc.property(conventionalFlows(cents), fc.integer({ min: 1, max: 5 }), (flows, delay) => {
        const later = [...new Array<number>(delay).fill(0), ...flows];
        expect(irr(later)).toBeCloseTo(irr(flows)!, 10);
      }),
    );
  });
});

describe('paybackYears', () => {
  it('interpolates within the year the cumulative flow turns non-negative', () => {
    // cumulative: -50000, -35000, -20000, -5000, +10000  →  3 + 5000/15000 = 3.3333
    expect(paybackYears([-50000, 15000, 15000, 15000, 15000, 15000])).toBeCloseTo(10 / 3, 12);
    // cumulative: -1000, -500, -100, +200, +300  →  2 + 100/300 = 2.3333
    expect(paybackYears([-1000, 500, 400, 300, 100])).toBeCloseTo(7 / 3, 12);
  });

  it('is a whole year when the cumulative flow hits exactly zero at a year end', () => {
    // cumulative: -100, -50, 0  →  2
    expect(paybackYears([-100, 50, 50])).toBe(2);
  });

  it('is 0 when the cumulative flow is never negative', () => {
    expect(paybackYears([0, 10, 0])).toBe(0);
    expect(paybackYears([5, -5, 3])).toBe(0);
  });

  it('is null when the money is not back by the end of the horizon', () => {
    expect(paybackYears([-100, 30, 30, 30])).toBeNull();
    expect(paybackYears([])).toBeNull();
  });

  it('counts the last break-even when the cumulative flow turns negative again', () => {
    // cumulative: 100, 50, -10, +10  →  negative last in year 2  →  2 + 10/20 = 2.5
    expect(paybackYears([100, -50, -60, 20])).toBe(2.5);
    // cumulative: -100, +50, -50  →  not back at the end
    expect(paybackYears([-100, 150, -100])).toBeNull();
    // cumulative: -100, +20, -30, +10  →  2 + 30/40 = 2.75
    expect(paybackYears([-100, 120, -50, 40])).toBe(2.75);
  });

  it('treats a cumulative that is zero up to decimal rounding as zero', () => {
    // 0.1 + 0.2 - 0.3 is -5.55e-17 in binary floating point, but zero in cents
    expect(paybackYears([-0.3, 0.1, 0.2])).toBe(2);
  });

  it('is consistent with the cumulative flow', () => {
    fc.assert(
      fc.property(anyFlows(cents), (flows) => {
        const cumulative = runningTotals(flows);
        const p = paybackYears(flows);
        const last = cumulative.length - 1;
        if (p === null) {
          expect(cumulative[last]).toBeLessThan(0);
          return;
        }
        if (p === 0) {
          expect(cumulative.every((c) => c >= 0)).toBe(true);
          return;
        }
        const hi = Math.ceil(p);
        const lo = hi - 1;
        expect(cumulative[lo]).toBeLessThan(0);
        expect(cumulative[hi]).toBeGreaterThanOrEqual(0);
        expect(cumulative.slice(hi).every((c) => c >= 0)).toBe(true);
        expect(p).toBeCloseTo(lo + -cumulative[lo] / (cumulative[hi] - cumulative[lo]), 10);
      }),
      { numRuns: 500 },
    );
  });

  it('does not change when all flows are scaled by a positive factor', () => {
    fc.assert(
      fc.property(anyFlows(cents), fc.double({ min: 0.001, max: 1000, noNaN: true }), (flows, k) => {
        const p = paybackYears(flows);
        const scaled = paybackYears(flows.map((f) => f * k));
        if (p === null) expect(scaled).toBeNull();
        else expect(scaled).toBeCloseTo(p, 9);
      }),
      { numRuns: 300 },
    );
  });
});

describe('discountedPaybackYears', () => {
  it('matches hand-discounted examples', () => {
    // at 8 %: discounted inflows 13888.89, 12860.08, 11907.48, 11025.45, 10208.75
    // cumulative after year 4: -318.10  →  4 + 318.0974 / 10208.7478 = 4.031159
    expect(discountedPaybackYears(0.08, [-50000, 15000, 15000, 15000, 15000, 15000])).toBeCloseTo(4.031159, 6);
    // at 10 %: cumulative -1000, -545.45, -214.88, +10.52  →  2 + 214.876033 / 225.394440 = 2.953333
    expect(discountedPaybackYears(0.1, [-1000, 500, 400, 300, 100])).toBeCloseTo(2.953333, 6);
  });

  it('equals the simple payback at rate 0 and is null when never reached', () => {
    expect(discountedPaybackYears(0, [-1000, 500, 400, 300, 100])).toBeCloseTo(7 / 3, 12);
    // simple payback 3.33 years, but at 30 % the discounted flows never cover the outlay
    expect(discountedPaybackYears(0.3, [-50000, 15000, 15000, 15000, 15000, 15000])).toBeNull();
  });

  it('is consistent with the discounted cumulative flow', () => {
    fc.assert(
      fc.property(anyFlows(cents), fc.double({ min: -0.5, max: 1, noNaN: true }), (flows, rate) => {
        const discounted = runningTotals(flows.map((f, t) => f * (1 + rate) ** -t));
        const slack = 1e-9 * flows.reduce((s, f, t) => s + Math.abs(f) * (1 + rate) ** -t, 0);
        const p = discountedPaybackYears(rate, flows);
        if (p === null) {
          expect(discounted.at(-1)!).toBeLessThan(slack);
          return;
        }
        const hi = Math.ceil(p);
        expect(discounted.slice(hi).every((c) => c >= -slack)).toBe(true);
        if (p > 0) expect(discounted[hi - 1]).toBeLessThan(slack);
      }),
      { numRuns: 300 },
    );
  });

  it('is never shorter than the simple payback for conventional flows and a non-negative rate', () => {
    fc.assert(
      fc.property(conventionalFlows(cents), fc.double({ min: 0, max: 1, noNaN: true }), (flows, rate) => {
        const simple = paybackYears(flows);
        const discounted = discountedPaybackYears(rate, flows);
        if (simple === null) expect(discounted).toBeNull();
        if (discounted !== null) expect(discounted).toBeGreaterThanOrEqual(simple! - 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('does not change when all flows are scaled by a positive factor', () => {
    fc.assert(
      fc.property(
        anyFlows(cents),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (flows, rate, k) => {
          const p = discountedPaybackYears(rate, flows);
          const scaled = discountedPaybackYears(rate, flows.map((f) => f * k));
          if (p === null) expect(scaled).toBeNull();
          else expect(scaled).toBeCloseTo(p, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('roi', () => {
  it('divides the sum of all flows by the sum of the outflows', () => {
    // sum 20, outflows 100  →  0.2
    expect(roi([-100, 60, 60])).toBeCloseTo(0.2, 12);
    // sum 30, outflows 100 + 20 = 120  →  0.25
    expect(roi([-100, 50, -20, 100])).toBeCloseTo(0.25, 12);
    // sum -10000, outflows 60000  →  -1/6
    expect(roi([-60000, 10000, 10000, 10000, 10000, 10000])).toBeCloseTo(-1 / 6, 12);
  });

  it('is null without an outflow', () => {
    expect(roi([0, 10, 20])).toBeNull();
    expect(roi([])).toBeNull();
  });

  it('is at least -1 and unchanged by scaling', () => {
    fc.assert(
      fc.property(anyFlows(cents), fc.double({ min: 0.001, max: 1000, noNaN: true }), (flows, k) => {
        const r = roi(flows);
        if (r === null) {
          expect(flows.every((f) => f >= 0)).toBe(true);
          return;
        }
        expect(r).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(Math.abs(roi(flows.map((f) => f * k))! - r)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r)));
      }),
    );
  });
});

describe('cumulativeFlows', () => {
  it('adds up year by year', () => {
    expect(cumulativeFlows([-100, 30, 50, 40])).toEqual([-100, -70, -20, 20]);
    expect(cumulativeFlows([])).toEqual([]);
  });
});
