import { DateTime } from 'luxon';
import type { ProductionKpiRow } from './kpis';
import type { RollUpRow } from './kpi-roll-up';

/** The additive figures of one shift part of one work centre's local day (shift null: outside every shift). */
export type DayCell = Pick<ProductionKpiRow, 'calendarMs' | 'plannedProductionMs' | 'runMs' | 'totalRunMs' | 'idealOutputMs' | 'good' | 'scrap'> & {
  readonly shift: string | null;
};

/** Work centre → local date (YYYY-MM-DD) → cells. */
export type DayCells = Map<string, Map<string, DayCell[]>>;

/** The local dates from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = DateTime.fromISO(from, { zone: 'UTC' }); d.toISODate()! <= to; d = d.plus({ days: 1 })) out.push(d.toISODate()!);
  return out;
}

/** The cells of rows grouped by work centre, day and shift. */
export function cellsOfRows(rows: readonly ProductionKpiRow[]): DayCells {
  const out: DayCells = new Map();
  for (const r of rows) {
    if (r.workCentreId === undefined || r.day === undefined) throw new Error('rows must be grouped by work centre, day and shift');
    let days = out.get(r.workCentreId);
    if (!days) out.set(r.workCentreId, (days = new Map()));
    const cell: DayCell = {
      shift: r.shift ?? null, calendarMs: r.calendarMs, plannedProductionMs: r.plannedProductionMs, runMs: r.runMs,
      totalRunMs: r.totalRunMs, idealOutputMs: r.idealOutputMs, good: r.good, scrap: r.scrap,
    };
    const list = days.get(r.day);
    if (list) list.push(cell);
    else days.set(r.day, [cell]);
  }
  return out;
}

/** Cells as the finest rows (work centre, month, day, shift) that kpi-roll-up sums to any grouping. */
export function rowsOfCells(cells: DayCells): RollUpRow[] {
  const out: RollUpRow[] = [];
  for (const [workCentreId, days] of cells) {
    for (const [day, list] of days) {
      for (const c of list) out.push({ ...c, workCentreId, day, month: day.slice(0, 7) });
    }
  }
  return out;
}

/** A state change of an operation, in the order the server applied them. */
export interface StateChange {
  readonly operationId: string;
  readonly workCentreId: string;
  readonly kind: string;
  readonly at: number;
}

/**
 * Per work centre, the earliest instant from which a run or pause is still open (the operation's
 * last state change is a start, resume or pause): its figures grow with the clock until it is closed.
 */
export function openSince(states: readonly StateChange[]): Map<string, number> {
  const last = new Map<string, StateChange>();
  for (const s of states) last.set(s.operationId, s);
  const out = new Map<string, number>();
  for (const s of last.values()) {
    if (s.kind !== 'start-production' && s.kind !== 'resume' && s.kind !== 'pause') continue;
    out.set(s.workCentreId, Math.min(out.get(s.workCentreId) ?? Infinity, s.at));
  }
  return out;
}

/**
 * Whether a day's figures are final and may be kept: the day is over and nothing on the work centre
 * is still open within it. Later bookings that change it delete it again (migration triggers).
 */
export function isFinal(dayEnd: number, now: number, openFrom: number | undefined): boolean {
  return dayEnd <= now && (openFrom === undefined || openFrom >= dayEnd);
}

/** The first and last date some work centre has no cells for, or null when every day is there. */
export function missingRange(dates: readonly string[], workCentreIds: readonly string[], cells: DayCells): { from: string; to: string } | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const day of dates) {
    if (workCentreIds.some((wc) => !cells.get(wc)?.has(day))) {
      from ??= day;
      to = day;
    }
  }
  return from === null || to === null ? null : { from, to };
}
