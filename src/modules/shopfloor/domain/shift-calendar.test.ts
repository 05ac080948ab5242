import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalDuration } from './intervals';
import { type ShiftCalendar, type Weekday, expandShiftCalendar, localTimeToUtc } from './shift-calendar';

const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const ALL_DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

describe('localTimeToUtc (Europe/Berlin)', () => {
  it('winter and summer time', () => {
    expect(localTimeToUtc('2026-01-15', 6 * 60)).toBe(utc('2026-01-15T05:00:00Z'));
    expect(localTimeToUtc('2026-07-15', 6 * 60)).toBe(utc('2026-07-15T04:00:00Z'));
  });

  it('a time skipped in spring moves forward by the gap', () => {
    expect(localTimeToUtc('2026-03-29', 2 * 60 + 30)).toBe(utc('2026-03-29T01:30:00Z')); // 03:30 CEST
  });

  it('a time occurring twice in autumn means the first occurrence', () => {
    expect(localTimeToUtc('2026-10-25', 2 * 60 + 30)).toBe(utc('2026-10-25T00:30:00Z')); // 02:30 CEST
    expect(localTimeToUtc('2026-10-25', 3 * 60)).toBe(utc('2026-10-25T02:00:00Z')); // 03:00 CET
  });

  it('rejects unknown zones and bad dates', () => {
    expect(() => localTimeToUtc('2026-01-01', 0, 'Mars/Olympus')).toThrow(/time zone/);
    expect(() => localTimeToUtc('2026-02-30', 0)).toThrow(/date/);
  });
});

describe('expandShiftCalendar', () => {
  const twoShifts: ShiftCalendar = {
    week: {
      mon: [
        { name: 'Früh', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:30' }] },
        { name: 'Spät', start: '14:00', end: '22:00', breaks: [{ start: '18:00', end: '18:30' }] },
      ],
    },
  };

  it('expands a weekday pattern into UTC windows and breaks (winter, UTC+1)', () => {
    const r = expandShiftCalendar(twoShifts, { from: '2026-03-01', to: '2026-03-03' });
    expect(r.shifts).toEqual([
      {
        name: 'Früh',
        date: '2026-03-02',
        window: { start: utc('2026-03-02T05:00:00Z'), end: utc('2026-03-02T13:00:00Z') },
        breaks: [{ start: utc('2026-03-02T08:00:00Z'), end: utc('2026-03-02T08:30:00Z') }],
      },
      {
        name: 'Spät',
        date: '2026-03-02',
        window: { start: utc('2026-03-02T13:00:00Z'), end: utc('2026-03-02T21:00:00Z') },
        breaks: [{ start: utc('2026-03-02T17:00:00Z'), end: utc('2026-03-02T17:30:00Z') }],
      },
    ]);
    expect(r.plannedWindows).toEqual([{ start: utc('2026-03-02T05:00:00Z'), end: utc('2026-03-02T21:00:00Z') }]);
    expect(r.plannedDowntime).toEqual([
      { start: utc('2026-03-02T08:00:00Z'), end: utc('2026-03-02T08:30:00Z') },
      { start: utc('2026-03-02T17:00:00Z'), end: utc('2026-03-02T17:30:00Z') },
    ]);
  });

  it('uses summer time after the spring change', () => {
    const r = expandShiftCalendar(twoShifts, { from: '2026-03-30', to: '2026-03-30' });
    expect(r.shifts[0].window).toEqual({ start: utc('2026-03-30T04:00:00Z'), end: utc('2026-03-30T12:00:00Z') });
  });

  it('a night shift crosses midnight and its break after midnight lies on the next day', () => {
    const r = expandShiftCalendar(
      { week: { wed: [{ name: 'Nacht', start: '22:00', end: '06:00', breaks: [{ start: '02:00', end: '02:30' }] }] } },
      { from: '2026-03-04', to: '2026-03-04' },
    );
    expect(r.shifts).toHaveLength(1);
    expect(r.shifts[0].window).toEqual({ start: utc('2026-03-04T21:00:00Z'), end: utc('2026-03-05T05:00:00Z') });
    expect(r.shifts[0].breaks).toEqual([{ start: utc('2026-03-05T01:00:00Z'), end: utc('2026-03-05T01:30:00Z') }]);
  });

  it('a 22:00–06:00 night shift lasts 7 h over the spring change and 9 h over the autumn change', () => {
    const night: ShiftCalendar = { week: { sat: [{ name: 'Nacht', start: '22:00', end: '06:00' }] } };
    const spring = expandShiftCalendar(night, { from: '2026-03-28', to: '2026-03-28' }).shifts[0].window;
    const autumn = expandShiftCalendar(night, { from: '2026-10-24', to: '2026-10-24' }).shifts[0].window;
    expect(spring).toEqual({ start: utc('2026-03-28T21:00:00Z'), end: utc('2026-03-29T04:00:00Z') });
    expect(spring.end - spring.start).toBe(7 * HOUR);
    expect(autumn).toEqual({ start: utc('2026-10-24T20:00:00Z'), end: utc('2026-10-25T05:00:00Z') });
    expect(autumn.end - autumn.start).toBe(9 * HOUR);
  });

  it('every night shift of 2026 lasts 8 h except the two crossing a clock change', () => {
    const night: ShiftCalendar = {
      week: Object.fromEntries(ALL_DAYS.map((d) => [d, [{ name: 'Nacht', start: '22:00', end: '06:00' }]])),
    };
    const r = expandShiftCalendar(night, { from: '2026-01-01', to: '2026-12-31' });
    expect(r.shifts).toHaveLength(365);
    for (const s of r.shifts) {
      const expected = s.date === '2026-03-28' ? 7 : s.date === '2026-10-24' ? 9 : 8;
      expect({ date: s.date, hours: (s.window.end - s.window.start) / HOUR }).toEqual({ date: s.date, hours: expected });
    }
    expect(totalDuration(r.plannedWindows)).toBe(365 * 8 * HOUR);
  });

  it('a shift starting at midnight on the change days lasts 5 h resp. 7 h until 06:00', () => {
    const early: ShiftCalendar = { week: { sun: [{ name: 'Früh', start: '00:00', end: '06:00' }] } };
    const [spring] = expandShiftCalendar(early, { from: '2026-03-29', to: '2026-03-29' }).shifts;
    const [autumn] = expandShiftCalendar(early, { from: '2026-10-25', to: '2026-10-25' }).shifts;
    expect(spring.window.end - spring.window.start).toBe(5 * HOUR);
    expect(autumn.window.end - autumn.window.start).toBe(7 * HOUR);
  });

  it('end equal to start is a 24-hour shift', () => {
    const r = expandShiftCalendar({ week: { tue: [{ name: 'Konti', start: '06:00', end: '06:00' }] } }, { from: '2026-03-03', to: '2026-03-03' });
    expect(r.shifts[0].window).toEqual({ start: utc('2026-03-03T05:00:00Z'), end: utc('2026-03-04T05:00:00Z') });
  });

  it('no shift starts on a holiday, but the night shift from the evening before still runs', () => {
    const cal: ShiftCalendar = {
      holidays: ['2026-12-25'],
      week: {
        thu: [{ name: 'Nacht', start: '22:00', end: '06:00' }],
        fri: [{ name: 'Früh', start: '06:00', end: '14:00' }, { name: 'Nacht', start: '22:00', end: '06:00' }],
      },
    };
    const r = expandShiftCalendar(cal, { from: '2026-12-24', to: '2026-12-25' });
    expect(r.shifts.map((s) => `${s.date} ${s.name}`)).toEqual(['2026-12-24 Nacht']);
    expect(r.shifts[0].window.end).toBe(utc('2026-12-25T05:00:00Z'));
  });

  it('a break in one shift is no downtime while an overlapping shift works', () => {
    const r = expandShiftCalendar(
      {
        week: {
          mon: [
            { name: 'Früh', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:30' }, { start: '13:00', end: '13:30' }] },
            { name: 'Mitte', start: '08:00', end: '12:00' },
          ],
        },
      },
      { from: '2026-03-02', to: '2026-03-02' },
    );
    expect(r.plannedWindows).toEqual([{ start: utc('2026-03-02T05:00:00Z'), end: utc('2026-03-02T13:00:00Z') }]);
    expect(r.plannedDowntime).toEqual([{ start: utc('2026-03-02T12:00:00Z'), end: utc('2026-03-02T12:30:00Z') }]);
  });

  it('an empty range or an empty week gives nothing', () => {
    expect(expandShiftCalendar({ week: {} }, { from: '2026-01-01', to: '2026-12-31' }).shifts).toEqual([]);
    expect(expandShiftCalendar({ week: { mon: [{ name: 'F', start: '06:00', end: '14:00' }] } }, { from: '2026-03-03', to: '2026-03-02' }).shifts).toEqual([]);
  });

  it('rejects invalid definitions, naming the field', () => {
    const range = { from: '2026-03-02', to: '2026-03-02' };
    expect(() => expandShiftCalendar({ week: { mon: [{ name: 'F', start: '6:00', end: '14:00' }] } }, range)).toThrow(/week\.mon\.0\.start/);
    expect(() => expandShiftCalendar({ week: { mon: [{ name: 'F', start: '06:00', end: '24:00' }] } }, range)).toThrow(/week\.mon\.0\.end/);
    expect(() =>
      expandShiftCalendar({ week: { mon: [{ name: 'F', start: '06:00', end: '14:00', breaks: [{ start: '13:45', end: '14:15' }] }] } }, range),
    ).toThrow(/week\.mon\.0\.breaks\.0/);
    expect(() => expandShiftCalendar({ timeZone: 'Nowhere/City', week: {} }, range)).toThrow(/timeZone/);
    expect(() => expandShiftCalendar({ week: {}, holidays: ['25.12.2026'] }, range)).toThrow(/holidays\.0/);
    expect(() => expandShiftCalendar({ week: {} }, { from: '2026-3-2', to: '2026-03-02' })).toThrow(/from/);
  });

  it('in a zone without clock changes, shift lengths add up exactly (property)', () => {
    const clock = fc.integer({ min: 0, max: 95 }).map((q) => q * 15);
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ALL_DAYS), clock, clock), { maxLength: 6 }),
        fc.integer({ min: 0, max: 30 }),
        (defs, days) => {
          const week: Partial<Record<Weekday, { name: string; start: string; end: string }[]>> = {};
          defs.forEach(([day, s, e], i) => (week[day] ??= []).push({ name: String(i), start: hhmm(s), end: hhmm(e) }));
          const from = new Date(Date.UTC(2026, 0, 5)); // a Monday
          const to = new Date(from.getTime() + days * 86_400_000);
          const r = expandShiftCalendar(
            { timeZone: 'UTC', week },
            { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) },
          );
          let expected = 0;
          for (let d = 0; d <= days; d++) {
            const weekday = ALL_DAYS[d % 7];
            for (const [day, s, e] of defs) if (day === weekday) expected += ((e - s + 1440) % 1440 || 1440) * 60_000;
          }
          expect(r.shifts.reduce((sum, s) => sum + s.window.end - s.window.start, 0)).toBe(expected);
          for (const s of r.shifts) {
            const [day, start] = defs[Number(s.name)];
            expect(ALL_DAYS[(new Date(s.date).getUTCDay() + 6) % 7]).toBe(day);
            expect(s.window.start).toBe(Date.parse(s.date) + start * 60_000);
          }
        },
      ),
    );
  });
});
