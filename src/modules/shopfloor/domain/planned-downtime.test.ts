import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DowntimeBooking, plannedPauseDowntime } from './planned-downtime';
import { type ProductionFacts, aggregateProductionKpis } from './kpis';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T06:00:00+01:00');
const at = (minutes: number) => T0 + minutes * MIN;
const centres = new Map([['op-1', 'wc-1'], ['op-2', 'wc-1'], ['op-3', 'wc-2']]);
const planned = (reason: string | null) => reason === 'maintenance';
const b = (operationId: string, kind: string, minutes: number, reason: string | null = null): DowntimeBooking => ({ operationId, kind, at: at(minutes), reason });

/** One 8-hour shift 06:00–14:00; production 06:00–10:00, pause, production again from `resumeAt` until 14:00. */
function facts(reason: string, pauseAt: number, resumeAt: number): ProductionFacts {
  const finishAt = Math.max(480, resumeAt);
  const bookings = [b('op-1', 'start-production', 0), b('op-1', 'pause', pauseAt, reason), b('op-1', 'resume', resumeAt), b('op-1', 'finish', finishAt)];
  const runs = [{ workCentreId: 'wc-1', start: at(0), end: at(pauseAt) }, { workCentreId: 'wc-1', start: at(resumeAt), end: at(finishAt) }];
  return {
    period: { start: at(-360), end: at(1080) },
    shifts: [{ workCentreId: 'wc-1', name: 'early', window: { start: at(0), end: at(480) }, breaks: [] }],
    plannedDowntime: plannedPauseDowntime(bookings, centres, planned, runs, at(1080)),
    runs,
    quantities: [{ workCentreId: 'wc-1', at: at(400), good: 300, scrap: 0, idealCycleMs: MIN }],
  };
}

describe('planned downtime from pauses', () => {
  it('a pause with a planned reason lasts until the resume and is planned downtime', () => {
    const bookings = [b('op-1', 'start-production', 0), b('op-1', 'pause', 60, 'maintenance'), b('op-1', 'resume', 90)];
    expect(plannedPauseDowntime(bookings, centres, planned, [], at(500))).toEqual([{ workCentreId: 'wc-1', start: at(60), end: at(90) }]);
  });

  it('an unplanned or unknown reason, or a free text of an older booking, is no planned downtime', () => {
    for (const reason of ['breakdown', null, 'Werkzeugbruch']) {
      expect(plannedPauseDowntime([b('op-1', 'pause', 60, reason), b('op-1', 'resume', 90)], centres, planned, [], at(500))).toEqual([]);
    }
  });

  it('a pause that is still open lasts until now; a finish ends it too', () => {
    expect(plannedPauseDowntime([b('op-1', 'pause', 60, 'maintenance')], centres, planned, [], at(100))).toEqual([{ workCentreId: 'wc-1', start: at(60), end: at(100) }]);
    expect(plannedPauseDowntime([b('op-3', 'pause', 10, 'maintenance'), b('op-3', 'finish', 20)], centres, planned, [], at(100))).toEqual([{ workCentreId: 'wc-2', start: at(10), end: at(20) }]);
  });

  it('while another operation runs on the same work centre, the machine is not down', () => {
    const bookings = [b('op-1', 'pause', 60, 'maintenance'), b('op-1', 'resume', 120)];
    const runs = [{ workCentreId: 'wc-1', start: at(90), end: at(200) }, { workCentreId: 'wc-2', start: at(0), end: at(500) }];
    expect(plannedPauseDowntime(bookings, centres, planned, runs, at(500))).toEqual([{ workCentreId: 'wc-1', start: at(60), end: at(90) }]);
  });

  it('planned: planned production time shrinks and availability stays 100 %; unplanned: availability loss', () => {
    const withPlanned = aggregateProductionKpis(facts('maintenance', 240, 300), [])[0];
    expect(withPlanned.plannedProductionMs).toBe(420 * MIN);
    expect(withPlanned.runMs).toBe(420 * MIN);
    expect(withPlanned.availability).toBe(1);
    const withUnplanned = aggregateProductionKpis(facts('breakdown', 240, 300), [])[0];
    expect(withUnplanned.plannedProductionMs).toBe(480 * MIN);
    expect(withUnplanned.availability).toBeCloseTo(420 / 480, 12);
  });

  it('property: a planned pause removes exactly its part inside the shift from planned production time; an unplanned one removes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 470 }), fc.integer({ min: 1, max: 600 }), (pauseAt, length) => {
        const resumeAt = pauseAt + length;
        const inside = Math.max(0, Math.min(resumeAt, 480) - pauseAt);
        const p = aggregateProductionKpis(facts('maintenance', pauseAt, resumeAt), [])[0];
        const u = aggregateProductionKpis(facts('breakdown', pauseAt, resumeAt), [])[0];
        expect(p.plannedProductionMs).toBe((480 - inside) * MIN);
        expect(u.plannedProductionMs).toBe(480 * MIN);
        // The same run time either way; planned downtime never lowers availability.
        expect(p.runMs).toBe(u.runMs);
        expect(p.availability ?? 0).toBeGreaterThanOrEqual(u.availability ?? 0);
        expect(p.availability ?? 0).toBeLessThanOrEqual(1);
      }),
    );
  });
});
