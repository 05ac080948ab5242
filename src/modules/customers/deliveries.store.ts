import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { isoDay } from './quotes.store.js';

export interface DeliveryLineRow {
  id: string;
  deliveryId: string;
  orderPositionId: string;
  quantityMilli: number;
  lotNumbers: string[];
  serialNumbers: string[];
}

export interface DeliveryRow {
  id: string;
  orderId: string;
  number: string;
  deliveredOn: string;
  note: string;
  overDeliveryConfirmed: boolean;
  createdAt: Date;
  lines: DeliveryLineRow[];
}

/** Locks the order for the rest of the transaction: two deliveries at once are checked one after the other. */
export async function lockOrder(db: Db, tenantId: string, orderId: string): Promise<void> {
  await sql`select 1 from customer_orders where tenant_id = ${tenantId} and id = ${orderId} for update`.execute(db);
}

export async function insertDelivery(db: Db, tenantId: string, d: Omit<DeliveryRow, 'createdAt'> & { createdBy: string }): Promise<void> {
  await db.insertInto('customer_deliveries').values({
    tenant_id: tenantId, id: d.id, order_id: d.orderId, number: d.number, delivered_on: d.deliveredOn, note: d.note,
    over_delivery_confirmed: d.overDeliveryConfirmed, created_by: d.createdBy,
  }).execute();
  await db.insertInto('customer_delivery_lines').values(d.lines.map((l) => ({
    tenant_id: tenantId, delivery_id: d.id, id: l.id, order_position_id: l.orderPositionId, quantity_milli: l.quantityMilli,
    lot_numbers: l.lotNumbers, serial_numbers: l.serialNumbers,
  }))).execute();
}

const arrayOf = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

/** Deliveries of an order (or one delivery by id) with their lines, oldest first. */
export async function listDeliveries(db: Db, tenantId: string, filter: { orderId?: string; id?: string }): Promise<DeliveryRow[]> {
  let q = db.selectFrom('customer_deliveries').selectAll().where('tenant_id', '=', tenantId);
  if (filter.orderId) q = q.where('order_id', '=', filter.orderId);
  if (filter.id) q = q.where('id', '=', filter.id);
  const heads = await q.orderBy('delivered_on').orderBy('number').execute();
  if (heads.length === 0) return [];
  const lines = await db.selectFrom('customer_delivery_lines').selectAll().where('tenant_id', '=', tenantId).where('delivery_id', 'in', heads.map((h) => h.id)).execute();
  return heads.map((h) => ({
    id: h.id,
    orderId: h.order_id,
    number: h.number,
    deliveredOn: isoDay(h.delivered_on)!,
    note: h.note,
    overDeliveryConfirmed: h.over_delivery_confirmed,
    createdAt: new Date(h.created_at),
    lines: lines.filter((l) => l.delivery_id === h.id).map((l) => ({
      id: l.id, deliveryId: l.delivery_id, orderPositionId: l.order_position_id, quantityMilli: Number(l.quantity_milli),
      lotNumbers: arrayOf(l.lot_numbers), serialNumbers: arrayOf(l.serial_numbers),
    })),
  }));
}

/** Delivered so far per order position (thousandths) and the serial numbers already delivered. */
export async function deliveredByPosition(db: Db, tenantId: string, positionIds: readonly string[]): Promise<Map<string, { deliveredMilli: number; serialNumbers: string[] }>> {
  const out = new Map(positionIds.map((id) => [id, { deliveredMilli: 0, serialNumbers: [] as string[] }]));
  if (positionIds.length === 0) return out;
  const rows = await db.selectFrom('customer_delivery_lines').select(['order_position_id', 'quantity_milli', 'serial_numbers'])
    .where('tenant_id', '=', tenantId).where('order_position_id', 'in', [...positionIds]).execute();
  for (const r of rows) {
    const p = out.get(r.order_position_id)!;
    p.deliveredMilli += Number(r.quantity_milli);
    p.serialNumbers.push(...arrayOf(r.serial_numbers));
  }
  return out;
}
