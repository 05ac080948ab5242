import { expandShiftCalendar, type ShiftCalendar } from './shift-calendar';
import { type Interval, intersect, subtract } from './intervals';

/** Turns work time into calendar time and back; both directions are monotone. */
export interface WorkClock {
  /** The moment `workMs` of working time after `from` is done. */
  add(from: number, workMs: number): number;
  /** The latest moment from which `workMs` of working time is done by `to`. */
  subtract(to: number, workMs: number): number;
}

export const continuousClock: WorkClock = { add: (from, ms) => from + ms, subtract: (to, ms) => to - ms };

const DAY_MS = 86_400_000;
const CHUNK_DAYS = 28;
/** How far a clock looks for working time before it counts the rest as continuous. */
const HORIZON_CHUNKS = 40; // about three years

/**
 * The work clock of a shift calendar: only productive shift time counts (shifts less their
 * breaks; holidays have none). A calendar without any shift counts every hour (as the forecast did
 * before calendars were read). Work beyond about three years of shifts is counted continuously
 * from there rather than searched for ever. The calendar is expanded lazily in four-week chunks.
 */
export function shiftWorkClock(calendar: ShiftCalendar): WorkClock {
  if (!Object.values(calendar.week).some((shifts) => (shifts ?? []).length > 0)) return continuousClock;
  const chunks = new Map<number, Interval[]>();
  const productiveIn = (chunk: number): Interval[] => {
    let intervals = chunks.get(chunk);
    if (!intervals) {
      const start = chunk * CHUNK_DAYS * DAY_MS;
      const end = start + CHUNK_DAYS * DAY_MS;
      // a shift belongs to the local day it starts on: begin a day early so a night shift reaching into the chunk is seen
      const day = (t: number) => new Date(t).toISOString().slice(0, 10);
      const expanded = expandShiftCalendar(calendar, { from: day(start - DAY_MS), to: day(end) });
      intervals = intersect(subtract(expanded.plannedWindows, expanded.plannedDowntime), [{ start, end }]);
      chunks.set(chunk, intervals);
    }
    return intervals;
  };
  const chunkOf = (t: number) => Math.floor(t / (CHUNK_DAYS * DAY_MS));

  return {
    add(from, workMs) {
      let left = workMs;
      if (left <= 0) return from;
      const first = chunkOf(from);
      for (let chunk = first; chunk < first + HORIZON_CHUNKS; chunk++) {
        for (const iv of productiveIn(chunk)) {
          if (iv.end <= from) continue;
          const start = Math.max(iv.start, from);
          if (left <= iv.end - start) return start + left;
          left -= iv.end - start;
        }
      }
      return Math.max(from, (first + HORIZON_CHUNKS) * CHUNK_DAYS * DAY_MS) + left;
    },
    subtract(to, workMs) {
      let left = workMs;
      if (left <= 0) return to;
      const first = chunkOf(to - 1);
      for (let chunk = first; chunk > first - HORIZON_CHUNKS; chunk--) {
        const intervals = productiveIn(chunk);
        for (let i = intervals.length - 1; i >= 0; i--) {
          const iv = intervals[i]!;
          if (iv.start >= to) continue;
          const end = Math.min(iv.end, to);
          if (left <= end - iv.start) return end - left;
          left -= end - iv.start;
        }
      }
      return Math.min(to, (first - HORIZON_CHUNKS + 1) * CHUNK_DAYS * DAY_MS) - left;
    },
  };
}
