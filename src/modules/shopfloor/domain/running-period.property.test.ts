import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { intersect, normalize, subtract, durationWithin } from './intervals';
import { type ProductionFacts, aggregateProductionKpis, elapsedPart } from './kpis';
import { type ShiftCalendar, type ShiftDefinition, type Weekday, expandShiftCalendar } from './shift-calendar';

const HOUR = 3_600_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const hhmm = (quarter: number) => `${String(Math.floor(quarter / 4) % 24).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;

/** A shift of 1–24 hours starting at any quarter hour, optionally with one break inside it. */
const shiftArb: fc.Arbitrary<ShiftDefinition> = fc
  .record({ start: fc.integer({ min: 0, max: 95 }), length: fc.integer({ min: 4, max: 96 }), breakAt: fc.option(fc.integer({ min: 1, max: 94 }), { nil: undefined }) })
  .map(({ start, length, breakAt }) => {
    const breaks = breakAt !== undefined && breakAt + 2 < length ? [{ start: hhmm(start + breakAt), end: hhmm(start + breakAt + 2) }] : [];
    return { name: `S${start}`, start: hhmm(start), end: hhmm(start + length), breaks };
  });

const calendarArb: fc.Arbitrary<ShiftCalendar> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  week: fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, fc.array(shiftArb, { maxLength: 2 })])) as Record<Weekday, fc.Arbitrary<ShiftDefinition[]>>),
});

/** A period of 1–40 local days somewhere in 2026 (both clock changes included), and a "now" from before it to after it. */
const caseArb = fc.record({
  calendar: calendarArb,
  firstDay: fc.integer({ min: 0, max: 360 }),
  days: fc.integer({ min: 1, max: 40 }),
  nowOffsetHours: fc.double({ min: -48, max: 41 * 24 + 48, noNaN: true }),
  groupBy: fc.constantFrom<Array<'workCentre' | 'shift' | 'day' | 'month'>>(['workCentre'], ['workCentre', 'day', 'shift'], ['month'], ['shift']),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function facts(c: Case) {
  const zone = c.calendar.timeZone as string;
  const from = DateTime.fromISO('2026-01-01', { zone }).plus({ days: c.firstDay });
  const to = from.plus({ days: c.days - 1 });
  const period = { start: from.toMillis(), end: to.plus({ days: 1 }).toMillis() };
  const now = Math.round(period.start + c.nowOffsetHours * HOUR);
  const shifts = expandShiftCalendar(c.calendar, { from: from.minus({ days: 1 }).toISODate()!, to: to.plus({ days: 1 }).toISODate()! }).shifts
    .map((s) => ({ workCentreId: 'wc', name: s.name, window: s.window, breaks: s.breaks }));
  const base: ProductionFacts = { period, timeZone: zone, workCentreIds: ['wc'], shifts, runs: [], quantities: [] };
  return { base, period, now, zone, shifts };
}

const sum = (rows: ReadonlyArray<{ plannedProductionMs: number }>, field: 'plannedProductionMs' | 'calendarMs' = 'plannedProductionMs') =>
  rows.reduce((s, r) => s + (r as Record<string, number>)[field], 0);

describe('a running period counts planned time only up to now', () => {
  it('never includes planned time after now, for any now, calendar and time zone', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { base, period, now, shifts } = facts(c);
        const rows = aggregateProductionKpis({ ...base, now }, c.groupBy);
        const elapsed = elapsedPart(period, now);
        // What the shift calendar plans in [period start, now) — computed independently of the aggregation.
        const productive = normalize(shifts.flatMap((s) => subtract([s.window], s.breaks)));
        const plannedSoFar = durationWithin(normalize(intersect(productive, [elapsed])), elapsed);
        expect(sum(rows)).toBe(plannedSoFar);
        expect(sum(rows)).toBeLessThanOrEqual(Math.max(0, Math.min(now, period.end) - period.start));
        // Calendar time, the base of utilisation, ends at now as well.
        expect(sum(rows, 'calendarMs')).toBe(elapsed.end - elapsed.start);
        // A local day that begins at or after now has nothing planned.
        for (const r of rows) {
          if (r.day !== undefined && DateTime.fromISO(r.day, { zone: c.calendar.timeZone }).toMillis() >= now) {
            expect(r.plannedProductionMs).toBe(0);
            expect(r.availability).toBeNull();
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('a period that is over counts every planned window, exactly as without a now', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0, max: 1000 * HOUR, noNaN: true }), (c, after) => {
        const { base, period } = facts(c);
        const over = aggregateProductionKpis({ ...base, now: period.end + after }, c.groupBy);
        expect(over).toEqual(aggregateProductionKpis(base, c.groupBy));
      }),
      { numRuns: 100 },
    );
  });

  it('measured up to now equals the same period cut off at now', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { base, period, now } = facts(c);
        const running = aggregateProductionKpis({ ...base, now }, ['workCentre']);
        const cut = aggregateProductionKpis({ ...base, period: elapsedPart(period, now) }, ['workCentre']);
        expect(running[0]?.plannedProductionMs ?? 0).toBe(cut[0]?.plannedProductionMs ?? 0);
        expect(running[0]?.calendarMs ?? 0).toBe(cut[0]?.calendarMs ?? 0);
      }),
      { numRuns: 150 },
    );
  });

  it('the demo case: on the 7th of a 31-day month at 01:00, only the planned time of six days and one hour counts', () => {
    const week = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ name: 'Früh', start: '06:00', end: '14:00' }, { name: 'Nacht', start: '22:00', end: '06:00' }]]));
    const calendar: ShiftCalendar = { timeZone: 'Europe/Berlin', week };
    const start = DateTime.fromISO('2026-12-01', { zone: 'Europe/Berlin' });
    const period = { start: start.toMillis(), end: start.plus({ months: 1 }).toMillis() };
    const now = DateTime.fromISO('2026-12-07T01:00', { zone: 'Europe/Berlin' }).toMillis();
    const shifts = expandShiftCalendar(calendar, { from: '2026-11-30', to: '2027-01-01' }).shifts.map((s) => ({ workCentreId: 'wc', name: s.name, window: s.window, breaks: s.breaks }));
    const [whole] = aggregateProductionKpis({ period, timeZone: 'Europe/Berlin', shifts, runs: [], quantities: [] }, ['workCentre']);
    const [soFar] = aggregateProductionKpis({ period, timeZone: 'Europe/Berlin', shifts, runs: [], quantities: [], now }, ['workCentre']);
    // Tue 1 … Fri 4: 4 × 16 h, plus the Monday 30 Nov night shift's morning part on 1 Dec (6 h); Sunday 6 Dec has no shift;
    // the Sunday→Monday night shift does not exist (no Sunday shift), so Monday 7 Dec up to 01:00 has nothing either.
    expect(soFar!.plannedProductionMs).toBe((4 * 16 + 6) * HOUR);
    expect(soFar!.calendarMs).toBe((6 * 24 + 1) * HOUR);
    expect(whole!.plannedProductionMs).toBeGreaterThan(300 * HOUR);
  });
});
