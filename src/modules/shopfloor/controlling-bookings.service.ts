import { DateTime } from 'luxon';
import { notFound } from '../../kernel/http/problem.js';
import type { WorkCentreShift } from './domain/kpis.js';
import { shiftAtInstant } from './domain/shift-at-instant.js';
import { expandShiftCalendar, type ShiftCalendar } from './domain/shift-calendar.js';
import type { ControllingBookingsQuery, DrillDownAnswer } from './controlling.schemas.js';
import { bookingsInWindow } from './controlling-bookings.store.js';
import type { ShopfloorContext } from './shopfloor.service.js';
import * as store from './shopfloor.store.js';

const shiftDay = (date: string, days: number) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() as string;

/**
 * The bookings behind a controlling figure: those booked (device time) in the local dates
 * from–to, optionally of one work centre and of one shift (or outside every shift), with order,
 * operation, the shift they fall into and the person who sent them.
 */
export async function controllingBookings(ctx: ShopfloorContext, query: ControllingBookingsQuery): Promise<DrillDownAnswer> {
  const tenantId = ctx.tenant.tenantId;
  const start = DateTime.fromISO(query.from, { zone: query.timeZone }).startOf('day').toMillis();
  const end = DateTime.fromISO(query.to, { zone: query.timeZone }).plus({ days: 1 }).startOf('day').toMillis();

  const centres = await store.listWorkCentres(ctx.db, tenantId, query.workCentreId ? [query.workCentreId] : undefined);
  if (query.workCentreId && centres.length === 0) throw notFound('work centre');
  const shiftsBy = new Map<string, WorkCentreShift[]>(centres.map((wc) => [
    wc.id,
    expandShiftCalendar(wc.calendar as ShiftCalendar, { from: shiftDay(query.from, -1), to: shiftDay(query.to, 1) }).shifts
      .map((s) => ({ workCentreId: wc.id, name: s.name, window: s.window, breaks: s.breaks })),
  ]));
  const codes = new Map(centres.map((c) => [c.id, c.code]));

  const filterByShift = query.shift !== undefined || query.outsideShifts === true;
  // With a shift filter the limit applies after filtering, so more rows are read.
  const rows = await bookingsInWindow(ctx.db, tenantId, {
    start, end, workCentreId: query.workCentreId, status: query.status, limit: filterByShift ? 50_000 : query.limit + 1,
  });
  const wanted = query.outsideShifts ? null : query.shift;
  const matching = rows
    .map((r) => ({ ...r, shift: shiftAtInstant(shiftsBy.get(r.workCentreId) ?? [], r.at) }))
    .filter((r) => !filterByShift || r.shift === wanted);

  return {
    period: { from: query.from, to: query.to, timeZone: query.timeZone, start: new Date(start).toISOString(), end: new Date(end).toISOString() },
    truncated: matching.length > query.limit,
    bookings: matching.slice(0, query.limit).map((r) => ({
      key: r.key,
      at: new Date(r.at).toISOString(),
      kind: r.kind,
      status: r.status,
      good: r.good,
      scrap: r.scrap,
      reason: r.reason,
      conflictReason: r.conflictReason,
      deviceId: r.deviceId,
      orderId: r.orderId,
      orderNumber: r.orderNumber,
      operationId: r.operationId,
      operationPosition: r.operationPosition,
      operationName: r.operationName,
      workCentreId: r.workCentreId,
      reverses: r.reverses,
      reversedBy: r.reversedBy,
      workCentreCode: codes.get(r.workCentreId) ?? null,
      shift: r.shift,
      worker: r.worker,
    })),
  };
}
