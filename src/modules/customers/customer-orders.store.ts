import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { emitEvent } from '../../kernel/webhooks/index.js';
import { textMatch } from '../../kernel/search/text-match.js';
import type { Currency } from './domain/money.js';
import type { CustomerOrderListQuery, customerOrderStates } from './quotes.schemas.js';
import { isoDay } from './quotes.store.js';

export type CustomerOrderState = (typeof customerOrderStates)[number];

export interface CustomerOrderRow {
  id: string;
  number: string;
  customerId: string;
  customerNumber: string;
  customerName: string;
  quoteId: string | null;
  quoteNumber: string | null;
  quoteVersion: number | null;
  customerReference: string;
  currency: Currency;
  state: CustomerOrderState;
  orderedAt: Date;
}

export interface OrderPositionRow {
  id: string;
  orderId: string;
  number: number;
  partId: string | null;
  text: string;
  quantityMilli: number;
  unitPriceCents: number;
  discountBasisPoints: number;
  vatBasisPoints: number;
  promisedDate: string | null;
  producible: boolean;
}

const orderSelect = (db: Db, tenantId: string) =>
  db
    .selectFrom('customer_orders as o')
    .innerJoin('customers as c', (j) => j.onRef('c.tenant_id', '=', 'o.tenant_id').onRef('c.id', '=', 'o.customer_id'))
    .leftJoin('customer_quotes as q', (j) => j.onRef('q.tenant_id', '=', 'o.tenant_id').onRef('q.id', '=', 'o.quote_id'))
    .select([
      'o.id', 'o.number', 'o.customer_id', 'c.number as customer_number', 'c.name as customer_name', 'o.quote_id', 'q.number as quote_number', 'o.quote_version',
      'o.customer_reference', 'o.currency', 'o.state', 'o.ordered_at',
    ])
    .where('o.tenant_id', '=', tenantId);

type SelectedOrder = Awaited<ReturnType<ReturnType<typeof orderSelect>['executeTakeFirstOrThrow']>>;
const toOrder = (r: SelectedOrder): CustomerOrderRow => ({
  id: r.id,
  number: r.number,
  customerId: r.customer_id,
  customerNumber: r.customer_number,
  customerName: r.customer_name,
  quoteId: r.quote_id,
  quoteNumber: r.quote_number,
  quoteVersion: r.quote_version === null ? null : Number(r.quote_version),
  customerReference: r.customer_reference,
  currency: r.currency.trim() as Currency,
  state: r.state as CustomerOrderState,
  orderedAt: new Date(r.ordered_at),
});

export async function findOrder(db: Db, tenantId: string, id: string): Promise<CustomerOrderRow | undefined> {
  const row = await orderSelect(db, tenantId).where('o.id', '=', id).executeTakeFirst();
  return row ? toOrder(row) : undefined;
}

export async function orderOfQuote(db: Db, tenantId: string, quoteId: string): Promise<{ id: string; number: string } | undefined> {
  return db.selectFrom('customer_orders').select(['id', 'number']).where('tenant_id', '=', tenantId).where('quote_id', '=', quoteId).executeTakeFirst();
}

export async function listOrders(db: Db, tenantId: string, query: CustomerOrderListQuery): Promise<{ items: CustomerOrderRow[]; total: number }> {
  let base = orderSelect(db, tenantId);
  // number, reference and customer, with umlauts folded as in the global search
  if (query.q) base = base.where(textMatch(query.q, ['o.number', 'o.customer_reference', 'c.name', 'c.number']).where);
  if (query.state) base = base.where('o.state', '=', query.state);
  if (query.customerId) base = base.where('o.customer_id', '=', query.customerId);
  const total = await base.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .orderBy(query.sort === 'number' ? 'o.number' : 'o.ordered_at', query.dir)
    .orderBy('o.id', query.dir)
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { items: rows.map(toOrder), total: Number(total.n) };
}

export async function insertOrder(
  db: Db,
  tenantId: string,
  o: { id: string; number: string; customerId: string; quoteId: string | null; quoteVersion: number | null; customerReference: string; currency: Currency; createdBy: string },
  positions: ReadonlyArray<OrderPositionRow & { source: { quoteId: string; version: number; positionId: string } | null }>,
): Promise<void> {
  await db
    .insertInto('customer_orders')
    .values({
      tenant_id: tenantId, id: o.id, number: o.number, customer_id: o.customerId, quote_id: o.quoteId, quote_version: o.quoteVersion,
      customer_reference: o.customerReference, currency: o.currency, created_by: o.createdBy,
    })
    .execute();
  if (positions.length === 0) return;
  await db
    .insertInto('customer_order_positions')
    .values(positions.map((p) => ({
      tenant_id: tenantId, id: p.id, order_id: o.id, number: p.number, part_id: p.partId, text: p.text, quantity_milli: p.quantityMilli,
      unit_price_cents: p.unitPriceCents, discount_basis_points: p.discountBasisPoints, vat_basis_points: p.vatBasisPoints, promised_date: p.promisedDate,
      producible: p.producible, source_quote_id: p.source?.quoteId ?? null, source_version: p.source?.version ?? null, source_position_id: p.source?.positionId ?? null,
    })))
    .execute();
}

/**
 * Moves an order to a state and, when that is a change, writes `customers.order.state_changed` into
 * the outbox in the same transaction — every state change goes through here, so none is missed.
 */
export async function setOrderState(db: Db, tenantId: string, id: string, state: CustomerOrderState): Promise<void> {
  const before = await db.selectFrom('customer_orders').select(['number', 'state', 'customer_id']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirstOrThrow();
  if (before.state === state) return;
  await db.updateTable('customer_orders').set({ state }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  await emitEvent(db, tenantId, {
    type: 'customers.order.state_changed',
    payload: { order: { id, number: before.number, customerId: before.customer_id, state, previousState: before.state } },
  });
}

const toPosition = (r: { id: string; order_id: string; number: number; part_id: string | null; text: string; quantity_milli: number; unit_price_cents: number; discount_basis_points: number; vat_basis_points: number; promised_date: Date | string | null; producible: boolean }): OrderPositionRow => ({
  id: r.id,
  orderId: r.order_id,
  number: Number(r.number),
  partId: r.part_id,
  text: r.text,
  quantityMilli: Number(r.quantity_milli),
  unitPriceCents: Number(r.unit_price_cents),
  discountBasisPoints: Number(r.discount_basis_points),
  vatBasisPoints: Number(r.vat_basis_points),
  promisedDate: isoDay(r.promised_date),
  producible: r.producible,
});

export async function orderPositions(db: Db, tenantId: string, orderId: string): Promise<OrderPositionRow[]> {
  const rows = await db.selectFrom('customer_order_positions').selectAll().where('tenant_id', '=', tenantId).where('order_id', '=', orderId).orderBy('number').execute();
  return rows.map(toPosition);
}

/** The positions of several orders (a list page), by order and number. */
export async function positionsOfOrders(db: Db, tenantId: string, orderIds: readonly string[]): Promise<OrderPositionRow[]> {
  if (orderIds.length === 0) return [];
  const rows = await db.selectFrom('customer_order_positions').selectAll().where('tenant_id', '=', tenantId).where('order_id', 'in', orderIds).orderBy('order_id').orderBy('number').execute();
  return rows.map(toPosition);
}

export async function findOrderPosition(db: Db, tenantId: string, id: string): Promise<OrderPositionRow | undefined> {
  const row = await db.selectFrom('customer_order_positions').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toPosition(row) : undefined;
}

/** Locks the position for the rest of the transaction, so two production orders for it are numbered one after the other. */
export async function lockOrderPosition(db: Db, tenantId: string, id: string): Promise<void> {
  await sql`select 1 from customer_order_positions where tenant_id = ${tenantId} and id = ${id} for update`.execute(db);
}

export interface ProductionLinkRow {
  productionOrderId: string;
  orderPositionId: string;
  quantity: number;
  createdAt: Date;
}

export async function productionLinks(db: Db, tenantId: string, positionIds: readonly string[]): Promise<ProductionLinkRow[]> {
  if (positionIds.length === 0) return [];
  const rows = await db
    .selectFrom('customer_production_links')
    .select(['production_order_id', 'order_position_id', 'quantity', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('order_position_id', 'in', positionIds)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ productionOrderId: r.production_order_id, orderPositionId: r.order_position_id, quantity: Number(r.quantity), createdAt: new Date(r.created_at) }));
}

export async function insertProductionLink(db: Db, tenantId: string, link: { productionOrderId: string; orderPositionId: string; quantity: number; createdBy: string }): Promise<void> {
  await db
    .insertInto('customer_production_links')
    .values({ tenant_id: tenantId, production_order_id: link.productionOrderId, order_position_id: link.orderPositionId, quantity: link.quantity, created_by: link.createdBy })
    .execute();
}

/** When, by whom and why an order was cancelled; null when it was not. */
export async function orderCancellation(db: Db, tenantId: string, id: string): Promise<{ at: string; by: string | null; reason: string } | null> {
  const row = await db.selectFrom('customer_orders').select(['cancelled_at', 'cancelled_by', 'cancel_reason']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!row?.cancelled_at) return null;
  return { at: new Date(row.cancelled_at).toISOString(), by: row.cancelled_by, reason: row.cancel_reason ?? '' };
}

export async function markCancelled(db: Db, tenantId: string, id: string, by: string, reason: string): Promise<void> {
  await db.updateTable('customer_orders').set({ cancelled_at: new Date(), cancelled_by: by, cancel_reason: reason }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Locks the order's row for a change of state. */
export async function lockOrder(db: Db, tenantId: string, id: string): Promise<void> {
  await db.selectFrom('customer_orders').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().execute();
}
