/**
 * The recall question (issue 16, item 5, backward and forward): which production orders, customer
 * orders and customers got parts made on machine X in [from, to), or with parameter P out of
 * tolerance then. Machine data or Shop floor names the operations, Shop floor their orders and
 * lots, this module the customer orders and customers behind them — one query per step.
 */
import type { Db } from '../../kernel/db/database.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { ProblemError } from '../../kernel/http/problem.js';
import { operationsOnMachine } from '../machines/index.js';
import { lotsOfProductionOrders, operationsWithParameterOutOfTolerance, productionOrderNumbers } from '../shopfloor/index.js';
import { ownersOfProductionOrders } from './production-record.store.js';
import { RECALL_MAX_DAYS, type RecallQuery } from './production-records.schemas.js';

export interface RecallRow {
  productionOrder: { id: string; number: string; partNumber: string };
  /** first and last moment in the period the cause applied: production on the machine, or an out-of-tolerance booking */
  from: string;
  to: string;
  /** machine: production minutes on it in the period; parameter: null */
  runningMinutes: number | null;
  /** parameter: bookings out of tolerance, lowest and highest value booked; machine: null */
  outOfTolerance: { bookings: number; min: number; max: number; unit: string | null } | null;
  /** null for a production order made in Shop floor alone */
  customerOrder: { id: string; number: string; positionNumber: number } | null;
  customer: { id: string; number: string; name: string } | null;
  /** the lot issued at release (null before, or for orders released before lots existed) and the serials of single parts */
  lot: string | null;
  serialNumbers: string[];
}

export interface RecallAnswer {
  cause: { kind: 'machine'; machineId: string } | { kind: 'parameter'; parameter: string };
  from: string;
  to: string;
  rows: RecallRow[];
  customers: Array<{ id: string; number: string; name: string; productionOrders: number }>;
}

const DAY_MS = 86_400_000;

/** Checks the period and that exactly one cause is named; 400 naming the field otherwise. */
export function checkRecallQuery(query: RecallQuery): { from: Date; to: Date } {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (!!query.machineId === !!query.parameter) {
    throw new ProblemError(400, 'customers_recall_one_cause', {}, { errors: [{ path: query.machineId ? 'querystring.parameter' : 'querystring.machineId', message: 'name either a machine or a parameter' }] });
  }
  if (from.getTime() >= to.getTime()) throw new ProblemError(400, 'customers_recall_period_reversed', {}, { errors: [{ path: 'querystring.to', message: 'must lie after from' }] });
  if (to.getTime() - from.getTime() > RECALL_MAX_DAYS * DAY_MS) {
    throw new ProblemError(400, 'customers_recall_period_too_long', { days: RECALL_MAX_DAYS }, { errors: [{ path: 'querystring.to', message: `at most ${RECALL_MAX_DAYS} days after from` }] });
  }
  return { from, to };
}

export async function recall(db: Db, tenant: TenantContext, query: RecallQuery, modules: { shopfloorOn: boolean; machinesOn: boolean }, now = Date.now()): Promise<RecallAnswer> {
  const { from, to } = checkRecallQuery(query);
  if (!modules.shopfloorOn) throw new ProblemError(409, 'customers_shopfloor_off');
  type Hit = { orderId: string; from: number; to: number; runningMs: number | null; values: number[]; unit: string | null };
  const hits: Hit[] = [];
  if (query.machineId) {
    if (!modules.machinesOn) throw new ProblemError(409, 'customers_machines_off');
    const operations = await operationsOnMachine(db, tenant, query.machineId, from, to, now);
    if (!operations) throw new ProblemError(400, 'validation', {}, { errors: [{ path: 'querystring.machineId', message: 'refers to nothing in this company' }] });
    for (const op of operations) hits.push({ orderId: op.orderId, from: Date.parse(op.from), to: Date.parse(op.to), runningMs: op.runningMs, values: [], unit: null });
  } else {
    for (const h of await operationsWithParameterOutOfTolerance(db, tenant, query.parameter!, from, to)) {
      hits.push({ orderId: h.orderId, from: Date.parse(h.at), to: Date.parse(h.at), runningMs: null, values: [h.value], unit: h.unit });
    }
  }
  const byOrder = new Map<string, Hit>();
  for (const h of hits) {
    const seen = byOrder.get(h.orderId);
    if (!seen) byOrder.set(h.orderId, { ...h, values: [...h.values] });
    else Object.assign(seen, { from: Math.min(seen.from, h.from), to: Math.max(seen.to, h.to), runningMs: h.runningMs === null ? null : (seen.runningMs ?? 0) + h.runningMs, values: [...seen.values, ...h.values] });
  }
  const orderIds = [...byOrder.keys()];
  const [numbers, owners, lotList] = await Promise.all([
    productionOrderNumbers(db, tenant, orderIds), ownersOfProductionOrders(db, tenant.tenantId, orderIds), lotsOfProductionOrders(db, tenant.tenantId, orderIds),
  ]);
  const lots = new Map(lotList.map((l) => [l.productionOrderId, l]));
  const rows: RecallRow[] = [...byOrder.values()].sort((a, b) => a.from - b.from).map((h) => {
    const owner = owners.get(h.orderId);
    const po = numbers.get(h.orderId);
    return {
      productionOrder: { id: h.orderId, number: po?.number ?? '', partNumber: po?.partNumber ?? '' },
      from: new Date(h.from).toISOString(),
      to: new Date(h.to).toISOString(),
      runningMinutes: h.runningMs === null ? null : Math.round(h.runningMs / 60_000),
      outOfTolerance: h.values.length === 0 ? null : { bookings: h.values.length, min: Math.min(...h.values), max: Math.max(...h.values), unit: h.unit },
      customerOrder: owner ? { id: owner.orderId, number: owner.orderNumber, positionNumber: owner.positionNumber } : null,
      customer: owner ? { id: owner.customerId, number: owner.customerNumber, name: owner.customerName } : null,
      lot: lots.get(h.orderId)?.lotNumber ?? null,
      serialNumbers: lots.get(h.orderId)?.serialNumbers ?? [],
    };
  });
  const customers = new Map<string, RecallAnswer['customers'][number]>();
  for (const r of rows) {
    if (!r.customer) continue;
    const c = customers.get(r.customer.id) ?? { ...r.customer, productionOrders: 0 };
    c.productionOrders++;
    customers.set(r.customer.id, c);
  }
  return {
    cause: query.machineId ? { kind: 'machine', machineId: query.machineId } : { kind: 'parameter', parameter: query.parameter! },
    from: from.toISOString(), to: to.toISOString(), rows,
    customers: [...customers.values()].sort((a, b) => a.number.localeCompare(b.number)),
  };
}
