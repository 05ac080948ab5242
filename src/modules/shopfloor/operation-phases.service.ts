import type { Db } from '../../kernel/db/database.js';
import { operationPhases } from './domain/operation-phases.js';
import * as store from './shopfloor.store.js';
import * as bookingStore from './bookings.store.js';

/**
 * What the shop floor tells other modules about production runs (used by machine data to put
 * samples into their order context). Callers check that the shop-floor module is on for the company.
 */
export interface OperationPhaseInfo {
  operationId: string;
  orderId: string;
  workCentreId: string;
  phase: 'setup' | 'running' | 'paused';
  start: number;
  end: number | null;
}

/** Setup, production and pause phases of every operation on these work centres, from the applied bookings. */
export async function phasesOnWorkCentres(db: Db, tenantId: string, workCentreIds: readonly string[]): Promise<OperationPhaseInfo[]> {
  const ids = [...new Set(workCentreIds)];
  if (ids.length === 0) return [];
  const operations = (await Promise.all(ids.map((workCentreId) => store.orderOperations(db, tenantId, { workCentreId })))).flat();
  const byId = new Map(operations.map((o) => [o.id, o]));
  const applied = await bookingStore.appliedBookings(db, tenantId, { operationIds: operations.map((o) => o.id) });
  return operationPhases(applied).map((p) => {
    const op = byId.get(p.operationId)!;
    return { ...p, orderId: op.orderId, workCentreId: op.workCentreId };
  });
}

export interface OrderInfo {
  id: string;
  number: string;
  partNumber: string;
  quantity: number;
  operations: Array<{ id: string; position: number; name: string; workCentreId: string }>;
}

/** Order numbers and operation names by id, for labelling. */
export async function orderLabels(db: Db, tenantId: string, orderIds: readonly string[]): Promise<Map<string, OrderInfo>> {
  const orders = await store.listOrders(db, tenantId, [...new Set(orderIds)]);
  return new Map(orders.map((o) => [o.id, {
    id: o.id,
    number: o.number,
    partNumber: o.partNumber,
    quantity: o.quantity,
    operations: o.operations.map((op) => ({ id: op.id, position: op.position, name: op.name, workCentreId: op.workCentreId })),
  }]));
}

/** An order with its operations, or undefined. */
export async function orderInfo(db: Db, tenantId: string, orderId: string): Promise<OrderInfo | undefined> {
  return (await orderLabels(db, tenantId, [orderId])).get(orderId);
}
