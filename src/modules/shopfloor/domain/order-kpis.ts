import { DateTime } from 'luxon';
import type { Interval } from './intervals';
import { findSpan, localSpans } from './period-parts';
import { DEFAULT_TIME_ZONE } from './shift-calendar';

export interface OrderFacts {
  readonly orderId: string;
  readonly releasedAt: number;
  readonly finishedAt: number | null;
  /** Local date YYYY-MM-DD by which the order is due; finishing any time on that date is on time. */
  readonly dueDate?: string | null;
}

/** Release → finish in ms; null while the order is open. */
export function leadTimeMs(order: OrderFacts): number | null {
  if (order.finishedAt === null) return null;
  if (order.finishedAt < order.releasedAt) {
    throw new RangeError(`order ${order.orderId}: finished before it was released`);
  }
  return order.finishedAt - order.releasedAt;
}

/** Finished before the end of the due date (local time); null while open or without due date. */
export function isOnTime(order: OrderFacts, timeZone: string = DEFAULT_TIME_ZONE): boolean | null {
  return onTimeWith(order, (dueDate) => endOfDueDate(order.orderId, dueDate, timeZone));
}

function onTimeWith(order: OrderFacts, endOf: (dueDate: string) => number): boolean | null {
  if (order.finishedAt === null || !order.dueDate) return null;
  return order.finishedAt < endOf(order.dueDate);
}

function endOfDueDate(orderId: string, dueDate: string, timeZone: string): number {
  const due = DateTime.fromISO(dueDate, { zone: timeZone });
  if (!due.isValid) throw new RangeError(`order ${orderId}: invalid due date "${dueDate}"`);
  return due.startOf('day').plus({ days: 1 }).toMillis();
}

export interface OrderKpiRow {
  readonly day?: string;
  readonly month?: string;
  readonly finished: number;
  readonly averageLeadTimeMs: number | null;
  readonly medianLeadTimeMs: number | null;
  /** Finished orders that had a due date. */
  readonly withDueDate: number;
  readonly onTime: number;
  /** onTime ÷ withDueDate; null when no finished order had a due date. */
  readonly onTimeDelivery: number | null;
}

/**
 * Lead time and on-time delivery of the orders finished within the period, grouped by the local
 * day or month of finishing (or one row in total). Open orders are not counted.
 */
export function aggregateOrderKpis(
  orders: readonly OrderFacts[],
  options: { period: Interval; groupBy: 'day' | 'month' | 'total'; timeZone?: string },
): OrderKpiRow[] {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  // Time-zone arithmetic per order is the expensive part for a year of orders: the local days or
  // months of the period and the end of each due date are computed once.
  const spans = options.groupBy === 'total' ? [] : localSpans(options.period, options.groupBy, timeZone);
  const dueEnds = new Map<string, number>();
  const groups = new Map<string, { leadTimes: number[]; withDueDate: number; onTime: number }>();
  for (const order of orders) {
    if (order.finishedAt === null || order.finishedAt < options.period.start || order.finishedAt >= options.period.end) continue;
    const key = options.groupBy === 'total' ? '' : (findSpan(spans, order.finishedAt)?.key as string);
    const g = groups.get(key) ?? { leadTimes: [], withDueDate: 0, onTime: 0 };
    g.leadTimes.push(leadTimeMs(order) as number);
    const onTime = onTimeWith(order, (dueDate) => {
      let end = dueEnds.get(dueDate);
      if (end === undefined) dueEnds.set(dueDate, (end = endOfDueDate(order.orderId, dueDate, timeZone)));
      return end;
    });
    if (onTime !== null) {
      g.withDueDate++;
      if (onTime) g.onTime++;
    }
    groups.set(key, g);
  }
  if (options.groupBy === 'total' && groups.size === 0) groups.set('', { leadTimes: [], withDueDate: 0, onTime: 0 });

  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => {
      const sorted = [...g.leadTimes].sort((a, b) => a - b);
      const n = sorted.length;
      const row: OrderKpiRow = {
        finished: n,
        averageLeadTimeMs: n > 0 ? sorted.reduce((s, x) => s + x, 0) / n : null,
        medianLeadTimeMs: n === 0 ? null : n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
        withDueDate: g.withDueDate,
        onTime: g.onTime,
        onTimeDelivery: g.withDueDate > 0 ? g.onTime / g.withDueDate : null,
      };
      if (options.groupBy === 'day') return { day: key, ...row };
      if (options.groupBy === 'month') return { month: key, ...row };
      return row;
    });
}
