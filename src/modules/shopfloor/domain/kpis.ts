import { type Interval, clipNormalised, containsInstant, durationWithin, intersect, normalize, subtract } from './intervals';
import { type OeeFigures, oeeFromTimes } from './oee';
import { type Part, findSpan, localSpans } from './period-parts';
import { DEFAULT_TIME_ZONE } from './shift-calendar';

/** One concrete shift of a work centre (e.g. from expandShiftCalendar), with its breaks. */
export interface WorkCentreShift {
  readonly workCentreId: string;
  readonly name: string;
  readonly window: Interval;
  readonly breaks: readonly Interval[];
}

export interface WorkCentreInterval extends Interval {
  readonly workCentreId: string;
}

/** A good/scrap booking, counted at the instant it was booked. */
export interface QuantityBooking {
  readonly workCentreId: string;
  readonly at: number;
  readonly good: number;
  readonly scrap: number;
  readonly idealCycleMs: number;
}

export interface ProductionFacts {
  /** The evaluated period; everything outside it is ignored. */
  readonly period: Interval;
  readonly timeZone?: string;
  /** Work centres to report even without any shift, run or booking in the period. */
  readonly workCentreIds?: readonly string[];
  readonly shifts: readonly WorkCentreShift[];
  /** Planned downtime besides breaks, e.g. planned maintenance. */
  readonly plannedDowntime?: readonly WorkCentreInterval[];
  readonly runs: readonly WorkCentreInterval[];
  readonly quantities: readonly QuantityBooking[];
  /**
   * The present instant. A period that is still running counts planned production time and calendar
   * time only up to it: what has not happened yet was not available either. Without it every planned
   * window of the period counts (a period entirely in the past).
   */
  readonly now?: number;
}

/** The part of the period up to `now` (empty before its start); the whole period without `now`. */
export function elapsedPart(period: Interval, now?: number): Interval {
  if (now === undefined) return period;
  return { start: period.start, end: Math.max(period.start, Math.min(period.end, now)) };
}

export type ProductionDimension = 'workCentre' | 'shift' | 'day' | 'month';

export interface ProductionKpiRow extends OeeFigures {
  readonly workCentreId?: string;
  /** Shift name; null for the time outside every shift. */
  readonly shift?: string | null;
  /** Local date YYYY-MM-DD. */
  readonly day?: string;
  /** Local month YYYY-MM. */
  readonly month?: string;
  /** Length of the row's time span within the period, summed over work centres. */
  readonly calendarMs: number;
  readonly plannedProductionMs: number;
  /** Run time inside planned production time (for OEE). */
  readonly runMs: number;
  /** All run time, also outside shifts (for utilisation). */
  readonly totalRunMs: number;
  readonly idealOutputMs: number;
  readonly good: number;
  readonly scrap: number;
  readonly scrapRate: number | null;
  readonly utilisation: number | null;
}

/** scrap ÷ (good + scrap); null when nothing was booked. */
export function scrapRate(good: number, scrap: number): number | null {
  return good + scrap > 0 ? scrap / (good + scrap) : null;
}

/** All run time ÷ calendar time; null for an empty span. */
export function utilisation(totalRunMs: number, calendarMs: number): number | null {
  return calendarMs > 0 ? totalRunMs / calendarMs : null;
}

interface Accumulator {
  workCentreId?: string;
  shift?: string | null;
  day?: string;
  month?: string;
  calendarMs: number;
  plannedProductionMs: number;
  runMs: number;
  totalRunMs: number;
  idealOutputMs: number;
  good: number;
  scrap: number;
}

function measure(normalised: Interval[], cell: Interval[]): number {
  return cell.reduce((sum, c) => sum + durationWithin(normalised, c), 0);
}

/**
 * Each instant of the period belongs to exactly one shift part: where shifts overlap, to the shift
 * that started first; outside all shifts, to the part `null`.
 */
function shiftParts(shifts: readonly WorkCentreShift[], period: Interval): Part<string | null>[] {
  const sorted = [...shifts].sort((a, b) => a.window.start - b.window.start);
  const byName = new Map<string, Interval[]>();
  let reachedUntil = -Infinity;
  for (const s of sorted) {
    const start = Math.max(s.window.start, reachedUntil);
    if (s.window.end > start) {
      const list = byName.get(s.name) ?? [];
      list.push({ start, end: s.window.end });
      byName.set(s.name, list);
    }
    reachedUntil = Math.max(reachedUntil, s.window.end);
  }
  const parts: Part<string | null>[] = [...byName.entries()]
    .map(([key, set]) => ({ key, set: intersect(set, [period]) }))
    .filter((p) => p.set.length > 0);
  const outside = subtract([period], sorted.map((s) => s.window));
  if (outside.length > 0) parts.push({ key: null, set: outside });
  return parts;
}

function findPart<K>(parts: Part<K>[], instant: number): Part<K> | undefined {
  return parts.find((p) => containsInstant(p.set, instant));
}

/**
 * Production KPIs grouped by any combination of work centre, shift, local day and local month.
 * The rows of a grouping partition the period: summing planned production time, run time, counts or
 * calendar time over the rows gives the ungrouped totals. Days and months are local to the time zone
 * (default Europe/Berlin), so a day lasts 23, 24 or 25 hours; a night shift is split at midnight.
 */
export function aggregateProductionKpis(
  facts: ProductionFacts,
  groupBy: readonly ProductionDimension[],
): ProductionKpiRow[] {
  const timeZone = facts.timeZone ?? DEFAULT_TIME_ZONE;
  const period = facts.period;
  if (!(period.end >= period.start)) throw new RangeError('period end is before its start');
  const by = new Set(groupBy);

  const workCentres = new Set<string>(facts.workCentreIds ?? []);
  for (const list of [facts.shifts, facts.runs, facts.quantities, facts.plannedDowntime ?? []]) {
    for (const item of list) workCentres.add(item.workCentreId);
  }
  const group = <T extends { workCentreId: string }>(items: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const list = map.get(item.workCentreId);
      if (list) list.push(item);
      else map.set(item.workCentreId, [item]);
    }
    return map;
  };
  const shiftsBy = group(facts.shifts);
  const runsBy = group(facts.runs);
  const downBy = group(facts.plannedDowntime ?? []);
  const qtyBy = group(facts.quantities);

  const timeParts: Part<string | undefined>[] = by.has('day')
    ? localSpans(period, 'day', timeZone)
    : by.has('month')
      ? localSpans(period, 'month', timeZone)
      : period.end > period.start ? [{ key: undefined, set: [period] }] : [];

  const rows = new Map<string, Accumulator>();
  const cell = (wc: string, shift: string | null | undefined, time: string | undefined): Accumulator => {
    const key = `${by.has('workCentre') ? wc : ''}\u0001${shift === null ? '\u0002' : (shift ?? '')}\u0001${time ?? ''}`;
    const existing = rows.get(key);
    if (existing) return existing;
    const row: Accumulator = {
      calendarMs: 0, plannedProductionMs: 0, runMs: 0, totalRunMs: 0, idealOutputMs: 0, good: 0, scrap: 0,
    };
    if (by.has('workCentre')) row.workCentreId = wc;
    if (by.has('shift')) row.shift = shift ?? null;
    if (by.has('day')) row.day = time;
    if (by.has('month')) row.month = time?.slice(0, 7);
    rows.set(key, row);
    return row;
  };

  const elapsed = elapsedPart(period, facts.now);
  for (const wc of [...workCentres].sort()) {
    const shifts = shiftsBy.get(wc) ?? [];
    const productive = normalize(shifts.flatMap((s) => subtract([s.window], s.breaks)));
    const planned = intersect(subtract(productive, downBy.get(wc) ?? []), [elapsed]);
    const runs = normalize(runsBy.get(wc) ?? []);
    const run = intersect(runs, planned);
    const totalRun = intersect(runs, [period]);
    const sParts: Part<string | null | undefined>[] = by.has('shift')
      ? shiftParts(shifts, period)
      : [{ key: undefined, set: [period] }];

    for (const s of sParts) {
      for (const t of timeParts) {
        const span = clipNormalised(s.set, t.set[0]);
        if (span.length === 0) continue;
        const row = cell(wc, s.key, t.key);
        row.calendarMs += measure(span, [elapsed]);
        row.plannedProductionMs += measure(planned, span);
        row.runMs += measure(run, span);
        row.totalRunMs += measure(totalRun, span);
      }
    }
    for (const q of qtyBy.get(wc) ?? []) {
      if (q.at < period.start || q.at >= period.end) continue;
      const s = findPart(sParts, q.at);
      const t = findSpan(timeParts, q.at);
      if (!s || !t) continue;
      const row = cell(wc, s.key, t.key);
      row.good += q.good;
      row.scrap += q.scrap;
      row.idealOutputMs += q.idealCycleMs * (q.good + q.scrap);
    }
  }

  const result: ProductionKpiRow[] = [];
  for (const r of rows.values()) {
    const oee = oeeFromTimes(r);
    result.push(Object.assign(r, {
      availability: oee.availability,
      performance: oee.performance,
      performanceAboveIdeal: oee.performanceAboveIdeal,
      quality: oee.quality,
      oee: oee.oee,
      scrapRate: scrapRate(r.good, r.scrap),
      utilisation: utilisation(r.totalRunMs, r.calendarMs),
    }));
  }
  return result.sort(compareRows);
}

function compareRows(a: ProductionKpiRow, b: ProductionKpiRow): number {
  return (
    compareText(a.workCentreId ?? '', b.workCentreId ?? '') ||
    compareText(a.month ?? '', b.month ?? '') ||
    compareText(a.day ?? '', b.day ?? '') ||
    compareText(a.shift === null ? '\uffff' : (a.shift ?? ''), b.shift === null ? '\uffff' : (b.shift ?? ''))
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
