import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateProductionKpis, type WorkCentreShift } from './kpis';
import { shiftAtInstant } from './shift-at-instant';

const shift = (name: string, start: number, end: number): WorkCentreShift => ({ workCentreId: 'wc', name, window: { start, end }, breaks: [] });

describe('shiftAtInstant', () => {
  it('gives the shift that started first where shifts overlap, null outside', () => {
    const shifts = [shift('late', 10, 20), shift('early', 0, 12)];
    expect(shiftAtInstant(shifts, 0)).toBe('early');
    expect(shiftAtInstant(shifts, 11)).toBe('early');
    expect(shiftAtInstant(shifts, 12)).toBe('late');
    expect(shiftAtInstant(shifts, 20)).toBeNull();
    expect(shiftAtInstant([], 5)).toBeNull();
  });

  it('puts a quantity booking into the same shift row as the KPIs do', () => {
    const arbShift = fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1, max: 30 }))
      .map(([name, start, length]) => shift(name, start, start + length));
    fc.assert(fc.property(fc.array(arbShift, { maxLength: 5 }), fc.integer({ min: 0, max: 119 }), (shifts, at) => {
      const rows = aggregateProductionKpis({
        period: { start: 0, end: 120 },
        shifts,
        runs: [],
        quantities: [{ workCentreId: 'wc', at, good: 1, scrap: 0, idealCycleMs: 1 }],
      }, ['shift']);
      const row = rows.find((r) => r.good === 1);
      expect(row?.shift).toBe(shiftAtInstant(shifts, at));
    }));
  });
});
