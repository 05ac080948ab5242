import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Interval } from './intervals';
import { computeOee, oeeFromTimes, plannedProductionTime } from './oee';

const MIN = 60_000;
// Times as minutes after 2026-03-02 00:00 UTC, to keep the examples readable.
const T0 = Date.parse('2026-03-02T00:00:00Z');
const at = (hh: number, mm = 0) => T0 + (hh * 60 + mm) * MIN;
const iv = (a: number, b: number): Interval => ({ start: a, end: b });

describe('computeOee, worked example', () => {
  // Shift 06:00–14:00 (480 min), break 09:00–09:30 → planned production time 450 min.
  // Run 06:30–13:30 (420 min) spans the break → run time 390 min.
  // 300 good + 12 scrap at 1 min ideal cycle → 312 min ideal output.
  // A = 390/450 = 13/15, P = 312/390 = 0.8, Q = 300/312 = 25/26, OEE = 2/3 (= 300 min good output ÷ 450 min).
  const r = computeOee({
    plannedWindows: [iv(at(6), at(14))],
    plannedDowntime: [iv(at(9), at(9, 30))],
    runs: [iv(at(6, 30), at(13, 30))],
    idealCycleMs: MIN,
    good: 300,
    scrap: 12,
  });

  it('times', () => {
    expect(r.plannedProductionMs).toBe(450 * MIN);
    expect(r.runMs).toBe(390 * MIN);
  });
  it('factors', () => {
    expect(r.availability).toBeCloseTo(13 / 15, 12);
    expect(r.performance).toBeCloseTo(0.8, 12);
    expect(r.quality).toBeCloseTo(25 / 26, 12);
    expect(r.oee).toBeCloseTo(2 / 3, 12);
    expect(r.performanceAboveIdeal).toBe(false);
  });
});

describe('computeOee, time rules', () => {
  const base = { plannedDowntime: [], idealCycleMs: MIN, good: 10, scrap: 0 };

  it('overlapping shift windows are merged', () => {
    const r = computeOee({ ...base, plannedWindows: [iv(at(6), at(14)), iv(at(10), at(18))], runs: [] });
    expect(r.plannedProductionMs).toBe(12 * 60 * MIN);
  });

  it('overlapping runs (two terminals on one machine) count once', () => {
    const r = computeOee({ ...base, plannedWindows: [iv(at(6), at(14))], runs: [iv(at(6), at(8)), iv(at(7), at(9))] });
    expect(r.runMs).toBe(3 * 60 * MIN);
  });

  it('runs outside the shifts do not count', () => {
    const r = computeOee({ ...base, plannedWindows: [iv(at(6), at(14))], runs: [iv(at(13), at(16)), iv(at(2), at(3))] });
    expect(r.runMs).toBe(60 * MIN);
  });

  it('a break inside a run is not run time; downtime outside the windows changes nothing', () => {
    const r = computeOee({
      ...base,
      plannedWindows: [iv(at(6), at(14))],
      plannedDowntime: [iv(at(12), at(12, 30)), iv(at(20), at(21))],
      runs: [iv(at(11), at(13))],
    });
    expect(r.plannedProductionMs).toBe(450 * MIN);
    expect(r.runMs).toBe(90 * MIN);
  });

  it('a night shift across midnight with a break after midnight', () => {
    const r = computeOee({
      ...base,
      plannedWindows: [iv(at(22), at(30))],
      plannedDowntime: [iv(at(26), at(26, 30))],
      runs: [iv(at(21), at(31))],
    });
    expect(r.plannedProductionMs).toBe(450 * MIN);
    expect(r.runMs).toBe(450 * MIN);
    expect(r.availability).toBe(1);
  });

  it('performance above 100 % is shown as is and flagged', () => {
    const r = computeOee({ ...base, plannedWindows: [iv(at(6), at(7))], runs: [iv(at(6), at(6, 30))], good: 45 });
    expect(r.performance).toBe(1.5);
    expect(r.performanceAboveIdeal).toBe(true);
    expect(r.oee).toBeCloseTo(0.5 * 1.5 * 1, 12);
  });

  it('rejects negative quantities and cycle times', () => {
    const p = { plannedWindows: [], plannedDowntime: [], runs: [], idealCycleMs: MIN, good: 1, scrap: 0 };
    expect(() => computeOee({ ...p, good: -1 })).toThrow(/good/);
    expect(() => computeOee({ ...p, scrap: -1 })).toThrow(/scrap/);
    expect(() => computeOee({ ...p, idealCycleMs: -1 })).toThrow(/idealCycleMs/);
    expect(() => computeOee({ ...p, runs: [iv(at(2), at(1))] })).toThrow(RangeError);
  });
});

describe('oeeFromTimes, zero denominators', () => {
  it('nothing planned: availability, performance and OEE are null', () => {
    expect(oeeFromTimes({ plannedProductionMs: 0, runMs: 0, idealOutputMs: 0, good: 0, scrap: 0 })).toEqual({
      availability: null, performance: null, performanceAboveIdeal: false, quality: null, oee: null,
    });
    expect(oeeFromTimes({ plannedProductionMs: 0, runMs: 0, idealOutputMs: 5, good: 5, scrap: 0 }).oee).toBeNull();
  });

  it('planned but never ran: availability 0, performance null, OEE 0', () => {
    expect(oeeFromTimes({ plannedProductionMs: 100, runMs: 0, idealOutputMs: 0, good: 0, scrap: 0 })).toEqual({
      availability: 0, performance: null, performanceAboveIdeal: false, quality: null, oee: 0,
    });
  });

  it('ran but produced nothing: performance 0, quality null, OEE 0', () => {
    expect(oeeFromTimes({ plannedProductionMs: 100, runMs: 50, idealOutputMs: 0, good: 0, scrap: 0 })).toEqual({
      availability: 0.5, performance: 0, performanceAboveIdeal: false, quality: null, oee: 0,
    });
  });

  it('only scrap: quality 0, OEE 0', () => {
    const r = oeeFromTimes({ plannedProductionMs: 100, runMs: 50, idealOutputMs: 40, good: 0, scrap: 4 });
    expect([r.quality, r.oee]).toEqual([0, 0]);
  });

  it('run time longer than planned production time is an error', () => {
    expect(() => oeeFromTimes({ plannedProductionMs: 10, runMs: 11, idealOutputMs: 0, good: 0, scrap: 0 })).toThrow(/runMs/);
  });
});

describe('properties', () => {
  const slot = fc.tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 0, max: 96 }))
    .map(([a, b]) => iv(T0 + Math.min(a, b) * 15 * MIN, T0 + Math.max(a, b) * 15 * MIN));
  const period = fc.record({
    plannedWindows: fc.array(slot, { maxLength: 5 }),
    plannedDowntime: fc.array(slot, { maxLength: 5 }),
    runs: fc.array(slot, { maxLength: 6 }),
    idealCycleMs: fc.integer({ min: 1, max: 600_000 }),
    good: fc.integer({ min: 0, max: 2000 }),
    scrap: fc.integer({ min: 0, max: 200 }),
  });
  // Quarter-hour cell model of the day: planned = in a window and not in downtime; run = planned and in a run.
  const covered = (list: Interval[], k: number) => list.some((i) => i.start <= T0 + k * 15 * MIN && T0 + (k + 1) * 15 * MIN <= i.end);

  it('planned production time and run time follow the definitions', () => {
    fc.assert(
      fc.property(period, (p) => {
        let planned = 0;
        let run = 0;
        for (let k = 0; k < 96; k++) {
          const isPlanned = covered(p.plannedWindows, k) && !covered(p.plannedDowntime, k);
          if (isPlanned) planned += 15 * MIN;
          if (isPlanned && covered(p.runs, k)) run += 15 * MIN;
        }
        const r = computeOee(p);
        expect(r.plannedProductionMs).toBe(planned);
        expect(r.runMs).toBe(run);
      }),
    );
  });

  it('OEE = A × P × Q, A ≤ 1, Q ≤ 1, and OEE = ideal cycle × good ÷ planned production time', () => {
    fc.assert(
      fc.property(period, (p) => {
        const r = computeOee(p);
        if (r.availability !== null) expect(r.availability).toBeGreaterThanOrEqual(0);
        if (r.availability !== null) expect(r.availability).toBeLessThanOrEqual(1);
        if (r.quality !== null) expect(r.quality).toBeGreaterThanOrEqual(0);
        if (r.quality !== null) expect(r.quality).toBeLessThanOrEqual(1);
        for (const v of [r.availability, r.performance, r.quality, r.oee]) expect(Number.isNaN(v)).toBe(false);
        expect(r.performanceAboveIdeal).toBe(r.performance !== null && r.performance > 1);
        if (r.availability !== null && r.performance !== null && r.quality !== null) {
          expect(r.oee).toBe(r.availability * r.performance * r.quality);
        }
        expect(r.oee === null).toBe(r.plannedProductionMs === 0);
        if (r.oee !== null && r.runMs > 0) {
          expect(r.oee).toBeCloseTo((p.idealCycleMs * p.good) / r.plannedProductionMs, 9);
        }
      }),
    );
  });

  it('planned production time never exceeds the windows and ignores downtime outside them', () => {
    fc.assert(
      fc.property(period, slot, (p, extra) => {
        const planned = plannedProductionTime(p.plannedWindows, p.plannedDowntime);
        const withExtraOutside = plannedProductionTime(p.plannedWindows, [
          ...p.plannedDowntime,
          iv(extra.start + 10 * 86_400_000, extra.end + 10 * 86_400_000),
        ]);
        expect(withExtraOutside).toEqual(planned);
      }),
    );
  });
});
