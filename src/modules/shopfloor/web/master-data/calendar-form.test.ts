import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarSchema } from '../../schemas';
import { expandShiftCalendar } from '../../domain/shift-calendar';
import { type CalendarForm, WEEKDAYS, breakInsideShift, calendarHints, calendarToForm, formToCalendar, isNightShift, shiftLength } from './calendar-form';

const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const shift = fc.record({ name: fc.constantFrom('Früh', 'Spät', 'Nacht'), start: clock, end: clock, breaks: fc.array(fc.record({ start: clock, end: clock }), { maxLength: 3 }) });
const week = fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, fc.array(shift, { maxLength: 3 })])) as Record<(typeof WEEKDAYS)[number], fc.Arbitrary<Array<{ name: string; start: string; end: string; breaks: Array<{ start: string; end: string }> }>>>);

describe('shift calendar editor model', () => {
  it('converts the API shape to the editor and back without change', () => {
    fc.assert(
      fc.property(week, fc.uniqueArray(fc.date({ min: new Date('2026-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { maxLength: 5 }), (w, holidays) => {
        const calendar = { timeZone: 'Europe/Vienna', week: Object.fromEntries(Object.entries(w).filter(([, s]) => s.length > 0)), holidays: [...holidays].sort() };
        expect(formToCalendar(calendarToForm(calendar))).toEqual(calendar);
      }),
    );
  });

  it('reports a break outside its shift exactly when the server refuses the calendar', () => {
    fc.assert(
      fc.property(shift, (s) => {
        const form = calendarToForm({ timeZone: 'Europe/Berlin', week: { wed: [s] }, holidays: [] });
        const clientSays = calendarHints(form).filter((h) => h.code === 'breakOutside').map((h) => h.path);
        const server = calendarSchema.safeParse(formToCalendar(form));
        const serverSays = server.success ? [] : server.error.issues.map((i) => `calendar.${i.path.join('.')}`);
        // The server names the first break outside; the client names all of them.
        if (serverSays.length === 0) expect(clientSays).toEqual([]);
        else expect(clientSays[0]).toBe(serverSays[0]);
      }),
    );
  });

  it('measures shift lengths like the expanded calendar outside clock changes', () => {
    fc.assert(
      fc.property(clock, clock, (start, end) => {
        const [instance] = expandShiftCalendar({ timeZone: 'UTC', week: { mon: [{ name: 'S', start, end }] } }, { from: '2026-06-01', to: '2026-06-01' }).shifts;
        expect(shiftLength({ start, end })).toBe((instance.window.end - instance.window.start) / 60_000);
        expect(isNightShift({ start, end })).toBe(end <= start);
      }),
    );
  });

  it('keeps a night-shift break after midnight inside, and flags one before the start', () => {
    const night = { start: '22:00', end: '06:00' };
    expect(breakInsideShift(night, { start: '02:00', end: '02:30' })).toBe(true);
    expect(breakInsideShift(night, { start: '23:45', end: '00:15' })).toBe(true);
    expect(breakInsideShift(night, { start: '21:30', end: '22:15' })).toBe(false);
    expect(breakInsideShift({ start: '06:00', end: '14:00' }, { start: '13:45', end: '14:15' })).toBe(false);
  });

  it('asks for names and valid times at the API paths', () => {
    const form: CalendarForm = calendarToForm({ timeZone: 'Europe/Berlin', week: { mon: [{ name: ' ', start: '06:00', end: '', breaks: [{ start: '7', end: '07:30' }] }] }, holidays: ['2026-13-01x'] });
    expect(calendarHints(form)).toEqual([
      { path: 'calendar.week.mon.0.name', code: 'nameMissing' },
      { path: 'calendar.week.mon.0.end', code: 'time' },
      { path: 'calendar.week.mon.0.breaks.0.start', code: 'time' },
      { path: 'calendar.holidays.0', code: 'holiday' },
    ]);
  });
});
