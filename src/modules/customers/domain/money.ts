/**
 * Money as integer minor units (cents) with an ISO 4217 currency; no float ever touches an amount.
 *
 * Rounding rule (stated once, used everywhere): a product or quotient that does not come out in
 * whole cents is rounded commercially — half away from zero ("kaufmännisch runden", as DIN 1333
 * and German invoicing practice do). Intermediate products are computed in BigInt, so no amount
 * below Number.MAX_SAFE_INTEGER cents loses precision.
 */

/** Currencies a quote may be written in; all have two minor digits (cents). */
export const currencies = ['EUR', 'CHF', 'USD', 'GBP', 'PLN', 'CZK', 'DKK', 'SEK', 'HUF'] as const;
export type Currency = (typeof currencies)[number];

export interface Money {
  /** integer minor units (cents); may be negative for credits */
  cents: number;
  currency: Currency;
}

/** Quantities as integer thousandths (2.5 h → 2500), so a quantity is exact as well. */
export const QUANTITY_SCALE = 1000;
/** Rates (discount, VAT) as integer basis points (19 % → 1900). */
export const BASIS_POINTS = 10_000;

export type MoneyProblem = 'not-integer-cents' | 'unsafe-amount' | 'unknown-currency' | 'currency-mismatch';

export function isCurrency(code: string): code is Currency {
  return (currencies as readonly string[]).includes(code);
}

export function moneyProblem(m: { cents: number; currency: string }): MoneyProblem | null {
  if (!isCurrency(m.currency)) return 'unknown-currency';
  if (!Number.isInteger(m.cents)) return 'not-integer-cents';
  if (!Number.isSafeInteger(m.cents)) return 'unsafe-amount';
  return null;
}

/** n / d rounded half away from zero (d > 0). */
export function divideRounded(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('divisor must be positive');
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

function toSafeNumber(v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError('amount exceeds the safe integer range');
  return n;
}

/** `cents × numerator / denominator`, rounded half away from zero, exact on the way. */
export function scaleCents(cents: number, numerator: number, denominator: number): number {
  return toSafeNumber(divideRounded(BigInt(cents) * BigInt(numerator), BigInt(denominator)));
}

/** Sum of amounts of one currency; null for an empty list is avoided by passing the currency. */
export function sumMoney(currency: Currency, amounts: readonly Money[]): Money {
  let total = 0n;
  for (const a of amounts) {
    if (a.currency !== currency) throw new RangeError('currency-mismatch');
    total += BigInt(a.cents);
  }
  return { cents: toSafeNumber(total), currency };
}

/**
 * Net amount of a position: quantity (thousandths) × unit price, less the discount (basis points),
 * rounded once, half away from zero, to whole cents.
 */
export function positionNet(quantityMilli: number, unitPrice: Money, discountBasisPoints = 0): Money {
  const gross = BigInt(quantityMilli) * BigInt(unitPrice.cents) * BigInt(BASIS_POINTS - discountBasisPoints);
  const cents = divideRounded(gross, BigInt(QUANTITY_SCALE) * BigInt(BASIS_POINTS));
  return { cents: toSafeNumber(cents), currency: unitPrice.currency };
}

/**
 * Split an amount into parts proportional to `weights` so that the parts add up exactly to the
 * amount (largest remainder; ties go to the earlier part). Used for partial deliveries and
 * discounts spread over positions.
 */
export function allocate(amount: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) return [];
  if (weights.some((w) => !Number.isInteger(w) || w < 0)) throw new RangeError('weights must be non-negative integers');
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  if (totalWeight === 0) return weights.map((_, i) => ({ cents: i === 0 ? amount.cents : 0, currency: amount.currency }));
  const total = BigInt(amount.cents);
  const sign = total < 0n ? -1n : 1n;
  const abs = total * sign;
  const tw = BigInt(totalWeight);
  const shares = weights.map((w) => (abs * BigInt(w)) / tw);
  const remainders = weights.map((w, i) => ({ i, r: (abs * BigInt(w)) % tw }));
  let left = abs - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i] = shares[i]! + 1n;
    left -= 1n;
  }
  return shares.map((s) => ({ cents: toSafeNumber(s * sign), currency: amount.currency }));
}
