import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParameterDefinition, checkParameterValues, isOutOfTolerance, recordParameters, toleranceLimits } from './process-parameters';

const current: ParameterDefinition = { id: 'current', label: { de: 'Schweißstrom', en: 'Welding current' }, type: 'number', unit: 'A', target: 180, lowerTolerance: 10, upperTolerance: 15, required: true };
const gas: ParameterDefinition = { id: 'gas', label: { de: 'Schutzgas', en: 'Shielding gas' }, type: 'choice', options: ['M21', 'Argon'], required: false };
const note: ParameterDefinition = { id: 'note', label: { de: 'Bemerkung', en: 'Note' }, type: 'text', required: false };

describe('tolerance rule', () => {
  it('is inside within and at the limits, outside beyond them', () => {
    expect(toleranceLimits(current)).toEqual({ lower: 170, upper: 195 });
    expect([169.9, 170, 180, 195, 195.1].map((v) => isOutOfTolerance(v, current))).toEqual([true, false, false, false, true]);
  });

  it('treats decimal limits exactly despite binary rounding', () => {
    const voltage = { target: 24.1, lowerTolerance: 0.1, upperTolerance: 0.2 };
    expect(isOutOfTolerance(24, voltage)).toBe(false);
    expect(isOutOfTolerance(24.3, voltage)).toBe(false);
    expect(isOutOfTolerance(23.99, voltage)).toBe(true);
    expect(isOutOfTolerance(24.31, voltage)).toBe(true);
  });

  it('is unbounded without target or on a side without tolerance', () => {
    expect(isOutOfTolerance(1e9, {})).toBe(false);
    expect(isOutOfTolerance(-1e9, { target: 10, upperTolerance: 1 })).toBe(false);
    expect(isOutOfTolerance(12, { target: 10, upperTolerance: 1 })).toBe(true);
    expect(isOutOfTolerance(10, { target: 10, lowerTolerance: 0, upperTolerance: 0 })).toBe(false);
  });

  const arb = fc.record({
    target: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
    lowerTolerance: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
    upperTolerance: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
  });

  it('property: every value from lower to upper limit is inside, the limits included', () => {
    fc.assert(fc.property(arb, fc.double({ min: 0, max: 1, noNaN: true }), (def, share) => {
      const { lower, upper } = toleranceLimits(def) as { lower: number; upper: number };
      expect(isOutOfTolerance(lower, def)).toBe(false);
      expect(isOutOfTolerance(upper, def)).toBe(false);
      expect(isOutOfTolerance(lower + (upper - lower) * share, def)).toBe(false);
    }));
  });

  it('property: every value beyond a limit by at least 0.01 is outside', () => {
    fc.assert(fc.property(arb, fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 100), (def, beyond) => {
      const { lower, upper } = toleranceLimits(def) as { lower: number; upper: number };
      expect(isOutOfTolerance(lower - beyond, def)).toBe(true);
      expect(isOutOfTolerance(upper + beyond, def)).toBe(true);
    }));
  });
});

describe('checking and recording values', () => {
  const defs = [current, gas, note];

  it('accepts fitting values and records unit and flag', () => {
    const values = [{ name: 'current', value: 200 }, { name: 'gas', value: 'M21' }, { name: 'note', value: ' Naht 2 ' }];
    expect(checkParameterValues(defs, values)).toEqual([]);
    expect(recordParameters(defs, values)).toEqual([
      { name: 'current', value: 200, unit: 'A', outOfTolerance: true },
      { name: 'gas', value: 'M21', outOfTolerance: false },
      { name: 'note', value: 'Naht 2', outOfTolerance: false },
    ]);
  });

  it('names every problem', () => {
    expect(checkParameterValues(defs, [
      { name: 'voltage', value: 24 },
      { name: 'gas', value: 'CO2' },
      { name: 'note', value: '  ' },
      { name: 'gas', value: 'M21' },
    ])).toEqual([
      { index: 0, name: 'voltage', code: 'unknown' },
      { index: 1, name: 'gas', code: 'notAnOption' },
      { index: 2, name: 'note', code: 'notAText' },
      { index: 3, name: 'gas', code: 'twice' },
      { index: null, name: 'current', code: 'missing' },
    ]);
    expect(checkParameterValues(defs, [{ name: 'current', value: '180' }])).toEqual([{ index: 0, name: 'current', code: 'notANumber' }]);
  });
});
