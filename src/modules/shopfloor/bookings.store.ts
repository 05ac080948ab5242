import type { Db, Row } from '../../kernel/db/database.js';
import { storedChoice } from '../../kernel/db/stored-choice.js';
import { storedJson } from '../../kernel/db/stored-json.js';

const iso = (value: Date | string): string => new Date(value).toISOString();

export interface BookingRow {
  id: string;
  key: string;
  deviceId: string;
  sequence: number;
  operationId: string;
  kind: string;
  at: number;
  good: number | null;
  scrap: number | null;
  reason: string | null;
  parameters: unknown[];
  contentHash: string;
  status: 'applied' | 'conflict' | 'waiting';
  conflictReason: string | null;
  operationStatus: string | null;
  processedOrder: number | null;
  receivedAt: string;
  /** A reversal: the key of the quantity booking it cancels. */
  reversesKey: string | null;
  /** A quantity booking confirmed above the remaining quantity. */
  confirmed: boolean;
}

const BOOKING_STATUSES = ['applied', 'conflict', 'waiting'] as const;

function bookingOf(r: Row<'shopfloor_bookings'>): BookingRow {
  return {
    id: r.id,
    key: r.idempotency_key,
    deviceId: r.device_id,
    sequence: Number(r.device_sequence),
    operationId: r.operation_id,
    kind: r.kind,
    at: new Date(r.booked_at).getTime(),
    good: r.good === null ? null : Number(r.good),
    scrap: r.scrap === null ? null : Number(r.scrap),
    reason: r.reason,
    parameters: storedJson<unknown[] | null>(r.parameters) ?? [],
    contentHash: r.content_hash,
    status: storedChoice(BOOKING_STATUSES, r.status),
    conflictReason: r.conflict_reason,
    operationStatus: r.operation_status,
    processedOrder: r.processed_order === null ? null : Number(r.processed_order),
    receivedAt: iso(r.received_at),
    reversesKey: r.reverses_key,
    confirmed: r.confirmed === true,
  };
}

export async function bookingsByKeys(db: Db, tenantId: string, keys: readonly string[]): Promise<BookingRow[]> {
  if (keys.length === 0) return [];
  const rows = await db.selectFrom('shopfloor_bookings').selectAll().where('tenant_id', '=', tenantId).where('idempotency_key', 'in', keys).execute();
  return rows.map(bookingOf);
}

/** Waiting bookings of the given devices. */
export async function waitingBookings(db: Db, tenantId: string, deviceIds: readonly string[]): Promise<BookingRow[]> {
  if (deviceIds.length === 0) return [];
  const rows = await db
    .selectFrom('shopfloor_bookings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('device_id', 'in', deviceIds)
    .where('status', '=', 'waiting')
    .execute();
  return rows.map(bookingOf);
}

/** Conflicts about keys and sequence numbers do not advance a device's sequence. */
export const OUT_OF_SEQUENCE_REASONS = ['invalid-sequence', 'sequence-reused', 'idempotency-key-reused'];

/** Highest sequence number processed per device. */
export async function lastSequences(db: Db, tenantId: string, deviceIds: readonly string[]): Promise<Map<string, number>> {
  if (deviceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('shopfloor_bookings')
    .select(['device_id', (eb) => eb.fn.max('device_sequence').as('last')])
    .where('tenant_id', '=', tenantId)
    .where('device_id', 'in', deviceIds)
    .where((eb) => eb.or([
      eb('status', '=', 'applied'),
      eb.and([eb('status', '=', 'conflict'), eb('conflict_reason', 'not in', OUT_OF_SEQUENCE_REASONS)]),
    ]))
    .groupBy('device_id')
    .execute();
  return new Map(rows.map((r) => [r.device_id, Number(r.last)]));
}

/** Applied bookings, in the order the server processed them. */
export async function appliedBookings(db: Db, tenantId: string, filter: { operationIds?: readonly string[] } = {}): Promise<BookingRow[]> {
  if (filter.operationIds && filter.operationIds.length === 0) return [];
  let q = db.selectFrom('shopfloor_bookings').selectAll().where('tenant_id', '=', tenantId).where('status', '=', 'applied');
  if (filter.operationIds) q = q.where('operation_id', 'in', filter.operationIds);
  const rows = await q.orderBy('processed_order').execute();
  return rows.map(bookingOf);
}

export async function maxProcessedOrder(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('shopfloor_bookings')
    .select((eb) => eb.fn.max('processed_order').as('last'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last);
}

/** A booking as stored: everything of BookingRow but the receipt time, plus who sent it. */
export type NewBooking = Omit<BookingRow, 'receivedAt'> & { receivedBy: string | null };

/** Stores bookings; a key stored before is left as it is (ON CONFLICT DO NOTHING). Returns the keys actually inserted. */
export async function insertBookings(db: Db, tenantId: string, bookings: readonly NewBooking[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < bookings.length; i += 500) {
    const rows = await db
      .insertInto('shopfloor_bookings')
      .values(bookings.slice(i, i + 500).map((b) => ({
        tenant_id: tenantId, id: b.id, idempotency_key: b.key, device_id: b.deviceId, device_sequence: b.sequence,
        operation_id: b.operationId, kind: b.kind, booked_at: new Date(b.at), good: b.good, scrap: b.scrap, reason: b.reason,
        parameters: JSON.stringify(b.parameters), content_hash: b.contentHash, status: b.status, conflict_reason: b.conflictReason,
        operation_status: b.operationStatus, processed_order: b.processedOrder, received_by: b.receivedBy,
        reverses_key: b.reversesKey, confirmed: b.confirmed,
      })))
      .onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing())
      .returning('idempotency_key')
      .execute();
    for (const r of rows) inserted.add(r.idempotency_key);
  }
  return inserted;
}

/** Records the outcome of a booking that was waiting for an earlier sequence number. */
export async function settleWaitingBooking(
  db: Db,
  tenantId: string,
  key: string,
  outcome: { status: 'applied' | 'conflict'; conflictReason: string | null; operationStatus: string | null; processedOrder: number },
): Promise<void> {
  await db
    .updateTable('shopfloor_bookings')
    .set({ status: outcome.status, conflict_reason: outcome.conflictReason, operation_status: outcome.operationStatus, processed_order: outcome.processedOrder })
    .where('tenant_id', '=', tenantId)
    .where('idempotency_key', '=', key)
    .where('status', '=', 'waiting')
    .execute();
}

export async function listBookings(
  db: Db,
  tenantId: string,
  filter: { orderId?: string; operationId?: string; status?: string; limit: number },
): Promise<Array<BookingRow & { reversedBy: string | null; lotNumber: string | null }>> {
  let q = db.selectFrom('shopfloor_bookings as b').selectAll('b')
    // the applied reversal that took this booking back, if any
    .select((eb) => eb.selectFrom('shopfloor_bookings as r').select('r.idempotency_key')
      .whereRef('r.tenant_id', '=', 'b.tenant_id').whereRef('r.reverses_key', '=', 'b.idempotency_key')
      .where('r.status', '=', 'applied').where('r.kind', '=', 'reversal').limit(1).as('reversed_by'))
    // the lot of the booked operation's order: one per order, issued at its release and never changed
    .select((eb) => eb.selectFrom('shopfloor_order_operations as op')
      .innerJoin('shopfloor_order_lots as l', (j) => j.onRef('l.tenant_id', '=', 'op.tenant_id').onRef('l.order_id', '=', 'op.order_id'))
      .select('l.lot_number').whereRef('op.tenant_id', '=', 'b.tenant_id').whereRef('op.id', '=', 'b.operation_id').as('lot_number'))
    .where('b.tenant_id', '=', tenantId);
  if (filter.operationId) q = q.where('b.operation_id', '=', filter.operationId);
  if (filter.status) q = q.where('b.status', '=', filter.status);
  if (filter.orderId) {
    const ops = db.selectFrom('shopfloor_order_operations').select('id').where('tenant_id', '=', tenantId).where('order_id', '=', filter.orderId);
    q = q.where('b.operation_id', 'in', ops);
  }
  const rows = await q.orderBy('b.received_at').orderBy('b.processed_order').orderBy('b.device_id').orderBy('b.device_sequence').limit(filter.limit).execute();
  return rows.map((r) => ({ ...bookingOf(r), reversedBy: r.reversed_by, lotNumber: r.lot_number }));
}
