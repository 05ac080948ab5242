import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ProductionDimension, type ProductionKpiRow, aggregateProductionKpis } from './kpis';
import { rollUp } from './kpi-roll-up';
import { cellsOfRows, rowsOfCells } from './controlling-days';

const H = 3_600_000;
const DAY = 24 * H;
const START = Date.UTC(2026, 2, 27, 23); // 28 March 2026, local midnight in Berlin: a clock change inside

const arbFacts = fc.record({
  shifts: fc.array(fc.record({ wc: fc.constantFrom('a', 'b'), name: fc.constantFrom('early', 'late'), day: fc.integer({ min: 0, max: 3 }), from: fc.integer({ min: 0, max: 20 }), len: fc.integer({ min: 1, max: 10 }), brk: fc.boolean() }), { maxLength: 8 }),
  runs: fc.array(fc.record({ wc: fc.constantFrom('a', 'b'), at: fc.integer({ min: -10, max: 100 }), len: fc.integer({ min: 0, max: 30 }) }), { maxLength: 8 }),
  quantities: fc.array(fc.record({ wc: fc.constantFrom('a', 'b'), at: fc.integer({ min: 0, max: 4 * 24 * 60 - 1 }), good: fc.integer({ min: 0, max: 50 }), scrap: fc.integer({ min: 0, max: 5 }), cycle: fc.integer({ min: 1, max: 600 }) }), { maxLength: 10 }),
}).map((f) => ({
  period: { start: START, end: START + 4 * DAY - H },
  timeZone: 'Europe/Berlin',
  workCentreIds: ['a', 'b'],
  shifts: f.shifts.map((s) => {
    const start = START + s.day * DAY + s.from * H;
    return { workCentreId: s.wc, name: s.name, window: { start, end: start + s.len * H }, breaks: s.brk && s.len > 2 ? [{ start: start + H, end: start + 1.5 * H }] : [] };
  }),
  runs: f.runs.map((r) => ({ workCentreId: r.wc, start: START + r.at * H, end: START + (r.at + r.len) * H })),
  quantities: f.quantities.filter((q) => q.good + q.scrap > 0).map((q) => ({ workCentreId: q.wc, at: START + q.at * 60_000, good: q.good, scrap: q.scrap, idealCycleMs: q.cycle * 1000 })),
}));

const strip = (rows: ProductionKpiRow[]) => rows.map((r) => ({ ...r }));

describe('rollUp', () => {
  const pairs: Array<[ProductionDimension[], ProductionDimension[]]> = [
    [['workCentre', 'day'], ['day']], [['workCentre', 'day'], ['workCentre']], [['workCentre', 'day'], []],
    [['workCentre', 'shift'], ['shift']], [['workCentre', 'month'], []], [['workCentre', 'shift'], ['workCentre']],
  ];
  for (const [fine, coarse] of pairs) {
    it(`summing ${fine.join('×')} to ${coarse.join('×') || 'total'} gives what aggregating again gives (property)`, () => {
      fc.assert(fc.property(arbFacts, (facts) => {
        const rolled = strip(rollUp(aggregateProductionKpis(facts, fine), coarse));
        const direct = strip(aggregateProductionKpis(facts, coarse));
        expect(rolled.length).toBe(direct.length);
        rolled.forEach((r, i) => {
          const d = direct[i]!;
          for (const [k, v] of Object.entries(d)) {
            if (typeof v === 'number') expect(r[k as keyof ProductionKpiRow] as number, k).toBeCloseTo(v, 6);
            else expect(r[k as keyof ProductionKpiRow], k).toEqual(v);
          }
        });
      }), { numRuns: 150 });
    });
  }
});

describe('kept day cells', () => {
  const groupings: ProductionDimension[][] = [['workCentre', 'day'], ['workCentre', 'month'], ['workCentre', 'shift'], ['day'], ['month'], ['shift'], ['workCentre'], []];
  for (const coarse of groupings) {
    it(`cells of work centre × day × shift, summed to ${coarse.join('×') || 'total'}, give what aggregating again gives (property)`, () => {
      fc.assert(fc.property(arbFacts, (facts) => {
        const cells = cellsOfRows(aggregateProductionKpis(facts, ['workCentre', 'day', 'shift']));
        const rolled = strip(rollUp(rowsOfCells(cells), coarse));
        const direct = strip(aggregateProductionKpis(facts, coarse));
        expect(rolled.length).toBe(direct.length);
        rolled.forEach((r, i) => {
          const d = direct[i]!;
          expect(Object.keys(r).sort()).toEqual(Object.keys(d).sort());
          for (const [k, v] of Object.entries(d)) {
            if (typeof v === 'number') expect(r[k as keyof ProductionKpiRow] as number, k).toBeCloseTo(v, 6);
            else expect(r[k as keyof ProductionKpiRow], k).toEqual(v);
          }
        });
      }), { numRuns: 150 });
    });
  }

  it('every day of every work centre has cells, and their calendar time is the length of the local day', () => {
    fc.assert(fc.property(arbFacts, (facts) => {
      const cells = cellsOfRows(aggregateProductionKpis(facts, ['workCentre', 'day', 'shift']));
      for (const wc of facts.workCentreIds) {
        const days = cells.get(wc)!;
        expect([...days.keys()]).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
        // 29 March has 23 hours in Berlin (the clock moves forward)
        expect([...days.values()].map((list) => list.reduce((s, c) => s + c.calendarMs, 0))).toEqual([24 * H, 23 * H, 24 * H, 24 * H]);
      }
    }), { numRuns: 50 });
  });
});
