import { DateTime } from 'luxon';
import { notFound } from '../../kernel/http/problem.js';
import {
  type OrderFacts,
  type QuantityBooking,
  type WorkCentreShift,
  aggregateOrderKpis,
  aggregateProductionKpis,
} from './domain/kpis.js';
import { expandShiftCalendar, type ShiftCalendar } from './domain/shift-calendar.js';
import { plannedPauseDowntime } from './domain/planned-downtime.js';
import { isPlannedDowntime } from './domain/reason-tree.js';
import { listReasons } from './reasons.store.js';
import * as facts from './controlling-facts.store.js';
import { quantityBoundaries } from './domain/quantity-boundaries.js';
import { rollUp } from './domain/kpi-roll-up.js';
import type { ControllingQuery } from './schemas.js';
import type { ShopfloorContext } from './shopfloor.service.js';
import * as store from './shopfloor.store.js';

const dayBefore = (date: string) => DateTime.fromISO(date, { zone: 'UTC' }).minus({ days: 1 }).toISODate() as string;
const dayAfter = (date: string) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate() as string;

/**
 * Production KPIs (OEE and its factors, scrap rate, utilisation) per work centre and day or month,
 * and order KPIs (lead time, on-time delivery) by day or month of finishing — all computed with
 * domain/kpis.ts from the stored shift calendars and the applied bookings.
 * Runs still open count until `now` (server time).
 */
export async function controlling(ctx: ShopfloorContext, query: ControllingQuery, now: number = Date.now()) {
  const tenantId = ctx.tenant.tenantId;
  const timeZone = query.timeZone;
  const start = DateTime.fromISO(query.from, { zone: timeZone }).startOf('day').toMillis();
  const end = DateTime.fromISO(query.to, { zone: timeZone }).plus({ days: 1 }).startOf('day').toMillis();
  const period = { start, end };

  const centres = await store.listWorkCentres(ctx.db, tenantId, query.workCentreId ? [query.workCentreId] : undefined);
  if (query.workCentreId && centres.length === 0) throw notFound('work centre');

  // Shifts that start the day before (night shifts) or whose calendar lies in another time zone reach into the period.
  // Work centres with the same calendar (the usual case) share one expansion.
  const expanded = new Map<string, ReturnType<typeof expandShiftCalendar>['shifts']>();
  const shifts: WorkCentreShift[] = centres.flatMap((wc) => {
    const key = JSON.stringify(wc.calendar);
    let list = expanded.get(key);
    if (!list) {
      list = expandShiftCalendar(wc.calendar as ShiftCalendar, { from: dayBefore(query.from), to: dayAfter(query.to) }).shifts;
      expanded.set(key, list);
    }
    return list.map((s) => ({ workCentreId: wc.id, name: s.name, window: s.window, breaks: s.breaks }));
  });

  // Runs, state changes and quantities come pre-digested from SQL (controlling-facts.store.ts).
  // The queries are independent: on a PostgreSQL server they run side by side.
  const workCentreId = query.workCentreId;
  const [{ runs, states: applied }, quantities, reasonList, orderRows] = await Promise.all([
    facts.runFacts(ctx.db, tenantId, { start, end, now, workCentreId }),
    facts.quantityFacts(ctx.db, tenantId, { start, end, workCentreId, boundaries: quantityBoundaries(shifts, period, timeZone) }) as Promise<QuantityBooking[]>,
    listReasons(ctx.db, tenantId),
    facts.orderFacts(ctx.db, tenantId, query.workCentreId),
  ]);
  const operations = [...new Map(applied.map((b) => [b.operationId, { id: b.operationId, workCentreId: b.workCentreId }])).values()];

  // Pauses with a reason classed planned are planned downtime (ISO 22400); unplanned ones stay availability losses.
  const reasons = new Map(reasonList.map((r) => [r.id, r]));
  const plannedDowntime = plannedPauseDowntime(applied, new Map(operations.map((o) => [o.id, o.workCentreId])), (reason) => isPlannedDowntime(reason, reasons), runs, now);

  const kpiFacts = { period, timeZone, workCentreIds: centres.map((c) => c.id), shifts, plannedDowntime, runs, quantities };
  const rows = aggregateProductionKpis(kpiFacts, ['workCentre', query.groupBy]);
  // The coarser groupings are sums of these rows (domain/kpi-roll-up.ts), not computed again.
  const overall = rollUp(rows, [query.groupBy]);
  const workCentres = rollUp(rows, ['workCentre']);
  const [total] = rollUp(rows, []);

  // Orders: released, finished when every operation is finished (at the last finish booking).
  const orders: OrderFacts[] = [];
  for (const o of orderRows) {
    if (query.workCentreId && !o.touches) continue;
    // A finish before the release (device clock) would give a negative lead time; such orders are left out.
    if (o.finishedAt !== null && o.finishedAt < o.releasedAt) continue;
    orders.push({ orderId: o.id, releasedAt: o.releasedAt, finishedAt: o.finishedAt, dueDate: o.dueDate });
  }

  const codes = new Map(centres.map((c) => [c.id, c.code]));
  const withCode = <T extends { workCentreId?: string }>(r: T) => ({ ...r, workCentreCode: r.workCentreId ? (codes.get(r.workCentreId) ?? null) : null });
  return {
    period: { from: query.from, to: query.to, timeZone, start: new Date(start).toISOString(), end: new Date(end).toISOString() },
    groupBy: query.groupBy,
    rows: rows.map(withCode),
    overall,
    workCentres: workCentres.map(withCode),
    total: total ?? null,
    orders: {
      // Orders have no shift: grouped by shift, their figures form one row for the period.
      rows: aggregateOrderKpis(orders, { period, groupBy: query.groupBy === 'shift' ? 'total' : query.groupBy, timeZone }),
      total: aggregateOrderKpis(orders, { period, groupBy: 'total', timeZone })[0],
    },
  };
}
