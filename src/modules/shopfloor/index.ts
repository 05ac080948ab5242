/**
 * What other modules may use of the shop floor on the server. Other modules never read the
 * shop-floor tables directly.
 */
import type { Db } from '../../kernel/db/database.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { operationStates } from './bookings.service.js';
import { createOrder, withProgress } from './shopfloor.service.js';
import { findPartsByNumber, listOrders as listOrderRows, listParts, listWorkCentres, readSettings, searchPartRows } from './shopfloor.store.js';
import { existingOrderIds, lotsOfOrders, ordersByNumber } from './lots.store.js';
import type { ShiftCalendar } from './domain/shift-calendar.js';
import { shiftWorkClock, type WorkClock } from './domain/work-clock.js';

export type { WorkClock } from './domain/work-clock.js';

export { orderInfo, orderLabels, phasesOnWorkCentres, type OperationPhaseInfo, type OrderInfo } from './operation-phases.service.js';
/** The demo's working hours and random sequence, so other modules' demo data line up with the shop floor's. */
export { demoWorkingWindows, seededRandom } from './shopfloor.demo-history.js';
export { DEMO_WORKER } from './shopfloor.demo.js';

/** Which of `ids` are work centres of the company (so a body cannot point at another company's). */
export async function existingWorkCentreIds(db: Db, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await listWorkCentres(db, tenantId, ids)).map((w) => w.id));
}

/**
 * The work clocks of work centres by id: only productive shift time counts (shifts less breaks,
 * no holidays); a work centre without shifts counts every hour. For forecasts in other modules.
 */
export async function workClocks(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, WorkClock>> {
  const rows = await listWorkCentres(db, tenantId, [...new Set(ids)]);
  return new Map(rows.map((w) => [w.id, shiftWorkClock(w.calendar as ShiftCalendar)]));
}

/** The company's work centres (id, code, name), ordered by code. */
export async function workCentres(db: Db, tenantId: string): Promise<Array<{ id: string; code: string; name: string }>> {
  return (await listWorkCentres(db, tenantId)).map((w) => ({ id: w.id, code: w.code, name: w.name }));
}

// ------------------------------------------------------------------ parts and production orders for other modules (Customers)

/** A part as other modules show and pick it; `producible` when it has a routing (an order can be made of it). */
export interface PartSummary {
  id: string;
  number: string;
  name: string;
  producible: boolean;
}

/** Parts of the company by ids (unknown or foreign ids are left out). */
export async function partsByIds(db: Db, tenantId: string, ids: readonly string[]): Promise<PartSummary[]> {
  return (await listParts(db, tenantId, [...new Set(ids)])).map((p) => ({ id: p.id, number: p.number, name: p.name, producible: p.operations.length > 0 }));
}

/** Parts of the company by their numbers (unknown numbers are left out), e.g. for an office import. */
export async function partsByNumbers(db: Db, tenantId: string, numbers: readonly string[]): Promise<PartSummary[]> {
  const ids = await findPartsByNumber(db, tenantId, [...new Set(numbers)]);
  return partsByIds(db, tenantId, [...ids.values()]);
}

/** Parts whose number or name contains `q`, by number, at most `limit`. */
export async function searchParts(db: Db, tenantId: string, q: string, limit = 20): Promise<PartSummary[]> {
  const found = await searchPartRows(db, tenantId, q, limit);
  return partsByIds(db, tenantId, found.map((p) => p.id)).then((parts) => found.map((f) => parts.find((p) => p.id === f.id)!).filter(Boolean));
}

export interface NewProductionOrder {
  number: string;
  partId: string;
  quantity: number;
  dueDate: string | null;
  customerReference: string;
  priority: number;
  /** released at once (now), which issues its lot (and serials) in the same transaction */
  release?: boolean;
}

/**
 * Creates a production order (operations from the part's routing) with Shop floor's own checks and
 * audit entry. Inside the caller's transaction when `db` is one, so the caller can store its link
 * to the order together with it. Refusals are Shop floor's problems (unknown part, no routing,
 * number taken).
 */
export async function createProductionOrder(db: Db, tenant: TenantContext, order: NewProductionOrder): Promise<{ id: string; number: string; lotNumber: string | null }> {
  const { release, ...fields } = order;
  const created = await createOrder({ db, tenant }, { ...fields, releasedAt: release ? new Date().toISOString() : null });
  return { id: created.id, number: created.number, lotNumber: created.lotNumber };
}

/** The company's margin above an ordered quantity from which more needs a confirmation (percent of the quantity; Shop floor's setting, also used for deliveries). */
export async function quantityMarginPercent(db: Db, tenantId: string): Promise<number> {
  return (await readSettings(db, tenantId)).overQuantityMarginPercent;
}

// ------------------------------------------------------------------ lots and serials (issued when an order is released)

/** The lot number (null until released) and serial numbers (single parts) of each production order among `ids`, in the order of `ids`. */
export async function lotsOfProductionOrders(db: Db, tenantId: string, ids: readonly string[]): Promise<Array<{ productionOrderId: string; lotNumber: string | null; serialNumbers: string[] }>> {
  if (ids.length === 0) return [];
  const lots = await lotsOfOrders(db, tenantId, await existingOrderIds(db, tenantId, ids));
  return [...new Set(ids)].filter((id) => lots.has(id)).map((id) => ({ productionOrderId: id, lotNumber: lots.get(id)!.lotNumber, serialNumbers: lots.get(id)!.serialNumbers }));
}

/** The ids of the company's production orders with lot number `lot` (exact; at most one, as lot numbers are unique per company). */
export async function productionOrdersByLot(db: Db, tenantId: string, lot: string): Promise<string[]> {
  return ordersByNumber(db, tenantId, { lot });
}

/** The ids of the company's production orders that issued serial number `serial` (exact; at most one). */
export async function productionOrdersBySerial(db: Db, tenantId: string, serial: string): Promise<string[]> {
  return ordersByNumber(db, tenantId, { serial });
}

export type ProductionOrderState = 'planned' | 'active' | 'finished';

/** An operation of a production order as other modules see its progress (for "where is my order?"). */
export interface OperationProgressInfo {
  id: string;
  name: string;
  workCentreId: string;
  status: 'planned' | 'setup' | 'running' | 'paused' | 'finished';
  setupMinutes: number;
  idealCycleSeconds: number;
  good: number;
  scrap: number;
  /** first start (setup or production), ISO; null while planned */
  startedAt: string | null;
  /** ISO; null unless finished */
  finishedAt: string | null;
}

/** Production orders by ids with their progress: state, good parts of the last operation, and each operation in routing order. */
export async function productionOrdersByIds(db: Db, tenant: TenantContext, ids: readonly string[]): Promise<Array<{ id: string; number: string; partNumber: string; quantity: number; dueDate: string | null; releasedAt: string | null; lotNumber: string | null; serialNumbers: string[]; state: ProductionOrderState; good: number; finishedAt: string | null; operations: OperationProgressInfo[] }>> {
  const rows = await listOrderRows(db, tenant.tenantId, [...new Set(ids)]);
  const orders = await withProgress({ db, tenant }, rows);
  const states = await operationStates(db, tenant.tenantId, rows.flatMap((o) => o.operations.map((op) => op.id)));
  const iso = (t: number | null | undefined) => (t === null || t === undefined ? null : new Date(t).toISOString());
  return orders.map((o) => {
    const last = o.operations[o.operations.length - 1];
    const state: ProductionOrderState = o.finishedAt !== null ? 'finished' : o.operations.every((op) => op.status === 'planned') ? 'planned' : 'active';
    const operations = o.operations.map((op) => ({
      id: op.id, name: op.name, workCentreId: op.workCentreId, status: op.status, setupMinutes: op.setupMinutes, idealCycleSeconds: op.idealCycleSeconds, good: op.good, scrap: op.scrap,
      startedAt: iso(states.get(op.id)?.startedAt), finishedAt: iso(states.get(op.id)?.finishedAt),
    }));
    return { id: o.id, number: o.number, partNumber: o.partNumber, quantity: o.quantity, dueDate: o.dueDate, releasedAt: o.releasedAt, lotNumber: o.lotNumber, serialNumbers: o.serialNumbers, state, good: last?.good ?? 0, finishedAt: o.finishedAt, operations };
  });
}

// ------------------------------------------------------------------ production record and recall (Customers)

export {
  operationsWithParameterOutOfTolerance, productionOrderNumbers, productionRecord, toleratedParameters,
  type OutOfToleranceHit, type ProductionRecordOrder, type RecordBooking, type RecordOperation, type RecordPhase, type RecordedParameterValue,
} from './production-record.service.js';
