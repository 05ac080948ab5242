/**
 * The production record of a customer order or one of its positions (issue 16, item 5): customer
 * order → positions → links → Shop floor's `productionRecord` → Machine data's `orderSignals`.
 * Each step is one query over a set of ids, so the number of queries is fixed whatever the number
 * of production orders and operations. Exported through the module's door for the customer link.
 */
import type { Db } from '../../kernel/db/database.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { type MachineSignals, orderSignals } from '../machines/index.js';
import { type ProductionRecordOrder, type RecordOperation, productionOrdersByLot, productionOrdersBySerial, productionRecord } from '../shopfloor/index.js';
import * as store from './customer-orders.store.js';
import { findCustomer } from './customers.store.js';
import { ownersOfProductionOrders } from './production-record.store.js';

/** A lot or serial narrows the record to the production order that issued it (and its position). */
export type RecordSelector = { order: string } | { position: string } | { lot: string } | { serial: string };

export interface RecordOperationWithSignals extends RecordOperation {
  /** the machines at the operation's work centre with their signals during its production phases; null when Machine data is off */
  machines: MachineSignals[] | null;
}

export interface ProductionRecordPosition {
  id: string;
  number: number;
  text: string;
  quantityMilli: number;
  promisedDate: string | null;
  productionOrders: Array<Omit<ProductionRecordOrder, 'operations'> & { linkedQuantity: number; operations: RecordOperationWithSignals[] }>;
}

export interface ProductionRecord {
  order: { id: string; number: string; customerReference: string; orderedAt: string; state: string };
  customer: { id: string; number: string; name: string; street: string | null; postcode: string | null; city: string | null; country: string | null };
  positions: ProductionRecordPosition[];
  /** which of the modules the record draws on are on for the company */
  sources: { shopfloor: boolean; machines: boolean };
  generatedAt: string;
}

export interface RecordOptions {
  shopfloorOn: boolean;
  machinesOn: boolean;
  now?: number;
}

/** The production record of a customer order, one position of it, or the production order of a lot or serial (404 for an unknown or foreign one; 409 for a lot made without a customer order). */
export async function productionRecordOf(db: Db, tenant: TenantContext, asked: RecordSelector, options: RecordOptions): Promise<ProductionRecord> {
  const { tenantId } = tenant;
  const now = options.now ?? Date.now();
  let selector = asked;
  let positions: store.OrderPositionRow[];
  let orderId: string;
  // a lot or serial: the production order that issued it, and the position it was made for
  let only: Set<string> | null = null;
  if ('lot' in selector || 'serial' in selector) {
    const ids = 'lot' in selector ? await productionOrdersByLot(db, tenantId, selector.lot) : await productionOrdersBySerial(db, tenantId, selector.serial);
    if (ids.length === 0) throw notFound('lot' in selector ? 'lot' : 'serial');
    const owner = [...(await ownersOfProductionOrders(db, tenantId, ids)).values()][0];
    if (!owner) throw new ProblemError(409, 'customers_lot_without_order');
    only = new Set(ids);
    selector = { position: owner.positionId };
  }
  if ('position' in selector) {
    const position = await store.findOrderPosition(db, tenantId, selector.position);
    if (!position) throw notFound('order position');
    positions = [position];
    orderId = position.orderId;
  } else {
    orderId = selector.order;
    positions = [];
  }
  const order = await store.findOrder(db, tenantId, orderId);
  if (!order) throw notFound('customer order');
  if (!('position' in selector)) positions = await store.orderPositions(db, tenantId, orderId);
  const [customer, allLinks] = await Promise.all([
    findCustomer(db, tenantId, order.customerId),
    store.productionLinks(db, tenantId, positions.map((p) => p.id)),
  ]);
  const links = only === null ? allLinks : allLinks.filter((l) => only.has(l.productionOrderId));

  const records = options.shopfloorOn ? await productionRecord(db, tenant, links.map((l) => l.productionOrderId)) : [];
  const operations = records.flatMap((r) => r.operations);
  const spans = operations.flatMap((op) => op.phases.filter((p) => p.phase === 'running').map((p) => ({
    key: op.id, workCentreId: op.workCentre.id, start: Date.parse(p.start), end: p.end === null ? now : Date.parse(p.end),
  })));
  const signals = options.machinesOn && options.shopfloorOn ? await orderSignals(db, tenant, spans, now) : null;
  const recordById = new Map(records.map((r) => [r.id, r]));

  return {
    order: { id: order.id, number: order.number, customerReference: order.customerReference, orderedAt: order.orderedAt.toISOString(), state: order.state },
    customer: {
      id: order.customerId, number: order.customerNumber, name: order.customerName,
      street: customer?.street ?? null, postcode: customer?.postcode ?? null, city: customer?.city ?? null, country: customer?.country ?? null,
    },
    positions: positions.map((p) => ({
      id: p.id, number: p.number, text: p.text, quantityMilli: p.quantityMilli, promisedDate: p.promisedDate,
      productionOrders: links.filter((l) => l.orderPositionId === p.id).flatMap((l) => {
        const record = recordById.get(l.productionOrderId);
        if (!record) return [];
        return [{
          ...record, linkedQuantity: l.quantity,
          operations: record.operations.map((op) => ({ ...op, machines: signals === null ? null : (signals.get(op.id) ?? []) })),
        }];
      }),
    })),
    sources: { shopfloor: options.shopfloorOn, machines: options.machinesOn },
    generatedAt: new Date(now).toISOString(),
  };
}
