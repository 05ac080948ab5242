import type { CalendarInput } from '../../schemas';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Editor state of a shift calendar; `key` keeps React rows stable while rows are added and removed. */
export interface BreakForm { key: string; start: string; end: string }
export interface ShiftForm { key: string; name: string; start: string; end: string; breaks: BreakForm[] }
export interface CalendarForm { timeZone: string; week: Record<Weekday, ShiftForm[]>; holidays: string[] }

let counter = 0;
export const newKey = () => `row-${++counter}`;

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY = 1440;

export function emptyShift(start = '06:00', end = '14:00'): ShiftForm {
  return { key: newKey(), name: '', start, end, breaks: [] };
}

export function calendarToForm(calendar?: CalendarInput): CalendarForm {
  const week = Object.fromEntries(
    WEEKDAYS.map((d) => [d, (calendar?.week[d] ?? []).map((s) => ({ key: newKey(), name: s.name, start: s.start, end: s.end, breaks: (s.breaks ?? []).map((b) => ({ key: newKey(), start: b.start, end: b.end })) }))]),
  ) as Record<Weekday, ShiftForm[]>;
  return { timeZone: calendar?.timeZone ?? DEFAULT_TIME_ZONE, week, holidays: [...(calendar?.holidays ?? [])].sort() };
}

/** The API shape; weekdays without shifts are left out, holidays sorted and without repeats. */
export function formToCalendar(form: CalendarForm): CalendarInput {
  const week: CalendarInput['week'] = {};
  for (const d of WEEKDAYS) {
    if (form.week[d].length === 0) continue;
    week[d] = form.week[d].map((s) => ({ name: s.name.trim(), start: s.start, end: s.end, breaks: s.breaks.map((b) => ({ start: b.start, end: b.end })) }));
  }
  return { timeZone: form.timeZone, week, holidays: [...new Set(form.holidays)].sort() };
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** A shift whose end is not after its start ends on the next day (22:00–06:00). */
export const isNightShift = (s: Pick<ShiftForm, 'start' | 'end'>) => CLOCK.test(s.start) && CLOCK.test(s.end) && minutes(s.end) <= minutes(s.start);

/** Length in minutes as the server computes it; 06:00–06:00 is 24 hours. */
export function shiftLength(s: Pick<ShiftForm, 'start' | 'end'>): number | null {
  if (!CLOCK.test(s.start) || !CLOCK.test(s.end)) return null;
  return (minutes(s.end) - minutes(s.start) + DAY) % DAY || DAY;
}

/** Whether a break lies inside its shift, measured from the shift start like the server does. */
export function breakInsideShift(shift: Pick<ShiftForm, 'start' | 'end'>, b: Pick<BreakForm, 'start' | 'end'>): boolean | null {
  const length = shiftLength(shift);
  if (length === null || !CLOCK.test(b.start) || !CLOCK.test(b.end)) return null;
  const from = (minutes(b.start) - minutes(shift.start) + DAY) % DAY;
  let to = (minutes(b.end) - minutes(shift.start) + DAY) % DAY;
  if (to <= from) to += DAY;
  return to <= length;
}

export type CalendarHintCode = 'nameMissing' | 'time' | 'breakOutside' | 'holiday';

/** Problems the server would refuse, with the API's field paths below `calendar`, shown before saving. */
export function calendarHints(form: CalendarForm): Array<{ path: string; code: CalendarHintCode }> {
  const hints: Array<{ path: string; code: CalendarHintCode }> = [];
  for (const d of WEEKDAYS) {
    form.week[d].forEach((s, i) => {
      const at = `calendar.week.${d}.${i}`;
      if (s.name.trim() === '') hints.push({ path: `${at}.name`, code: 'nameMissing' });
      if (!CLOCK.test(s.start)) hints.push({ path: `${at}.start`, code: 'time' });
      if (!CLOCK.test(s.end)) hints.push({ path: `${at}.end`, code: 'time' });
      s.breaks.forEach((b, j) => {
        if (!CLOCK.test(b.start)) hints.push({ path: `${at}.breaks.${j}.start`, code: 'time' });
        if (!CLOCK.test(b.end)) hints.push({ path: `${at}.breaks.${j}.end`, code: 'time' });
        if (breakInsideShift(s, b) === false) hints.push({ path: `${at}.breaks.${j}`, code: 'breakOutside' });
      });
    });
  }
  form.holidays.forEach((h, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(h)) hints.push({ path: `calendar.holidays.${i}`, code: 'holiday' });
  });
  return hints;
}

export const weeklyMinutes = (form: CalendarForm) =>
  WEEKDAYS.reduce((sum, d) => sum + form.week[d].reduce((s, shift) => s + (shiftLength(shift) ?? 0), 0), 0);
