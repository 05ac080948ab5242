import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { emitEvents } from '../../kernel/webhooks/index.js';
import { partsByIds } from '../shopfloor/index.js';
import type { CustomersContext } from './customers.service.js';
import * as customerStore from './customers.store.js';
import { type ImportedOrderLine, orderKey } from './import-rows.js';
import { reserveCounter } from './imports.store.js';
import { orderCreatedEvent } from './order-events.js';
import { yearInFirmZone } from './quotes.service.js';

const DEFAULT_VAT_BASIS_POINTS = 1900;
const CHUNK = 500;

/**
 * Saves imported order lines as customer orders without a quote: the lines of one customer and
 * customer reference form one order (positions 10, 20, 30 … in file order), each part position in
 * whole pieces is producible, its text the part's number and name as a quote position stores it.
 * Each order writes `customers.order.created` like an order from a quote. Numbers are reserved at
 * once and rows written in chunks, so thousands of orders take a few statements, not one each.
 * Returns the number of orders made.
 */
export async function saveImportedOrders(ctx: CustomersContext, lines: readonly ImportedOrderLine[], progressed: (n: number) => void): Promise<number> {
  const { tenantId, userId } = ctx.tenant;
  const groups = new Map<string, ImportedOrderLine[]>();
  for (const line of lines) {
    const group = groups.get(orderKey(line));
    if (group) group.push(line);
    else groups.set(orderKey(line), [line]);
  }
  if (groups.size === 0) return 0;
  const parts = new Map((await partsByIds(ctx.db, tenantId, [...new Set(lines.map((l) => l.partId))])).map((p) => [p.id, p]));
  const customers = new Map((await customerStore.findCustomers(ctx.db, tenantId, [...new Set(lines.map((l) => l.customerId))])).map((c) => [c.id, c]));
  const year = yearInFirmZone(new Date());
  let next = await reserveCounter(ctx.db, tenantId, 'order', groups.size, String(year));
  const orders = [...groups.values()].map((group) => {
    const head = group[0]!;
    const id = uuidv7();
    const number = `AB-${year}-${String(next++).padStart(5, '0')}`;
    const positions = group.map((line, i) => {
      const part = parts.get(line.partId)!;
      return {
        tenant_id: tenantId, id: uuidv7(), order_id: id, number: (i + 1) * 10, part_id: line.partId, text: `${part.number} ${part.name}`, quantity_milli: line.quantityMilli,
        unit_price_cents: line.unitPriceCents, discount_basis_points: 0, vat_basis_points: DEFAULT_VAT_BASIS_POINTS, promised_date: line.promisedDate,
        producible: line.quantityMilli % 1000 === 0,
      };
    });
    return { row: { tenant_id: tenantId, id, number, customer_id: head.customerId, customer_reference: head.customerReference, currency: head.currency, created_by: userId }, positions, head };
  });
  for (let i = 0; i < orders.length; i += CHUNK) {
    const chunk = orders.slice(i, i + CHUNK);
    await ctx.db.insertInto('customer_orders').values(chunk.map((o) => o.row)).execute();
    const positions = chunk.flatMap((o) => o.positions);
    for (let j = 0; j < positions.length; j += CHUNK) await ctx.db.insertInto('customer_order_positions').values(positions.slice(j, j + CHUNK)).execute();
    await emitEvents(ctx.db, tenantId, chunk.map((o) => orderCreatedEvent({
      order: { id: o.row.id, number: o.row.number, currency: o.row.currency, customerReference: o.row.customer_reference, quote: null },
      customer: { id: o.row.customer_id, number: customers.get(o.row.customer_id)?.number ?? '' },
      positions: o.positions.map((p) => ({ number: p.number, partId: p.part_id, quantityMilli: p.quantity_milli, promisedDate: p.promised_date })),
    })));
    progressed(positions.length);
  }
  return orders.length;
}
