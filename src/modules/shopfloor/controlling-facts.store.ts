import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { QuantityBooking, WorkCentreInterval } from './domain/kpis.js';
import type { DowntimeBooking } from './domain/planned-downtime.js';

/**
 * A timestamp as epoch milliseconds (truncated like a JavaScript Date): tens of thousands of rows
 * arrive as plain numbers instead of date strings to parse.
 */
const epochMs = (expression: RawBuilder<unknown>) => sql`floor(extract(epoch from ${expression}) * 1000)::float8`;

// The controlling reads what it needs from the bookings in SQL instead of loading and replaying every
// booking: a year on 20 work centres is a quarter of a million bookings.

/** The bookings that open or close runs, per operation in processing order, with their work centre. */
export interface StateBooking extends DowntimeBooking {
  readonly workCentreId: string;
}

/**
 * Runs (start production or resume → the next pause or finish of the same operation) that overlap
 * [start, end), and the state-changing bookings around them (for planned downtime). Applied bookings
 * were valid when they were applied, so the booking that follows a start or resume among these kinds
 * is always a pause or a finish; a run without one is still open and lasts until `now`.
 */
export async function runFacts(db: Db, tenantId: string, filter: { start: number; end: number; now: number; workCentreId?: string }) {
  const workCentre = filter.workCentreId ? sql`and op.work_centre_id = ${filter.workCentreId}` : sql``;
  const rows = await sql<{ operation_id: string; work_centre_id: string; kind: string; reason: string | null; at_ms: number; next_ms: number | null }>`
    select s.operation_id, s.work_centre_id, s.kind, s.reason, ${epochMs(sql`s.at`)} as at_ms, ${epochMs(sql`s.next_at`)} as next_ms from (
      select b.operation_id, op.work_centre_id, b.kind, b.reason, b.booked_at as at, b.processed_order,
             lead(b.booked_at) over (partition by b.operation_id order by b.processed_order) as next_at
      from shopfloor_bookings b
      join shopfloor_order_operations op on op.tenant_id = b.tenant_id and op.id = b.operation_id
      where b.tenant_id = ${tenantId} and b.status = 'applied' and b.kind in ('start-production', 'resume', 'pause', 'finish') ${workCentre}
    ) s
    where s.at < ${new Date(filter.end)} and (s.next_at is null or s.next_at >= ${new Date(filter.start)})
    order by s.operation_id, s.processed_order`.execute(db);
  const runs: WorkCentreInterval[] = [];
  const states: StateBooking[] = [];
  for (const r of rows.rows) {
    const at = Number(r.at_ms);
    states.push({ operationId: r.operation_id, workCentreId: r.work_centre_id, kind: r.kind, at, reason: r.reason });
    if (r.kind !== 'start-production' && r.kind !== 'resume') continue;
    if (r.next_ms !== null) runs.push({ workCentreId: r.work_centre_id, start: at, end: Math.max(at, Number(r.next_ms)) });
    else if (filter.now > at) runs.push({ workCentreId: r.work_centre_id, start: at, end: filter.now });
  }
  return { runs, states };
}

/**
 * Good and scrap booked in [start, end) and not reversed, summed per work centre between consecutive `boundaries`
 * (every shift start and end and every local day start in the period): each sum lies inside one shift
 * part and one day, so it counts in the same row as its bookings would. Each sum is dated at its
 * first booking; its ideal cycle time is the quantity-weighted mean, so that ideal cycle time ×
 * (good + scrap) is the sum over its bookings.
 */
export async function quantityFacts(
  db: Db,
  tenantId: string,
  filter: { start: number; end: number; boundaries: readonly number[]; workCentreId?: string },
): Promise<QuantityBooking[]> {
  const workCentre = filter.workCentreId ? sql`and op.work_centre_id = ${filter.workCentreId}` : sql``;
  const thresholds = `{${[...new Set(filter.boundaries)].sort((a, b) => a - b).map((t) => new Date(t).toISOString()).join(',')}}`;
  const rows = await sql<{ work_centre_id: string; at_ms: number; good: string | number; scrap: string | number; ideal_ms: string | number }>`
    select op.work_centre_id, ${epochMs(sql`min(b.booked_at)`)} as at_ms, sum(coalesce(b.good, 0)) as good, sum(coalesce(b.scrap, 0)) as scrap,
           sum(op.ideal_cycle_seconds * 1000 * (coalesce(b.good, 0) + coalesce(b.scrap, 0))) as ideal_ms
    from shopfloor_bookings b
    join shopfloor_order_operations op on op.tenant_id = b.tenant_id and op.id = b.operation_id
    where b.tenant_id = ${tenantId} and b.status = 'applied' and b.kind = 'quantity'
      and b.booked_at >= ${new Date(filter.start)} and b.booked_at < ${new Date(filter.end)} ${workCentre}
      -- a reversed booking counts as if it had never been made
      and not exists (select 1 from shopfloor_bookings r where r.tenant_id = b.tenant_id and r.reverses_key = b.idempotency_key and r.status = 'applied' and r.kind = 'reversal')
    group by op.work_centre_id, width_bucket(b.booked_at, ${thresholds}::timestamptz[])`.execute(db);
  return rows.rows.flatMap((r) => {
    const good = Number(r.good);
    const scrap = Number(r.scrap);
    if (good + scrap <= 0) return [];
    return [{ workCentreId: r.work_centre_id, at: Number(r.at_ms), good, scrap, idealCycleMs: Number(r.ideal_ms) / (good + scrap) }];
  });
}

/**
 * The released orders with their release, due date and — when every operation is finished — the
 * last finish (device time); `touches` tells whether one of its operations is on the work centre.
 */
export async function orderFacts(db: Db, tenantId: string, workCentreId?: string) {
  const rows = await sql<{ id: string; released_ms: number; due_date: string | null; operations: number | string; finished: number | string; finished_ms: number | null; touches: boolean }>`
    select o.id, ${epochMs(sql`o.released_at`)} as released_ms, to_char(o.due_date, 'YYYY-MM-DD') as due_date,
           count(op.id) as operations, count(fin.at) as finished, ${epochMs(sql`max(fin.at)`)} as finished_ms,
           bool_or(op.work_centre_id = ${workCentreId ?? null}) as touches
    from shopfloor_orders o
    join shopfloor_order_operations op on op.tenant_id = o.tenant_id and op.order_id = o.id
    left join (
      select operation_id, max(booked_at) as at from shopfloor_bookings
      where tenant_id = ${tenantId} and status = 'applied' and kind = 'finish'
      group by operation_id
    ) fin on fin.operation_id = op.id
    where o.tenant_id = ${tenantId} and o.released_at is not null
    group by o.id, o.released_at, o.due_date`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    releasedAt: Number(r.released_ms),
    dueDate: r.due_date,
    finishedAt: Number(r.finished) === Number(r.operations) && r.finished_ms !== null ? Number(r.finished_ms) : null,
    touches: r.touches === true,
  }));
}
