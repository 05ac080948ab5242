import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Interval } from './intervals';
import { type ProductionDimension, type ProductionFacts, type ProductionKpiRow, type WorkCentreShift, aggregateProductionKpis, scrapRate, utilisation } from './kpis';
import { type OrderFacts, aggregateOrderKpis, isOnTime, leadTimeMs } from './order-kpis';
import { computeOee } from './oee';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Berlin winter time (UTC+1) in March before the 29th. */
const cet = (date: string, time: string) => Date.parse(`${date}T${time}:00+01:00`);
const span = (date: string, from: string, to: string, toDate = date): Interval => ({ start: cet(date, from), end: cet(toDate, to) });

function shift(workCentreId: string, name: string, date: string, from: string, to: string, breaks: [string, string][] = []): WorkCentreShift {
  return { workCentreId, name, window: span(date, from, to), breaks: breaks.map(([a, b]) => span(date, a, b)) };
}

describe('simple KPIs', () => {
  it('scrap rate and utilisation', () => {
    expect(scrapRate(90, 10)).toBe(0.1);
    expect(scrapRate(0, 0)).toBeNull();
    expect(utilisation(6 * HOUR, 24 * HOUR)).toBe(0.25);
    expect(utilisation(0, 0)).toBeNull();
  });
});

describe('aggregateProductionKpis, worked example (two days, one work centre)', () => {
  const facts: ProductionFacts = {
    period: { start: cet('2026-03-02', '00:00'), end: cet('2026-03-04', '00:00') },
    shifts: [
      shift('M1', 'Früh', '2026-03-02', '06:00', '14:00', [['09:00', '09:30']]),
      shift('M1', 'Spät', '2026-03-02', '14:00', '22:00', [['18:00', '18:30']]),
      shift('M1', 'Früh', '2026-03-03', '06:00', '14:00', [['09:00', '09:30']]),
    ],
    runs: [
      { workCentreId: 'M1', ...span('2026-03-02', '06:00', '12:00') }, // 360 min, 30 min break inside
      { workCentreId: 'M1', ...span('2026-03-02', '21:00', '23:00') }, // 60 min in Spät, 60 min after it
      { workCentreId: 'M1', ...span('2026-03-03', '07:00', '08:00') },
    ],
    quantities: [
      { workCentreId: 'M1', at: cet('2026-03-02', '10:00'), good: 300, scrap: 10, idealCycleMs: MIN },
      { workCentreId: 'M1', at: cet('2026-03-02', '22:30'), good: 20, scrap: 0, idealCycleMs: MIN },
      { workCentreId: 'M1', at: cet('2026-03-03', '07:30'), good: 50, scrap: 5, idealCycleMs: MIN },
    ],
  };

  it('in total', () => {
    const [row] = aggregateProductionKpis(facts, []);
    expect(row).toMatchObject({
      calendarMs: 48 * HOUR,
      plannedProductionMs: 1350 * MIN,
      runMs: 450 * MIN,
      totalRunMs: 540 * MIN,
      good: 370,
      scrap: 15,
      idealOutputMs: 385 * MIN,
    });
    expect(row.availability).toBeCloseTo(450 / 1350, 12);
    expect(row.utilisation).toBeCloseTo(540 / 2880, 12);
    expect(row.scrapRate).toBeCloseTo(15 / 385, 12);
  });

  it('per day', () => {
    const rows = aggregateProductionKpis(facts, ['day']);
    expect(rows.map((r) => r.day)).toEqual(['2026-03-02', '2026-03-03']);
    expect('month' in rows[0]).toBe(false);
    expect(rows[0]).toMatchObject({ calendarMs: 24 * HOUR, plannedProductionMs: 900 * MIN, runMs: 390 * MIN, totalRunMs: 480 * MIN, good: 320, scrap: 10 });
    expect(rows[0].availability).toBeCloseTo(390 / 900, 12);
    expect(rows[0].performance).toBeCloseTo(330 / 390, 12);
    expect(rows[0].quality).toBeCloseTo(320 / 330, 12);
    expect(rows[0].utilisation).toBeCloseTo(1 / 3, 12);
    expect(rows[1]).toMatchObject({ plannedProductionMs: 450 * MIN, runMs: 60 * MIN, good: 50, scrap: 5 });
    expect(rows[1].oee).toBeCloseTo(1 / 9, 12);
  });

  it('per shift, with the time outside all shifts as shift null', () => {
    const rows = aggregateProductionKpis(facts, ['shift']);
    expect(rows.map((r) => r.shift)).toEqual(['Früh', 'Spät', null]);
    const [frueh, spaet, outside] = rows;
    expect(frueh).toMatchObject({ calendarMs: 16 * HOUR, plannedProductionMs: 900 * MIN, runMs: 390 * MIN, totalRunMs: 420 * MIN, good: 350, scrap: 15 });
    expect(spaet).toMatchObject({ calendarMs: 8 * HOUR, plannedProductionMs: 450 * MIN, runMs: 60 * MIN, good: 0, performance: 0, quality: null, oee: 0 });
    expect(outside).toMatchObject({ calendarMs: 24 * HOUR, plannedProductionMs: 0, runMs: 0, totalRunMs: 60 * MIN, good: 20, availability: null, oee: null });
  });

  it('per work centre, shift and day', () => {
    const rows = aggregateProductionKpis(facts, ['workCentre', 'shift', 'day']);
    expect(rows.map((r) => `${r.workCentreId} ${r.day} ${r.shift}`)).toEqual([
      'M1 2026-03-02 Früh',
      'M1 2026-03-02 Spät',
      'M1 2026-03-02 null',
      'M1 2026-03-03 Früh',
      'M1 2026-03-03 null',
    ]);
    expect(rows[3]).toMatchObject({ plannedProductionMs: 450 * MIN, runMs: 60 * MIN, good: 50 });
  });

  it('calendar time adds up over work centres; a work centre without shifts has no planned time', () => {
    const withM2 = { ...facts, runs: [...facts.runs, { workCentreId: 'M2', ...span('2026-03-02', '08:00', '10:00') }] };
    const rows = aggregateProductionKpis(withM2, ['workCentre']);
    expect(rows.map((r) => r.workCentreId)).toEqual(['M1', 'M2']);
    expect(rows[1]).toMatchObject({ calendarMs: 48 * HOUR, plannedProductionMs: 0, runMs: 0, totalRunMs: 2 * HOUR, availability: null });
    expect(aggregateProductionKpis(withM2, [])[0].calendarMs).toBe(96 * HOUR);
  });
});

describe('aggregateProductionKpis, days and months in Europe/Berlin', () => {
  const nothing = { workCentreIds: ['M1'], shifts: [], runs: [], quantities: [] };

  it('without any work centre there are no rows', () => {
    expect(aggregateProductionKpis({ period: { start: 0, end: 86_400_000 }, shifts: [], runs: [], quantities: [] }, ['day'])).toEqual([]);
  });

  it('the days of the clock changes last 23 h and 25 h', () => {
    const spring = aggregateProductionKpis(
      { ...nothing, period: { start: Date.parse('2026-03-28T00:00:00+01:00'), end: Date.parse('2026-03-31T00:00:00+02:00') } },
      ['day'],
    );
    expect(spring.map((r) => [r.day, r.calendarMs / HOUR])).toEqual([['2026-03-28', 24], ['2026-03-29', 23], ['2026-03-30', 24]]);
    const autumn = aggregateProductionKpis(
      { ...nothing, period: { start: Date.parse('2026-10-25T00:00:00+02:00'), end: Date.parse('2026-10-26T00:00:00+01:00') } },
      ['day'],
    );
    expect(autumn.map((r) => [r.day, r.calendarMs / HOUR])).toEqual([['2026-10-25', 25]]);
  });

  it('months: October 2026 has 745 h, March 2026 743 h; days carry their month', () => {
    const rows = aggregateProductionKpis(
      { ...nothing, period: { start: Date.parse('2026-03-01T00:00:00+01:00'), end: Date.parse('2026-11-01T00:00:00+01:00') } },
      ['month'],
    );
    expect(rows.map((r) => r.month)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(rows[0].calendarMs).toBe(743 * HOUR);
    expect(rows[7].calendarMs).toBe(745 * HOUR);
    const days = aggregateProductionKpis(
      { ...nothing, period: { start: Date.parse('2026-03-31T00:00:00+02:00'), end: Date.parse('2026-04-02T00:00:00+02:00') } },
      ['month', 'day'],
    );
    expect(days.map((r) => `${r.month} ${r.day}`)).toEqual(['2026-03 2026-03-31', '2026-04 2026-04-01']);
  });

  it('a night shift is split at local midnight; quantities count on the day they were booked', () => {
    const rows = aggregateProductionKpis(
      {
        period: { start: cet('2026-03-02', '00:00'), end: cet('2026-03-04', '00:00') },
        shifts: [{ workCentreId: 'M1', name: 'Nacht', window: span('2026-03-02', '22:00', '06:00', '2026-03-03'), breaks: [span('2026-03-03', '02:00', '02:30')] }],
        runs: [{ workCentreId: 'M1', ...span('2026-03-02', '22:00', '06:00', '2026-03-03') }],
        quantities: [{ workCentreId: 'M1', at: cet('2026-03-03', '01:00'), good: 7, scrap: 0, idealCycleMs: MIN }],
      },
      ['day', 'shift'],
    );
    expect(rows.map((r) => [r.day, r.shift, r.calendarMs / MIN, r.plannedProductionMs / MIN, r.runMs / MIN, r.good])).toEqual([
      ['2026-03-02', 'Nacht', 120, 120, 120, 0],
      ['2026-03-02', null, 1320, 0, 0, 0],
      ['2026-03-03', 'Nacht', 360, 330, 330, 7],
      ['2026-03-03', null, 1080, 0, 0, 0],
    ]);
  });

  it('overlapping shifts: the overlap belongs to the shift that started first', () => {
    const rows = aggregateProductionKpis(
      {
        period: { start: cet('2026-03-02', '00:00'), end: cet('2026-03-03', '00:00') },
        shifts: [shift('M1', 'Mitte', '2026-03-02', '10:00', '18:00'), shift('M1', 'Früh', '2026-03-02', '06:00', '14:00')],
        runs: [],
        quantities: [{ workCentreId: 'M1', at: cet('2026-03-02', '11:00'), good: 1, scrap: 0, idealCycleMs: MIN }],
      },
      ['shift'],
    );
    expect(rows.map((r) => [r.shift, r.calendarMs / HOUR, r.plannedProductionMs / HOUR, r.good])).toEqual([
      ['Früh', 8, 8, 1],
      ['Mitte', 4, 4, 0],
      [null, 12, 0, 0],
    ]);
  });

  it('planned downtime besides breaks (maintenance) reduces planned production time', () => {
    const [row] = aggregateProductionKpis(
      {
        period: { start: cet('2026-03-02', '00:00'), end: cet('2026-03-03', '00:00') },
        shifts: [shift('M1', 'Früh', '2026-03-02', '06:00', '14:00', [['09:00', '09:30']])],
        plannedDowntime: [{ workCentreId: 'M1', ...span('2026-03-02', '13:00', '15:00') }, { workCentreId: 'M2', ...span('2026-03-02', '06:00', '14:00') }],
        runs: [],
        quantities: [],
      },
      ['workCentre'],
    );
    expect(row.plannedProductionMs).toBe(390 * MIN);
  });
});

describe('aggregateProductionKpis, properties', () => {
  const DAY0 = Date.parse('2026-03-27T00:00:00+01:00'); // the period spans the spring change
  const q = (n: number) => DAY0 + n * 15 * MIN;
  const slot = fc.tuple(fc.integer({ min: -8, max: 400 }), fc.integer({ min: 1, max: 48 })).map(([a, len]) => ({ start: q(a), end: q(a + len) }));
  const wc = fc.constantFrom('A', 'B');
  const factsArb = fc.record({
    shifts: fc.array(
      fc.record({ workCentreId: wc, name: fc.constantFrom('F', 'S', 'N'), window: slot, breakAt: fc.integer({ min: 0, max: 20 }) }),
      { maxLength: 8 },
    ),
    downtime: fc.array(fc.record({ workCentreId: wc, s: slot }), { maxLength: 3 }),
    runs: fc.array(fc.record({ workCentreId: wc, s: slot }), { maxLength: 6 }),
    quantities: fc.array(
      fc.record({ workCentreId: wc, at: fc.integer({ min: -10, max: 400 }).map(q), good: fc.nat(50), scrap: fc.nat(5), idealCycleMs: fc.integer({ min: 1, max: 600_000 }) }),
      { maxLength: 8 },
    ),
  }).map((f): ProductionFacts => ({
    period: { start: DAY0, end: q(384) }, // four days, one of them 23 h
    shifts: f.shifts.map((s) => ({
      workCentreId: s.workCentreId,
      name: s.name,
      window: s.window,
      breaks: [{ start: Math.min(s.window.end, s.window.start + s.breakAt * 15 * MIN), end: Math.min(s.window.end, s.window.start + (s.breakAt + 2) * 15 * MIN) }],
    })),
    plannedDowntime: f.downtime.map((d) => ({ workCentreId: d.workCentreId, ...d.s })),
    runs: f.runs.map((r) => ({ workCentreId: r.workCentreId, ...r.s })),
    quantities: f.quantities,
  }));
  const groupings: ProductionDimension[][] = [['workCentre'], ['shift'], ['day'], ['month'], ['workCentre', 'shift', 'day'], ['shift', 'month']];
  const additive = ['calendarMs', 'plannedProductionMs', 'runMs', 'totalRunMs', 'idealOutputMs', 'good', 'scrap'] as const;

  it('every grouping partitions the totals', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...groupings), (facts, groupBy) => {
        const [total] = aggregateProductionKpis(facts, []);
        const rows = aggregateProductionKpis(facts, groupBy);
        // no work centre at all: nothing to aggregate, both sides are empty
        if (total === undefined) {
          expect(rows).toEqual([]);
          return;
        }
        for (const field of additive) {
          expect(rows.reduce((s, r) => s + r[field], 0)).toBeCloseTo(total[field], 6);
        }
        const keys = rows.map((r) => JSON.stringify([r.workCentreId, r.shift, r.day, r.month]));
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it('per work centre with non-overlapping shifts, the totals equal computeOee with breaks as planned downtime', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        for (const row of aggregateProductionKpis(facts, ['workCentre'])) {
          const id = row.workCentreId as string;
          const shifts = facts.shifts.filter((s) => s.workCentreId === id);
          const overlapping = shifts.some((a, i) => shifts.some((b, j) => i < j && a.window.start < b.window.end && b.window.start < a.window.end));
          fc.pre(!overlapping);
          const expected = computeOee({
            plannedWindows: shifts.map((s) => s.window),
            plannedDowntime: [
              ...shifts.flatMap((s) => s.breaks),
              ...(facts.plannedDowntime ?? []).filter((d) => d.workCentreId === id),
              { start: facts.period.start - 10 * 86_400_000, end: facts.period.start },
              { start: facts.period.end, end: facts.period.end + 10 * 86_400_000 },
            ],
            runs: facts.runs.filter((r) => r.workCentreId === id),
            idealCycleMs: 1,
            good: 0,
            scrap: 0,
          });
          expect(row.plannedProductionMs).toBe(expected.plannedProductionMs);
          expect(row.runMs).toBe(expected.runMs);
        }
      }),
    );
  });

  it('A ≤ 1, Q ≤ 1, utilisation ≤ 1, OEE = A × P × Q in every row', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...groupings), (facts, groupBy) => {
        for (const r of aggregateProductionKpis(facts, groupBy) as ProductionKpiRow[]) {
          for (const v of [r.availability, r.quality, r.utilisation, r.scrapRate]) {
            if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
            if (v !== null) expect(v).toBeLessThanOrEqual(1);
          }
          if (r.availability !== null && r.performance !== null && r.quality !== null) {
            expect(r.oee).toBe(r.availability * r.performance * r.quality);
          }
          expect(r.runMs).toBeLessThanOrEqual(r.totalRunMs);
        }
      }),
    );
  });
});

describe('order KPIs', () => {
  const order = (orderId: string, released: string, finished: string | null, dueDate?: string): OrderFacts => ({
    orderId,
    releasedAt: Date.parse(released),
    finishedAt: finished === null ? null : Date.parse(finished),
    dueDate,
  });

  it('lead time is release → finish; open orders have none', () => {
    expect(leadTimeMs(order('a', '2026-03-02T08:00:00+01:00', '2026-03-04T12:00:00+01:00'))).toBe(52 * HOUR);
    expect(leadTimeMs(order('b', '2026-03-02T08:00:00+01:00', null))).toBeNull();
    expect(() => leadTimeMs(order('c', '2026-03-02T08:00:00+01:00', '2026-03-01T08:00:00+01:00'))).toThrow(/order c/);
  });

  it('on time means finished by the end of the due date in local time', () => {
    expect(isOnTime(order('a', '2026-03-01T08:00:00+01:00', '2026-03-10T23:30:00+01:00', '2026-03-10'))).toBe(true);
    expect(isOnTime(order('b', '2026-03-01T08:00:00+01:00', '2026-03-11T00:00:00+01:00', '2026-03-10'))).toBe(false);
    // 23:30 UTC is already the next day in Berlin.
    expect(isOnTime(order('c', '2026-03-01T08:00:00+01:00', '2026-03-10T23:30:00Z', '2026-03-10'))).toBe(false);
    expect(isOnTime(order('c', '2026-03-01T08:00:00+01:00', '2026-03-10T23:30:00Z', '2026-03-10'), 'UTC')).toBe(true);
    expect(isOnTime(order('d', '2026-03-01T08:00:00+01:00', null, '2026-03-10'))).toBeNull();
    expect(isOnTime(order('e', '2026-03-01T08:00:00+01:00', '2026-03-05T08:00:00+01:00'))).toBeNull();
  });

  const orders = [
    order('1', '2026-03-02T08:00:00+01:00', '2026-03-02T18:00:00+01:00', '2026-03-03'), // 10 h, on time
    order('2', '2026-03-01T08:00:00+01:00', '2026-03-03T08:00:00+01:00', '2026-03-02'), // 48 h, late
    order('3', '2026-03-02T08:00:00+01:00', '2026-03-03T10:00:00+01:00'), // 26 h, no due date
    order('4', '2026-03-20T08:00:00+01:00', '2026-04-01T00:30:00+02:00', '2026-04-01'), // April in Berlin
    order('5', '2026-03-02T08:00:00+01:00', null, '2026-03-01'), // open
  ];
  const march = { start: Date.parse('2026-03-01T00:00:00+01:00'), end: Date.parse('2026-05-01T00:00:00+02:00') };

  it('grouped by month: average and median lead time, on-time delivery', () => {
    const rows = aggregateOrderKpis(orders, { period: march, groupBy: 'month' });
    expect(rows).toEqual([
      { month: '2026-03', finished: 3, averageLeadTimeMs: 28 * HOUR, medianLeadTimeMs: 26 * HOUR, withDueDate: 2, onTime: 1, onTimeDelivery: 0.5 },
      { month: '2026-04', finished: 1, averageLeadTimeMs: 279.5 * HOUR, medianLeadTimeMs: 279.5 * HOUR, withDueDate: 1, onTime: 1, onTimeDelivery: 1 },
    ]);
  });

  it('grouped by day, and in total with an even count (median of the middle two)', () => {
    const days = aggregateOrderKpis(orders.slice(0, 3), { period: march, groupBy: 'day' });
    expect(days.map((d) => [d.day, d.finished])).toEqual([['2026-03-02', 1], ['2026-03-03', 2]]);
    const [total] = aggregateOrderKpis(orders.slice(0, 4), { period: march, groupBy: 'total' });
    expect(total.medianLeadTimeMs).toBe(37 * HOUR);
    expect(total.onTimeDelivery).toBeCloseTo(2 / 3, 12);
  });

  it('no finished order: one empty total row with null figures', () => {
    expect(aggregateOrderKpis([orders[4]], { period: march, groupBy: 'total' })).toEqual([
      { finished: 0, averageLeadTimeMs: null, medianLeadTimeMs: null, withDueDate: 0, onTime: 0, onTimeDelivery: null },
    ]);
  });
});
