import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, divideRounded, moneyProblem, positionNet, scaleCents, sumMoney } from './money.js';

const eur = (cents: number) => ({ cents, currency: 'EUR' as const });

describe('divideRounded (half away from zero)', () => {
  it('rounds halves away from zero and everything else to the nearest', () => {
    expect([5n, 15n, 25n, -5n, -15n, 14n, -14n, 16n].map((n) => divideRounded(n, 10n))).toEqual([1n, 2n, 3n, -1n, -2n, 1n, -1n, 2n]);
    expect(divideRounded(7n, 1n)).toBe(7n);
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });

  it('is the nearest integer to the exact quotient, ties away from zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const q = divideRounded(n, d);
        const error = q * d - n; // exact error times d
        const abs = error < 0n ? -error : error;
        expect(abs * 2n <= d).toBe(true);
        if (abs * 2n === d) expect(q * d - n > 0n === n > 0n).toBe(true); // a tie moves away from zero
      }),
    );
  });
});

describe('position net amounts', () => {
  it('multiplies whole quantities exactly and rounds fractional ones once', () => {
    expect(positionNet(12_000, eur(1999))).toEqual(eur(23_988));
    expect(positionNet(2_500, eur(8_550))).toEqual(eur(21_375)); // 2.5 h × 85.50 €
    expect(positionNet(1_000, eur(1), 5_000)).toEqual(eur(1)); // 0.5 ct rounds up
    expect(positionNet(3_000, eur(333), 1_000)).toEqual(eur(899)); // 999 − 10 % = 899.1 → 899
    expect(positionNet(333, eur(100))).toEqual(eur(33)); // 0.333 × 1 € = 33.3 ct
  });

  it('equals quantity × price for whole pieces without discount, with no float drift even for large amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (pieces, cents) => {
        expect(positionNet(pieces * 1000, eur(cents)).cents).toBe(pieces * cents);
      }),
    );
  });

  it('never grows with a bigger discount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (q, c, d1, d2) => {
        const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(positionNet(q, eur(c), hi).cents).toBeLessThanOrEqual(positionNet(q, eur(c), lo).cents);
      }),
    );
  });
});

describe('money checks and sums', () => {
  it('names what is wrong with an amount', () => {
    expect(moneyProblem(eur(100))).toBeNull();
    expect(moneyProblem(eur(1.5))).toBe('not-integer-cents');
    expect(moneyProblem(eur(2 ** 60))).toBe('unsafe-amount');
    expect(moneyProblem({ cents: 1, currency: 'XYZ' })).toBe('unknown-currency');
  });

  it('refuses to add different currencies and to leave the safe range', () => {
    expect(() => sumMoney('EUR', [eur(1), { cents: 1, currency: 'CHF' }])).toThrow('currency-mismatch');
    expect(() => sumMoney('EUR', [eur(Number.MAX_SAFE_INTEGER), eur(1)])).toThrow(RangeError);
    expect(sumMoney('EUR', [])).toEqual(eur(0));
    expect(scaleCents(1000, 19, 100)).toBe(190);
  });
});

describe('allocate', () => {
  it('splits 100.00 € in thirds as 33.34 + 33.33 + 33.33', () => {
    expect(allocate(eur(10_000), [1, 1, 1]).map((m) => m.cents)).toEqual([3334, 3333, 3333]);
    expect(allocate(eur(-10_000), [1, 1, 1]).map((m) => m.cents)).toEqual([-3334, -3333, -3333]);
    expect(allocate(eur(5), [0, 0])).toEqual([eur(5), eur(0)]);
  });

  it('always adds up exactly and keeps every part within one cent of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 12 }), (cents, weights) => {
        const parts = allocate(eur(cents), weights);
        expect(parts.reduce((a, p) => a + p.cents, 0)).toBe(cents);
        const total = weights.reduce((a, b) => a + b, 0);
        if (total === 0) return;
        parts.forEach((p, i) => expect(Math.abs(p.cents - (cents * weights[i]!) / total)).toBeLessThan(1));
      }),
    );
  });
});
