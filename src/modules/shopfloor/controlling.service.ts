import { DateTime } from 'luxon';
import { notFound } from '../../kernel/http/problem.js';
import {
  type OrderFacts,
  type QuantityBooking,
  type WorkCentreInterval,
  type WorkCentreShift,
  aggregateOrderKpis,
  aggregateProductionKpis,
} from './domain/kpis.js';
import { expandShiftCalendar, type ShiftCalendar } from './domain/shift-calendar.js';
import { replayOperations } from './bookings.service.js';
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
  const shifts: WorkCentreShift[] = centres.flatMap((wc) =>
    expandShiftCalendar(wc.calendar as ShiftCalendar, { from: dayBefore(query.from), to: dayAfter(query.to) }).shifts.map((s) => ({
      workCentreId: wc.id,
      name: s.name,
      window: s.window,
      breaks: s.breaks,
    })));

  const operations = await store.orderOperations(ctx.db, tenantId, query.workCentreId ? { workCentreId: query.workCentreId } : {});
  const opById = new Map(operations.map((o) => [o.id, o]));
  const applied = await store.appliedBookings(ctx.db, tenantId, query.workCentreId ? { operationIds: operations.map((o) => o.id) } : {});
  const states = replayOperations(applied);

  const runs: WorkCentreInterval[] = [];
  for (const [operationId, state] of states) {
    const op = opById.get(operationId);
    if (!op) continue;
    for (const r of state.runs) runs.push({ workCentreId: op.workCentreId, start: r.start, end: r.end });
    if (state.runningSince !== null && now > state.runningSince) runs.push({ workCentreId: op.workCentreId, start: state.runningSince, end: now });
  }
  const quantities: QuantityBooking[] = applied.flatMap((b) => {
    const op = opById.get(b.operationId);
    if (b.kind !== 'quantity' || !op) return [];
    return [{ workCentreId: op.workCentreId, at: b.at, good: b.good ?? 0, scrap: b.scrap ?? 0, idealCycleMs: op.idealCycleMs }];
  });

  const facts = { period, timeZone, workCentreIds: centres.map((c) => c.id), shifts, runs, quantities };
  const rows = aggregateProductionKpis(facts, ['workCentre', query.groupBy]);
  const workCentres = aggregateProductionKpis(facts, ['workCentre']);
  const [total] = aggregateProductionKpis(facts, []);

  // Orders: released, finished when every operation is finished (at the last finish booking).
  const orderRows = await store.listOrders(ctx.db, tenantId);
  const allStates = query.workCentreId ? replayOperations(await store.appliedBookings(ctx.db, tenantId)) : states;
  const orders: OrderFacts[] = [];
  for (const o of orderRows) {
    if (o.releasedAt === null || o.operations.length === 0) continue;
    if (query.workCentreId && !o.operations.some((op) => op.workCentreId === query.workCentreId)) continue;
    const finishes = o.operations.map((op) => allStates.get(op.id)?.finishedAt ?? null);
    const finishedAt = finishes.every((f) => f !== null) ? Math.max(...(finishes as number[])) : null;
    const releasedAt = Date.parse(o.releasedAt);
    // A finish before the release (device clock) would give a negative lead time; such orders are left out.
    if (finishedAt !== null && finishedAt < releasedAt) continue;
    orders.push({ orderId: o.id, releasedAt, finishedAt, dueDate: o.dueDate });
  }

  const codes = new Map(centres.map((c) => [c.id, c.code]));
  const withCode = <T extends { workCentreId?: string }>(r: T) => ({ ...r, workCentreCode: r.workCentreId ? (codes.get(r.workCentreId) ?? null) : null });
  return {
    period: { from: query.from, to: query.to, timeZone, start: new Date(start).toISOString(), end: new Date(end).toISOString() },
    groupBy: query.groupBy,
    rows: rows.map(withCode),
    workCentres: workCentres.map(withCode),
    total: total ?? null,
    orders: {
      rows: aggregateOrderKpis(orders, { period, groupBy: query.groupBy, timeZone }),
      total: aggregateOrderKpis(orders, { period, groupBy: 'total', timeZone })[0],
    },
  };
}
