import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';

/** A production order's place in the order book: position, customer order and customer. */
export interface ProductionOrderOwner {
  productionOrderId: string;
  positionId: string;
  positionNumber: number;
  orderId: string;
  orderNumber: string;
  customerId: string;
  customerNumber: string;
  customerName: string;
}

/** The customer orders and customers behind production orders (one query through the link's key); orders made in Shop floor alone have none. */
export async function ownersOfProductionOrders(db: Db, tenantId: string, productionOrderIds: readonly string[]): Promise<Map<string, ProductionOrderOwner>> {
  const ids = [...new Set(productionOrderIds)];
  if (ids.length === 0) return new Map();
  const rows = await sql<{ production_order_id: string; position_id: string; position_number: number; order_id: string; order_number: string; customer_id: string; customer_number: string; customer_name: string }>`
    select l.production_order_id, p.id as position_id, p.number as position_number, o.id as order_id, o.number as order_number,
           c.id as customer_id, c.number as customer_number, c.name as customer_name
    from customer_production_links l
    join customer_order_positions p on p.tenant_id = l.tenant_id and p.id = l.order_position_id
    join customer_orders o on o.tenant_id = p.tenant_id and o.id = p.order_id
    join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id
    where l.tenant_id = ${tenantId} and l.production_order_id = any(${ids}::uuid[])`.execute(db);
  return new Map(rows.rows.map((r) => [r.production_order_id, {
    productionOrderId: r.production_order_id, positionId: r.position_id, positionNumber: Number(r.position_number), orderId: r.order_id,
    orderNumber: r.order_number, customerId: r.customer_id, customerNumber: r.customer_number, customerName: r.customer_name,
  }]));
}
