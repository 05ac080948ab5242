import { DateTime, IANAZone } from 'luxon';
import { normalize, subtract, type Interval } from './intervals';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Wall-clock times "HH:mm" in the calendar's time zone. */
export interface BreakDefinition {
  readonly start: string;
  readonly end: string;
}

/** A shift; end ≤ start means it ends the next day (e.g. 22:00–06:00), end = start means 24 h. */
export interface ShiftDefinition {
  readonly name: string;
  readonly start: string;
  readonly end: string;
  readonly breaks?: readonly BreakDefinition[];
}

export interface ShiftCalendar {
  /** IANA time zone; default Europe/Berlin. */
  readonly timeZone?: string;
  readonly week: Partial<Record<Weekday, readonly ShiftDefinition[]>>;
  /** ISO dates (YYYY-MM-DD) on which no shift starts. */
  readonly holidays?: readonly string[];
}

/** One concrete shift: the local date it starts on, its UTC window and its breaks. */
export interface ShiftInstance {
  readonly name: string;
  readonly date: string;
  readonly window: Interval;
  readonly breaks: readonly Interval[];
}

export interface ExpandedCalendar {
  readonly shifts: readonly ShiftInstance[];
  /** Union of all shift windows (normal form). */
  readonly plannedWindows: readonly Interval[];
  /** Time inside the shift windows in which no shift is productive (breaks), normal form. */
  readonly plannedDowntime: readonly Interval[];
}

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
const MINUTES_PER_DAY = 1440;
const DAY_MS = 86_400_000;

function parseClock(text: string, field: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!m) throw new RangeError(`${field}: expected a time "HH:mm" between 00:00 and 23:59, got "${text}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function parseDate(text: string, field: string): DateTime {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(text) ? DateTime.fromISO(text, { zone: 'UTC' }) : null;
  if (!d || !d.isValid) throw new RangeError(`${field}: expected a date "YYYY-MM-DD", got "${text}"`);
  return d;
}

/**
 * The UTC instant of a wall-clock time on a local date.
 * A time skipped by the spring change (02:30 on 2026-03-29 in Berlin) moves forward by the gap
 * (03:30 CEST); a time that occurs twice in the autumn change (02:30 on 2026-10-25) means the first
 * occurrence (still summer time).
 */
export function localTimeToUtc(date: string, minuteOfDay: number, timeZone: string = DEFAULT_TIME_ZONE): number {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`unknown time zone "${timeZone}"`);
  return wallClockToUtc(zone, parseDate(date, 'date').toMillis() + minuteOfDay * 60_000);
}

const QUARTER_HOUR_MS = 15 * 60_000;
const SINCE_2000 = Date.UTC(2000, 0, 1);
const offsetCache = new Map<string, number>();

/**
 * The zone's UTC offset in minutes at an instant. Asking Intl for it is slow (a year of shifts on
 * 20 work centres asks 170,000 times), so offsets are cached per quarter hour: since 2000 every
 * time-zone transition falls on a full quarter hour of UTC, so the offset is constant within one.
 */
function offsetAt(zone: IANAZone, instant: number): number {
  if (instant < SINCE_2000) return zone.offset(instant);
  const quarter = Math.floor(instant / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${zone.name}|${quarter}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = zone.offset(quarter);
    if (offsetCache.size >= 200_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** `wallAsUtc`: the wall-clock reading written as if it were UTC. */
function wallClockToUtc(zone: IANAZone, wallAsUtc: number): number {
  const before = offsetAt(zone, wallAsUtc - DAY_MS);
  const after = offsetAt(zone, wallAsUtc + DAY_MS);
  const first = wallAsUtc - Math.max(before, after) * 60_000;
  const second = wallAsUtc - Math.min(before, after) * 60_000;
  if (offsetAt(zone, first) * 60_000 === wallAsUtc - first) return first;
  if (offsetAt(zone, second) * 60_000 === wallAsUtc - second) return second;
  return wallAsUtc - before * 60_000;
}

/**
 * Expands a weekly shift pattern into concrete UTC shift windows for the local dates
 * `from`..`to` (both inclusive). A shift belongs to the date on which it starts, so a night shift
 * starting on the evening before a holiday still takes place.
 * Planned downtime is the time inside the shift windows where no shift is productive: when shifts
 * overlap, one shift's break is not downtime while the other shift works.
 */
export function expandShiftCalendar(calendar: ShiftCalendar, range: { from: string; to: string }): ExpandedCalendar {
  const timeZone = calendar.timeZone ?? DEFAULT_TIME_ZONE;
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`timeZone: unknown time zone "${timeZone}"`);
  const from = parseDate(range.from, 'from');
  const to = parseDate(range.to, 'to');
  const holidays = new Set((calendar.holidays ?? []).map((h, i) => parseDate(h, `holidays.${i}`).toISODate()));

  const patterns = new Map<Weekday, ShiftPattern[]>();
  for (const day of WEEKDAYS) {
    patterns.set(day, (calendar.week[day] ?? []).map((s, i) => compileShift(s, `week.${day}.${i}`)));
  }

  const shifts: ShiftInstance[] = [];
  for (let day = from.toMillis(); day <= to.toMillis(); day += DAY_MS) {
    const date = new Date(day).toISOString().slice(0, 10);
    if (holidays.has(date)) continue;
    for (const p of patterns.get(WEEKDAYS[(new Date(day).getUTCDay() + 6) % 7]) ?? []) {
      const at = (offset: number) => wallClockToUtc(zone, day + (p.start + offset) * 60_000);
      const window = { start: at(0), end: at(p.length) };
      const breaks = normalize(
        p.breaks.map((b) => ({ start: Math.max(window.start, at(b.from)), end: Math.min(window.end, at(b.to)) }))
          .filter((b) => b.end > b.start),
      );
      shifts.push({ name: p.name, date, window, breaks });
    }
  }

  const plannedWindows = normalize(shifts.map((s) => s.window));
  const productive = normalize(shifts.flatMap((s) => subtract([s.window], s.breaks)));
  return { shifts, plannedWindows, plannedDowntime: subtract(plannedWindows, productive) };
}

interface ShiftPattern {
  name: string;
  start: number;
  length: number;
  /** Break offsets in wall-clock minutes from the shift start. */
  breaks: { from: number; to: number }[];
}

function compileShift(shift: ShiftDefinition, field: string): ShiftPattern {
  const start = parseClock(shift.start, `${field}.start`);
  const end = parseClock(shift.end, `${field}.end`);
  const length = (end - start + MINUTES_PER_DAY) % MINUTES_PER_DAY || MINUTES_PER_DAY;
  const breaks = (shift.breaks ?? []).map((b, i) => {
    const from = (parseClock(b.start, `${field}.breaks.${i}.start`) - start + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    let to = (parseClock(b.end, `${field}.breaks.${i}.end`) - start + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    if (to <= from) to += MINUTES_PER_DAY;
    if (to > length) {
      throw new RangeError(`${field}.breaks.${i}: break ${b.start}–${b.end} lies outside the shift ${shift.start}–${shift.end}`);
    }
    return { from, to };
  });
  return { name: shift.name, start, length, breaks };
}
