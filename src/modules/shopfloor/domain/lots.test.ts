import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NumberContext, type PatternToken, counterScope, datePartsIn, formatNumber, issueNumbers, parsePattern, readNumber } from './lots.js';

const tokensOf = (pattern: string): PatternToken[] => {
  const r = parsePattern(pattern);
  if (!r.ok) throw new Error(r.problem);
  return r.tokens;
};
const ctx: NumberContext = { year: 2026, month: 3, partNumber: '4711' };

describe('lot and serial patterns', () => {
  it('formats lot numbers per year and serials per part', () => {
    expect(formatNumber(tokensOf('L-{YYYY}-{counter:6}'), ctx, 123)).toEqual({ ok: true, value: 'L-2026-000123' });
    expect(formatNumber(tokensOf('{part}-{YY}-{counter:5}'), ctx, 42)).toEqual({ ok: true, value: '4711-26-00042' });
    expect(formatNumber(tokensOf('CH{YY}{MM}{counter}'), ctx, 7)).toEqual({ ok: true, value: 'CH2603000007' });
    expect(counterScope(tokensOf('L-{YYYY}-{counter:6}'), ctx)).toBe('y2026');
    expect(counterScope(tokensOf('{part}-{YY}-{counter:5}'), ctx)).toBe('p4711|y26');
    expect(counterScope(tokensOf('S{counter:8}'), ctx)).toBe('all');
  });

  it.each([
    ['', 'empty'],
    ['L-{YYYY}', 'no-counter'],
    ['L-{counter}-{counter}', 'several-counters'],
    ['{part}{part}{counter}', 'several-parts'],
    ['L-{YYYY-{counter}', 'unbalanced-brace'],
    ['L-}{counter}', 'unbalanced-brace'],
    ['L-{counter', 'unbalanced-brace'],
    ['L-{DD}-{counter}', 'unknown-token'],
    ['L {counter}', 'illegal-character'],
    ['Ä{counter}', 'illegal-character'],
    ['L-{counter:2}', 'counter-width-out-of-range'],
    ['L-{counter:13}', 'counter-width-out-of-range'],
    ['L-{MM}-{counter}', 'month-without-year'],
    ['L-'.repeat(17) + '{counter}', 'too-long'],
  ])('refuses %j as %s', (pattern, problem) => {
    expect(parsePattern(pattern)).toEqual({ ok: false, problem });
  });

  it('refuses a counter beyond its width, a missing or unusable part number and a bad date', () => {
    const lot = tokensOf('L-{YYYY}-{counter:3}');
    expect(formatNumber(lot, ctx, 999)).toEqual({ ok: true, value: 'L-2026-999' });
    expect(formatNumber(lot, ctx, 1000)).toEqual({ ok: false, problem: 'counter-exhausted' });
    expect(formatNumber(lot, ctx, 0)).toEqual({ ok: false, problem: 'counter-exhausted' });
    expect(issueNumbers(lot, ctx, 997, 3)).toEqual({ ok: false, problem: 'counter-exhausted' });
    const serial = tokensOf('{part}-{counter}');
    expect(formatNumber(serial, { year: 2026, month: 1 }, 1)).toEqual({ ok: false, problem: 'part-number-missing' });
    expect(formatNumber(serial, { ...ctx, partNumber: 'Welle 12' }, 1)).toEqual({ ok: false, problem: 'part-number-not-usable' });
    expect(formatNumber(serial, { ...ctx, partNumber: 'X'.repeat(40) }, 1)).toEqual({ ok: false, problem: 'number-too-long' });
    expect(formatNumber(lot, { year: 2026, month: 13 }, 1)).toEqual({ ok: false, problem: 'invalid-context' });
  });

  it('issues consecutive serials for a production order of single parts', () => {
    expect(issueNumbers(tokensOf('{part}-{YY}-{counter:5}'), ctx, 41, 3)).toEqual({ ok: true, values: ['4711-26-00042', '4711-26-00043', '4711-26-00044'], lastCounter: 44 });
  });

  it('reads a number back and refuses what does not fit the pattern', () => {
    const serial = tokensOf('S-{part}-{YY}-{counter:5}');
    expect(readNumber(serial, 'S-A-1-26-00042')).toEqual({ partNumber: 'A-1', year2: 26, counter: 42 });
    expect(readNumber(serial, 'S-A-1-26-0042')).toBeNull();
    expect(readNumber(tokensOf('L-{YYYY}-{counter:6}'), 'L-2026-000000')).toBeNull();
    expect(readNumber(tokensOf('L.{YYYY}.{counter:6}'), 'LX2026.000001')).toBeNull();
    expect(readNumber(tokensOf('{YYYY}{YY}{counter}'), '202625000001')).toBeNull();
    expect(readNumber(tokensOf('{YY}{MM}{counter}'), '2613000001')).toBeNull();
  });

  it('takes the year in the firm\'s time zone', () => {
    const newYearsEveLate = Date.UTC(2026, 11, 31, 23, 30);
    expect(datePartsIn(newYearsEveLate, 'Europe/Berlin')).toEqual({ year: 2027, month: 1 });
    expect(datePartsIn(newYearsEveLate, 'UTC')).toEqual({ year: 2026, month: 12 });
  });
});

const patternArb = fc
  .tuple(fc.constantFrom('L-', 'CH', 'S/', ''), fc.constantFrom('{YYYY}', '{YY}', '{YY}{MM}', '{YYYY}-{MM}', ''), fc.constantFrom('-', '.', ''), fc.constantFrom('{part}-', ''), fc.integer({ min: 3, max: 7 }))
  .map(([prefix, date, sep, part, width]) => `${prefix}${date}${sep}${part}{counter:${width}}`);
const ctxArb = fc.record({ year: fc.integer({ min: 2000, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), partNumber: fc.constantFrom('4711', 'A-1', 'W.12', '9') });

describe('numbers from any pattern', () => {
  it('read back to what they were made from', () => {
    fc.assert(
      fc.property(patternArb, ctxArb, fc.integer({ min: 1, max: 999 }), (pattern, c, counter) => {
        const tokens = tokensOf(pattern);
        const r = formatNumber(tokens, c, counter);
        if (!r.ok) throw new Error(r.problem);
        const read = readNumber(tokens, r.value);
        expect(read).not.toBeNull();
        expect(read!.counter).toBe(counter);
        if (pattern.includes('{YYYY}')) expect(read!.year).toBe(c.year);
        if (pattern.includes('{YY}')) expect(read!.year2).toBe(c.year % 100);
        if (pattern.includes('{MM}')) expect(read!.month).toBe(c.month);
        if (pattern.includes('{part}')) expect(read!.partNumber).toBe(c.partNumber);
      }),
    );
  });

  it('are never issued twice: different scopes or counters give different numbers', () => {
    fc.assert(
      fc.property(patternArb, ctxArb, ctxArb, fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }), (pattern, a, b, ca, cb) => {
        const tokens = tokensOf(pattern);
        const na = formatNumber(tokens, a, ca);
        const nb = formatNumber(tokens, b, cb);
        if (!na.ok || !nb.ok) throw new Error('format');
        const sameSlot = counterScope(tokens, a) === counterScope(tokens, b) && ca === cb;
        expect(na.value === nb.value).toBe(sameSlot);
      }),
    );
  });

  it('issue the requested count of distinct consecutive numbers', () => {
    fc.assert(
      fc.property(patternArb, ctxArb, fc.nat(500), fc.integer({ min: 1, max: 50 }), (pattern, c, last, count) => {
        const r = issueNumbers(tokensOf(pattern), c, last, count);
        if (!r.ok) throw new Error(r.problem);
        expect(new Set(r.values).size).toBe(count);
        expect(r.lastCounter).toBe(last + count);
        expect(r.values.map((v) => readNumber(tokensOf(pattern), v)!.counter)).toEqual(Array.from({ length: count }, (_, i) => last + 1 + i));
      }),
    );
  });
});
