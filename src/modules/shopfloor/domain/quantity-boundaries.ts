import { DateTime } from 'luxon';
import type { Interval } from './intervals';
import type { WorkCentreShift } from './kpis';

/**
 * Every instant at which a quantity could change its row in a KPI grouping: each shift window's start
 * and end and each local day start in the period (months start on a day start). Between two
 * consecutive boundaries all instants belong to the same shift part, day and month.
 */
export function quantityBoundaries(shifts: readonly WorkCentreShift[], period: Interval, timeZone: string): number[] {
  const out = new Set<number>([period.start, period.end]);
  for (const s of shifts) {
    for (const t of [s.window.start, s.window.end]) if (t > period.start && t < period.end) out.add(t);
  }
  for (let d = DateTime.fromMillis(period.start, { zone: timeZone }).startOf('day'); d.toMillis() < period.end; d = d.plus({ days: 1 })) {
    if (d.toMillis() > period.start) out.add(d.toMillis());
  }
  return [...out].sort((a, b) => a - b);
}
