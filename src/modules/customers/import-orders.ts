import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { partsByIds } from '../shopfloor/index.js';
import type { CustomersContext } from './customers.service.js';
import * as customerStore from './customers.store.js';
import type { Currency } from './domain/money.js';
import { type ImportedOrderLine, orderKey } from './import-rows.js';
import { emitOrderCreated } from './order-events.js';
import { nextYearlyNumber } from './quotes.service.js';

const DEFAULT_VAT_BASIS_POINTS = 1900;

/**
 * Saves imported order lines as customer orders without a quote: the lines of one customer and
 * customer reference form one order (positions 10, 20, 30 … in file order), each part position in
 * whole pieces is producible, its text the part's number and name as a quote position stores it.
 * Each order writes `customers.order.created` like an order from a quote. Returns the orders made.
 */
export async function saveImportedOrders(ctx: CustomersContext, lines: readonly ImportedOrderLine[], progressed: (n: number) => void): Promise<number> {
  const { tenantId, userId } = ctx.tenant;
  const groups = new Map<string, ImportedOrderLine[]>();
  for (const line of lines) groups.set(orderKey(line), [...(groups.get(orderKey(line)) ?? []), line]);
  const parts = new Map((await partsByIds(ctx.db, tenantId, [...new Set(lines.map((l) => l.partId))])).map((p) => [p.id, p]));
  const customers = new Map((await customerStore.findCustomers(ctx.db, tenantId, [...new Set(lines.map((l) => l.customerId))])).map((c) => [c.id, c]));
  for (const group of groups.values()) {
    const head = group[0]!;
    const id = uuidv7();
    const number = await nextYearlyNumber(ctx.db, tenantId, 'order', 'AB');
    await ctx.db
      .insertInto('customer_orders')
      .values({ tenant_id: tenantId, id, number, customer_id: head.customerId, customer_reference: head.customerReference, currency: head.currency, created_by: userId })
      .execute();
    const positions = group.map((line, i) => {
      const part = parts.get(line.partId)!;
      return {
        tenant_id: tenantId, id: uuidv7(), order_id: id, number: (i + 1) * 10, part_id: line.partId, text: `${part.number} ${part.name}`, quantity_milli: line.quantityMilli,
        unit_price_cents: line.unitPriceCents, discount_basis_points: 0, vat_basis_points: DEFAULT_VAT_BASIS_POINTS, promised_date: line.promisedDate,
        producible: line.quantityMilli % 1000 === 0,
      };
    });
    for (let i = 0; i < positions.length; i += 500) await ctx.db.insertInto('customer_order_positions').values(positions.slice(i, i + 500)).execute();
    await emitOrderCreated(ctx.db, tenantId, {
      order: { id, number, currency: head.currency as Currency, customerReference: head.customerReference, quote: null },
      customer: { id: head.customerId, number: customers.get(head.customerId)?.number ?? '' },
      positions: positions.map((p) => ({ number: p.number, partId: p.part_id, quantityMilli: p.quantity_milli, promisedDate: p.promised_date })),
    });
    progressed(group.length);
  }
  return groups.size;
}
