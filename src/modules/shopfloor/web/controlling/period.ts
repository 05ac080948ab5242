/** Local dates "YYYY-MM-DD" without time-zone arithmetic: the calendar of the date itself. */

export type PeriodKind = 'day' | 'week' | 'month' | 'custom';

export interface Period {
  from: string;
  to: string;
}

const toDate = (iso: string) => new Date(`${iso}T12:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** The day, the week (Monday to Sunday) or the month that contains `anchor`. */
export function periodAround(kind: Exclude<PeriodKind, 'custom'>, anchor: string): Period {
  if (kind === 'day') return { from: anchor, to: anchor };
  const d = toDate(anchor);
  if (kind === 'week') {
    const monday = addDays(anchor, -((d.getUTCDay() + 6) % 7));
    return { from: monday, to: addDays(monday, 6) };
  }
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1, 12));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 12));
  return { from: toIso(first), to: toIso(last) };
}

/**
 * The period shown after switching to another kind (e.g. month → week): the one around today when
 * the current period contains today, otherwise the one around the current period's first day.
 */
export function periodOnKindChange(kind: Exclude<PeriodKind, 'custom'>, current: Period, today: string): Period {
  const contains = current.from <= today && today <= current.to;
  return periodAround(kind, contains ? today : current.from);
}

/** The previous (−1) or next (+1) period of the same kind. */
export function shiftPeriod(kind: Exclude<PeriodKind, 'custom'>, period: Period, step: -1 | 1): Period {
  if (kind === 'day') return periodAround('day', addDays(period.from, step));
  if (kind === 'week') return periodAround('week', addDays(period.from, 7 * step));
  const d = toDate(period.from);
  return periodAround('month', toIso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1, 12))));
}

/** The part of a month "YYYY-MM" that lies inside the period. */
export function monthWithin(month: string, period: Period): Period {
  const whole = periodAround('month', `${month}-01`);
  return { from: whole.from > period.from ? whole.from : period.from, to: whole.to < period.to ? whole.to : period.to };
}

export const isIsoDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));

/** The month "YYYY-MM" the period starts in: the one the monthly report covers. */
export const monthOf = (period: Period) => period.from.slice(0, 7);
