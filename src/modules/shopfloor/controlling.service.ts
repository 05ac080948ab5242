import { DateTime } from 'luxon';
import { notFound } from '../../kernel/http/problem.js';
import { type WorkCentreShift, aggregateProductionKpis } from './domain/kpis.js';
import { type OrderFacts, aggregateOrderKpis } from './domain/order-kpis.js';
import { expandShiftCalendar, type ShiftCalendar } from './domain/shift-calendar.js';
import { plannedPauseDowntime } from './domain/planned-downtime.js';
import { isPlannedDowntime } from './domain/reason-tree.js';
import { listReasons } from './reasons.store.js';
import * as facts from './controlling-facts.store.js';
import * as days from './controlling-days.store.js';
import { type DayCell, type DayCells, cellsOfRows, datesBetween, isFinal, missingRange, openSince, rowsOfCells } from './domain/controlling-days.js';
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
 * Runs still open count until `now` (server time), and so do planned production time and calendar
 * time: a period that is still running is measured up to `now` (`period.running`, `period.measuredUntil`).
 *
 * Finished days are kept per work centre (controlling-days.store.ts) and read instead of computed
 * again; `keep: false` computes every day from the bookings (the tests compare both).
 */
export async function controlling(ctx: ShopfloorContext, query: ControllingQuery, now: number = Date.now(), options: { keep?: boolean } = {}) {
  const tenantId = ctx.tenant.tenantId;
  const timeZone = query.timeZone;
  const keep = options.keep ?? true;
  const start = DateTime.fromISO(query.from, { zone: timeZone }).startOf('day').toMillis();
  const end = DateTime.fromISO(query.to, { zone: timeZone }).plus({ days: 1 }).startOf('day').toMillis();
  const period = { start, end };

  const centres = await store.listWorkCentres(ctx.db, tenantId, query.workCentreId ? [query.workCentreId] : undefined);
  if (query.workCentreId && centres.length === 0) throw notFound('work centre');
  const centreIds = centres.map((c) => c.id);

  // The change counter is read before anything else: days computed from older data are not kept.
  const epoch = keep ? await days.readEpoch(ctx.db, tenantId) : 0;
  const [kept, orderRows] = await Promise.all([
    keep ? days.readDays(ctx.db, tenantId, { timeZone, from: query.from, to: query.to, workCentreId: query.workCentreId }) : Promise.resolve<DayCells>(new Map()),
    facts.orderFacts(ctx.db, tenantId, query.workCentreId),
  ]);
  const dates = datesBetween(query.from, query.to);
  // A kept day counts only if it has ended by `now`: asked for an earlier moment (a clock set back, a
  // report "as of"), a day kept later is still running then and is computed up to `now` instead.
  const endedByNow = (day: string) => DateTime.fromISO(day, { zone: timeZone }).plus({ days: 1 }).startOf('day').toMillis() <= now;
  const cells: DayCells = new Map(centreIds.map((id) => [id, new Map([...(kept.get(id) ?? [])].filter(([day]) => endedByNow(day)))]));
  const missing = missingRange(dates, centreIds, cells);
  if (missing) {
    const computed = await computeDays(ctx, centres, { ...missing, timeZone, now, workCentreId: query.workCentreId });
    const toKeep: Array<{ workCentreId: string; day: string; cells: DayCell[] }> = [];
    for (const id of centreIds) {
      const mine = cells.get(id)!;
      for (const [day, list] of computed.cells.get(id) ?? []) {
        if (keep && !mine.has(day) && computed.isFinal(id, day)) toKeep.push({ workCentreId: id, day, cells: list });
        mine.set(day, list);
      }
    }
    if (toKeep.length > 0) await days.storeDays(ctx.db, tenantId, timeZone, epoch, toKeep);
  }

  // Every grouping is a sum of the days' cells (domain/kpi-roll-up.ts), the coarser ones of the finer rows.
  const rows = rollUp(rowsOfCells(cells), ['workCentre', query.groupBy]);
  const overall = rollUp(rows, [query.groupBy]);
  const workCentres = rollUp(rows, ['workCentre']);
  const [total] = rollUp(workCentres, []);

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
    period: {
      from: query.from, to: query.to, timeZone, start: new Date(start).toISOString(), end: new Date(end).toISOString(),
      // A period that has not ended yet is measured up to now; one that has not begun has nothing planned yet.
      running: now < end,
      measuredUntil: new Date(Math.max(start, Math.min(end, now))).toISOString(),
    },
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

/**
 * The cells of the local days `from`…`to` for the work centres, computed from the shift calendars and
 * the applied bookings, and which of them are final (see domain/controlling-days.ts).
 */
async function computeDays(
  ctx: ShopfloorContext,
  centres: Awaited<ReturnType<typeof store.listWorkCentres>>,
  range: { from: string; to: string; timeZone: string; now: number; workCentreId?: string },
) {
  const tenantId = ctx.tenant.tenantId;
  const { timeZone, now, workCentreId } = range;
  const start = DateTime.fromISO(range.from, { zone: timeZone }).startOf('day').toMillis();
  const end = DateTime.fromISO(range.to, { zone: timeZone }).plus({ days: 1 }).startOf('day').toMillis();
  const period = { start, end };

  // Shifts that start the day before (night shifts) or whose calendar lies in another time zone reach into the period.
  // Work centres with the same calendar (the usual case) share one expansion.
  const expanded = new Map<string, ReturnType<typeof expandShiftCalendar>['shifts']>();
  const shifts: WorkCentreShift[] = centres.flatMap((wc) => {
    const key = JSON.stringify(wc.calendar);
    let list = expanded.get(key);
    if (!list) {
      list = expandShiftCalendar(wc.calendar as ShiftCalendar, { from: dayBefore(range.from), to: dayAfter(range.to) }).shifts;
      expanded.set(key, list);
    }
    return list.map((s) => ({ workCentreId: wc.id, name: s.name, window: s.window, breaks: s.breaks }));
  });

  // Runs, state changes and quantities come pre-digested from SQL (controlling-facts.store.ts).
  // The queries are independent: on a PostgreSQL server they run side by side.
  const [{ runs, states: applied }, quantities, reasonList] = await Promise.all([
    facts.runFacts(ctx.db, tenantId, { start, end, now, workCentreId }),
    facts.quantityFacts(ctx.db, tenantId, { start, end, workCentreId, boundaries: quantityBoundaries(shifts, period, timeZone) }),
    listReasons(ctx.db, tenantId),
  ]);
  const operations = [...new Map(applied.map((b) => [b.operationId, { id: b.operationId, workCentreId: b.workCentreId }])).values()];

  // Pauses with a reason classed planned are planned downtime (ISO 22400); unplanned ones stay availability losses.
  const reasons = new Map(reasonList.map((r) => [r.id, r]));
  const plannedDowntime = plannedPauseDowntime(applied, new Map(operations.map((o) => [o.id, o.workCentreId])), (reason) => isPlannedDowntime(reason, reasons), runs, now);

  // Planned and calendar time count only up to `now`: a running day is not measured against its future shifts.
  const kpiFacts = { period, timeZone, workCentreIds: centres.map((c) => c.id), shifts, plannedDowntime, runs, quantities, now };
  const cells = cellsOfRows(aggregateProductionKpis(kpiFacts, ['workCentre', 'day', 'shift']));
  const open = openSince(applied);
  const dayEnds = new Map(datesBetween(range.from, range.to).map((d) => [d, DateTime.fromISO(d, { zone: timeZone }).plus({ days: 1 }).startOf('day').toMillis()]));
  return { cells, isFinal: (workCentreId: string, day: string) => isFinal(dayEnds.get(day)!, now, open.get(workCentreId)) };
}
