import type { Db } from '../../kernel/db/database.js';
import { personNames } from '../../kernel/tenancy/members.js';
import type { DrillDownBooking } from './controlling.schemas.js';

/** A drill-down booking as stored: device time in epoch ms, work centre code and shift still to add. */
export type DrillDownBookingRow = Omit<DrillDownBooking, 'at' | 'workCentreCode' | 'shift'> & { at: number };

/**
 * Bookings of the company's operations booked (device time) within [start, end), optionally of one
 * work centre and one status, oldest first, with order, operation and the person who sent them.
 */
export async function bookingsInWindow(
  db: Db,
  tenantId: string,
  filter: { start: number; end: number; workCentreId?: string; status?: string; limit: number },
): Promise<DrillDownBookingRow[]> {
  let q = db
    .selectFrom('shopfloor_bookings as b')
    .innerJoin('shopfloor_order_operations as op', (j) => j.onRef('op.tenant_id', '=', 'b.tenant_id').onRef('op.id', '=', 'b.operation_id'))
    .innerJoin('shopfloor_orders as o', (j) => j.onRef('o.tenant_id', '=', 'op.tenant_id').onRef('o.id', '=', 'op.order_id'))
    // a reversal shows what it took back; a reversed booking shows when and why
    .leftJoin('shopfloor_bookings as orig', (j) => j.onRef('orig.tenant_id', '=', 'b.tenant_id').onRef('orig.idempotency_key', '=', 'b.reverses_key'))
    .leftJoin('shopfloor_bookings as rev', (j) => j.onRef('rev.tenant_id', '=', 'b.tenant_id').onRef('rev.reverses_key', '=', 'b.idempotency_key')
      .on('rev.status', '=', 'applied').on('rev.kind', '=', 'reversal'))
    .select([
      'b.idempotency_key', 'b.booked_at', 'b.kind', 'b.status', 'b.good', 'b.scrap', 'b.reason', 'b.conflict_reason', 'b.device_id',
      'o.id as order_id', 'o.number as order_number', 'op.id as operation_id', 'op.position', 'op.name as operation_name', 'op.work_centre_id', 'b.received_by',
      'orig.good as orig_good', 'orig.scrap as orig_scrap', 'orig.booked_at as orig_at', 'rev.booked_at as rev_at', 'rev.reason as rev_reason',
    ])
    .where('b.tenant_id', '=', tenantId)
    .where('b.booked_at', '>=', new Date(filter.start))
    .where('b.booked_at', '<', new Date(filter.end));
  if (filter.workCentreId) q = q.where('op.work_centre_id', '=', filter.workCentreId);
  if (filter.status) q = q.where('b.status', '=', filter.status);
  const rows = await q.orderBy('b.booked_at').orderBy('b.processed_order').limit(filter.limit).execute();
  const workers = await personNames(db, rows.map((r) => r.received_by));
  return rows.map((r) => ({
    key: r.idempotency_key,
    at: new Date(r.booked_at).getTime(),
    kind: r.kind,
    status: r.status,
    good: r.good === null ? null : Number(r.good),
    scrap: r.scrap === null ? null : Number(r.scrap),
    reason: r.reason ?? null,
    conflictReason: r.conflict_reason ?? null,
    deviceId: r.device_id,
    orderId: r.order_id,
    orderNumber: r.order_number,
    operationId: r.operation_id,
    operationPosition: Number(r.position),
    operationName: r.operation_name,
    workCentreId: r.work_centre_id,
    worker: (r.received_by ? workers.get(r.received_by) : undefined) ?? null,
    reverses: r.kind === 'reversal' && r.orig_at !== null
      ? { at: new Date(r.orig_at).toISOString(), good: r.orig_good === null ? null : Number(r.orig_good), scrap: r.orig_scrap === null ? null : Number(r.orig_scrap) }
      : null,
    reversedBy: r.rev_at !== null ? { at: new Date(r.rev_at).toISOString(), reason: r.rev_reason ?? '' } : null,
  }));
}
