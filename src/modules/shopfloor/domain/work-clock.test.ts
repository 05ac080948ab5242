import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationWithin, subtract as subtractIntervals } from './intervals';
import { expandShiftCalendar, localTimeToUtc, type ShiftCalendar } from './shift-calendar';
import { continuousClock, shiftWorkClock } from './work-clock';

const HOUR = 3_600_000;
const early = { name: 'Früh', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:30' }] };
const weekdays: ShiftCalendar = { timeZone: 'Europe/Berlin', week: { mon: [early], tue: [early], wed: [early], thu: [early], fri: [early] }, holidays: ['2027-05-13'] };
const at = (date: string, hhmm: string) => localTimeToUtc(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)));

describe('work clock of a shift calendar', () => {
  const clock = shiftWorkClock(weekdays);

  it('counts only shift time, without breaks, nights, weekends and holidays', () => {
    // Monday 2027-05-10, 07:00 + 3 h of work: the break 09:00–09:30 is not work
    expect(clock.add(at('2027-05-10', '07:00'), 3 * HOUR)).toBe(at('2027-05-10', '10:30'));
    // Friday 13:00 + 2 h: one hour on Friday, the other on Monday from 06:00
    expect(clock.add(at('2027-05-14', '13:00'), 2 * HOUR)).toBe(at('2027-05-17', '07:00'));
    // Wednesday 12:00 + 3 h: Thursday is a holiday (Ascension Day), so Friday 07:00
    expect(clock.add(at('2027-05-12', '12:00'), 3 * HOUR)).toBe(at('2027-05-14', '07:00'));
    // started at night: the work begins with the next shift
    expect(clock.add(at('2027-05-10', '23:00'), HOUR)).toBe(at('2027-05-11', '07:00'));
    // backwards: 2 h of work done by Monday 07:00 must start on Friday at 13:00
    expect(clock.subtract(at('2027-05-17', '07:00'), 2 * HOUR)).toBe(at('2027-05-14', '13:00'));
    expect(clock.add(at('2027-05-10', '07:00'), 0)).toBe(at('2027-05-10', '07:00'));
  });

  it('keeps local shift times across the change to summer time', () => {
    // Friday 2027-03-26 13:00 (CET) + 2 h → Monday 2027-03-29 07:00 (CEST): 65 h of calendar time, not 66
    const from = at('2027-03-26', '13:00');
    const to = clock.add(from, 2 * HOUR);
    expect(to).toBe(at('2027-03-29', '07:00'));
    expect(to - from).toBe(65 * HOUR);
  });

  it('counts every hour for a calendar without shifts, and beyond about three years of shifts', () => {
    expect(shiftWorkClock({ week: {} })).toBe(continuousClock);
    const from = at('2027-01-04', '06:00');
    // 10,000 h of work are more than three years of one shift a day: the rest is counted continuously
    expect(clock.add(from, 10_000 * HOUR)).toBeGreaterThan(from + 3 * 365 * 24 * HOUR);
  });

  const calendar = expandShiftCalendar(weekdays, { from: '2027-01-01', to: '2028-12-31' });
  const productive = subtractIntervals(calendar.plannedWindows, calendar.plannedDowntime);
  const instant = fc.integer({ min: at('2027-01-04', '00:00'), max: at('2027-12-20', '00:00') });
  const work = fc.integer({ min: 0, max: 400 * HOUR });

  it('adds exactly the work asked for in shift time, and subtracts it back', () => {
    fc.assert(
      fc.property(instant, work, (from, w) => {
        const to = clock.add(from, w);
        expect(to).toBeGreaterThanOrEqual(from + w);
        expect(durationWithin(productive, { start: from, end: to })).toBe(w);
        const back = clock.subtract(to, w);
        expect(back).toBeGreaterThanOrEqual(from);
        expect(durationWithin(productive, { start: back, end: to })).toBe(w);
        // nothing productive lies between where it started and the latest start found
        expect(durationWithin(productive, { start: from, end: back })).toBe(0);
      }),
    );
  });

  it('is monotone in the start and in the work', () => {
    fc.assert(
      fc.property(instant, instant, work, work, (a, b, w1, w2) => {
        const [f1, f2] = a <= b ? [a, b] : [b, a];
        const [v1, v2] = w1 <= w2 ? [w1, w2] : [w2, w1];
        expect(clock.add(f1, v1)).toBeLessThanOrEqual(clock.add(f2, v1));
        expect(clock.add(f1, v1)).toBeLessThanOrEqual(clock.add(f1, v2));
        expect(clock.subtract(f1, v1)).toBeLessThanOrEqual(clock.subtract(f2, v1));
        expect(clock.subtract(f1, v2)).toBeLessThanOrEqual(clock.subtract(f1, v1));
      }),
    );
  });
});
