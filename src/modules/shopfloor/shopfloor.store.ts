import { sql } from 'kysely';
import type { Db, Row } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import type { CalendarInput, RoutingOperation } from './schemas.js';
import { storedJson } from '../../kernel/db/stored-json.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { lotsOfOrders } from './lots.store.js';
import { DEFAULT_LOT_PATTERN, DEFAULT_SERIAL_PATTERN } from './domain/lots.js';

const iso = (value: Date | string): string => new Date(value).toISOString();
/** A `date` column as YYYY-MM-DD, whichever way the driver hands it over. */
function isoDay(value: Date | string | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  const d = value;
  // Drivers build a local-midnight Date for a `date` column.
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// ------------------------------------------------------------------ work centres

export interface WorkCentreRow {
  id: string;
  code: string;
  name: string;
  calendar: CalendarInput;
  createdAt: string;
  updatedAt: string;
}

export async function listWorkCentres(db: Db, tenantId: string, ids?: readonly string[]): Promise<WorkCentreRow[]> {
  if (ids && ids.length === 0) return [];
  let q = db.selectFrom('shopfloor_work_centres').selectAll().where('tenant_id', '=', tenantId);
  if (ids) q = q.where('id', 'in', ids);
  const rows = await q.orderBy('code').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, calendar: storedJson<CalendarInput>(r.calendar), createdAt: iso(r.created_at), updatedAt: iso(r.updated_at) }));
}

export async function insertWorkCentre(db: Db, tenantId: string, id: string, w: { code: string; name: string; calendar: CalendarInput }) {
  await db.insertInto('shopfloor_work_centres').values({ tenant_id: tenantId, id, code: w.code, name: w.name, calendar: JSON.stringify(w.calendar) }).execute();
}

export async function updateWorkCentre(db: Db, tenantId: string, id: string, w: { code: string; name: string; calendar: CalendarInput }): Promise<boolean> {
  const done = await db
    .updateTable('shopfloor_work_centres')
    .set({ code: w.code, name: w.name, calendar: JSON.stringify(w.calendar), updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

// ------------------------------------------------------------------ parts and routings

export interface PartRow {
  id: string;
  number: string;
  name: string;
  serialised: boolean;
  operations: RoutingOperation[];
}

/** The columns a routing operation has on the part and on each order. */
type OperationColumns = Pick<Row<'shopfloor_routing_operations'>, 'id' | 'position' | 'name' | 'work_centre_id' | 'setup_minutes' | 'ideal_cycle_seconds' | 'parameters'>;

const operationOf = (r: OperationColumns): RoutingOperation => ({
  id: r.id,
  position: Number(r.position),
  name: r.name,
  workCentreId: r.work_centre_id,
  setupMinutes: Number(r.setup_minutes),
  idealCycleSeconds: Number(r.ideal_cycle_seconds),
  parameters: storedJson<RoutingOperation['parameters'] | null>(r.parameters) ?? [],
});

export async function listParts(db: Db, tenantId: string, ids?: readonly string[]): Promise<PartRow[]> {
  if (ids && ids.length === 0) return [];
  let q = db.selectFrom('shopfloor_parts').select(['id', 'number', 'name', 'serialised']).where('tenant_id', '=', tenantId);
  if (ids) q = q.where('id', 'in', ids);
  const parts = await q.orderBy('number').execute();
  if (parts.length === 0) return [];
  const ops = await db
    .selectFrom('shopfloor_routing_operations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('part_id', 'in', parts.map((p) => p.id))
    .orderBy('position')
    .execute();
  return parts.map((p) => ({ id: p.id, number: p.number, name: p.name, serialised: p.serialised, operations: ops.filter((o) => o.part_id === p.id).map(operationOf) }));
}

export async function findPartsByNumber(db: Db, tenantId: string, numbers: readonly string[]): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const rows = await db.selectFrom('shopfloor_parts').select(['id', 'number']).where('tenant_id', '=', tenantId).where('number', 'in', numbers).execute();
  return new Map(rows.map((r) => [r.number, r.id]));
}

export async function savePart(
  db: Db,
  tenantId: string,
  id: string,
  part: { number: string; name: string; serialised?: boolean; operations: Array<Omit<RoutingOperation, 'position'>> },
  existing: boolean,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (existing) {
      await tx.updateTable('shopfloor_parts').set({ number: part.number, name: part.name, ...(part.serialised === undefined ? {} : { serialised: part.serialised }), updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
      await tx.deleteFrom('shopfloor_routing_operations').where('tenant_id', '=', tenantId).where('part_id', '=', id).execute();
    } else {
      await tx.insertInto('shopfloor_parts').values({ tenant_id: tenantId, id, number: part.number, name: part.name, serialised: part.serialised ?? false }).execute();
    }
    if (part.operations.length > 0) {
      await tx
        .insertInto('shopfloor_routing_operations')
        .values(part.operations.map((o, i) => ({
          tenant_id: tenantId, id: o.id, part_id: id, position: i + 1, name: o.name,
          work_centre_id: o.workCentreId, setup_minutes: o.setupMinutes, ideal_cycle_seconds: o.idealCycleSeconds,
          parameters: JSON.stringify(o.parameters),
        })))
        .execute();
    }
  });
}

// ------------------------------------------------------------------ production orders

export interface OrderRow {
  id: string;
  number: string;
  partId: string;
  partNumber: string;
  quantity: number;
  dueDate: string | null;
  customerReference: string;
  priority: number;
  releasedAt: string | null;
  /** issued at the release (lots.store.ts); null before */
  lotNumber: string | null;
  /** one per piece when the part is serialised, in the order issued */
  serialNumbers: string[];
  operations: RoutingOperation[];
}

export interface NewOrder {
  id: string;
  number: string;
  partId: string;
  quantity: number;
  dueDate: string | null;
  customerReference: string;
  priority: number;
  releasedAt: string | null;
  operations: RoutingOperation[];
}

export async function listOrders(db: Db, tenantId: string, ids?: readonly string[]): Promise<OrderRow[]> {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom('shopfloor_orders as o')
    .innerJoin('shopfloor_parts as p', (j) => j.onRef('p.tenant_id', '=', 'o.tenant_id').onRef('p.id', '=', 'o.part_id'))
    .select(['o.id', 'o.number', 'o.part_id', 'p.number as part_number', 'o.quantity', 'o.due_date', 'o.customer_reference', 'o.priority', 'o.released_at'])
    .where('o.tenant_id', '=', tenantId);
  if (ids) q = q.where('o.id', 'in', ids);
  const orders = await q.orderBy('o.priority').orderBy('o.due_date').orderBy('o.number').execute();
  if (orders.length === 0) return [];
  const ops = await db
    .selectFrom('shopfloor_order_operations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('order_id', 'in', orders.map((o) => o.id))
    .orderBy('position')
    .execute();
  const lots = await lotsOfOrders(db, tenantId, orders.map((o) => o.id));
  return orders.map((o) => ({
    id: o.id,
    number: o.number,
    partId: o.part_id,
    partNumber: o.part_number,
    quantity: Number(o.quantity),
    dueDate: isoDay(o.due_date),
    customerReference: o.customer_reference,
    priority: Number(o.priority),
    releasedAt: o.released_at === null ? null : iso(o.released_at),
    lotNumber: lots.get(o.id)!.lotNumber,
    serialNumbers: lots.get(o.id)!.serialNumbers,
    operations: ops.filter((op) => op.order_id === o.id).map(operationOf),
  }));
}

export async function existingOrderNumbers(db: Db, tenantId: string, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await db.selectFrom('shopfloor_orders').select('number').where('tenant_id', '=', tenantId).where('number', 'in', numbers).execute();
  return new Set(rows.map((r) => r.number));
}

/** Inserts orders with their operations, all or none. */
export async function insertOrders(db: Db, tenantId: string, orders: readonly NewOrder[]): Promise<void> {
  if (orders.length === 0) return;
  await inTransaction(db, async (tx) => {
    for (let i = 0; i < orders.length; i += 500) {
      const chunk = orders.slice(i, i + 500);
      await tx
        .insertInto('shopfloor_orders')
        .values(chunk.map((o) => ({
          tenant_id: tenantId, id: o.id, number: o.number, part_id: o.partId, quantity: o.quantity, due_date: o.dueDate,
          customer_reference: o.customerReference, priority: o.priority, released_at: o.releasedAt === null ? null : new Date(o.releasedAt),
        })))
        .execute();
      const ops = chunk.flatMap((o) => o.operations.map((op) => ({
        tenant_id: tenantId, id: op.id, order_id: o.id, position: op.position, name: op.name,
        work_centre_id: op.workCentreId, setup_minutes: op.setupMinutes, ideal_cycle_seconds: op.idealCycleSeconds,
        parameters: JSON.stringify(op.parameters),
      })));
      if (ops.length > 0) await tx.insertInto('shopfloor_order_operations').values(ops).execute();
    }
  });
}

export async function updateOrder(db: Db, tenantId: string, id: string, o: Omit<NewOrder, 'id' | 'operations' | 'partId'>): Promise<boolean> {
  const done = await db
    .updateTable('shopfloor_orders')
    .set({
      number: o.number, quantity: o.quantity, due_date: o.dueDate, customer_reference: o.customerReference, priority: o.priority,
      released_at: o.releasedAt === null ? null : new Date(o.releasedAt), updated_at: new Date(),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Order operations by id, with the work centre and ideal cycle time the KPIs need. */
export async function orderOperations(db: Db, tenantId: string, filter: { ids?: readonly string[]; workCentreId?: string } = {}) {
  if (filter.ids && filter.ids.length === 0) return [];
  let q = db.selectFrom('shopfloor_order_operations').select(['id', 'order_id', 'work_centre_id', 'ideal_cycle_seconds', 'parameters']).where('tenant_id', '=', tenantId);
  if (filter.ids) q = q.where('id', 'in', filter.ids);
  if (filter.workCentreId) q = q.where('work_centre_id', '=', filter.workCentreId);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, orderId: r.order_id, workCentreId: r.work_centre_id, idealCycleMs: Number(r.ideal_cycle_seconds) * 1000,
    parameters: (r.parameters as RoutingOperation['parameters'] | null) ?? [] }));
}

// ------------------------------------------------------------------ settings and quantity limits

export const DEFAULT_OVER_QUANTITY_MARGIN_PERCENT = 10;

export interface ShopfloorSettings {
  overQuantityMarginPercent: number;
  lotPattern: string;
  serialPattern: string;
}

export async function readSettings(db: Db, tenantId: string): Promise<ShopfloorSettings> {
  const row = await db.selectFrom('shopfloor_settings').select(['over_quantity_margin_percent', 'lot_pattern', 'serial_pattern']).where('tenant_id', '=', tenantId).executeTakeFirst();
  return {
    overQuantityMarginPercent: Number(row?.over_quantity_margin_percent ?? DEFAULT_OVER_QUANTITY_MARGIN_PERCENT),
    lotPattern: row?.lot_pattern ?? DEFAULT_LOT_PATTERN,
    serialPattern: row?.serial_pattern ?? DEFAULT_SERIAL_PATTERN,
  };
}

/** Changes the settings given; a pattern set to null goes back to the default. */
export async function writeSettings(db: Db, tenantId: string, settings: { overQuantityMarginPercent?: number; lotPattern?: string | null; serialPattern?: string | null }): Promise<void> {
  const change = {
    ...(settings.overQuantityMarginPercent === undefined ? {} : { over_quantity_margin_percent: settings.overQuantityMarginPercent }),
    ...(settings.lotPattern === undefined ? {} : { lot_pattern: settings.lotPattern }),
    ...(settings.serialPattern === undefined ? {} : { serial_pattern: settings.serialPattern }),
  };
  await db.insertInto('shopfloor_settings').values({ tenant_id: tenantId, ...change, updated_at: new Date() })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...change, updated_at: new Date() }))
    .execute();
}

/** The order quantity of each operation's order. */
export async function orderQuantities(db: Db, tenantId: string, operationIds: readonly string[]): Promise<Map<string, number>> {
  if (operationIds.length === 0) return new Map();
  const rows = await db.selectFrom('shopfloor_order_operations as op')
    .innerJoin('shopfloor_orders as o', (j) => j.onRef('o.tenant_id', '=', 'op.tenant_id').onRef('o.id', '=', 'op.order_id'))
    .select(['op.id', 'o.quantity'])
    .where('op.tenant_id', '=', tenantId)
    .where('op.id', 'in', operationIds)
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.quantity)]));
}

/** The work centre a terminal shows (none: every work centre). */
export async function setTerminalWorkCentre(db: Db, tenantId: string, terminalId: string, workCentreId: string | null): Promise<void> {
  await db.deleteFrom('shopfloor_terminal_work_centres').where('tenant_id', '=', tenantId).where('terminal_id', '=', terminalId).execute();
  if (workCentreId) await db.insertInto('shopfloor_terminal_work_centres').values({ tenant_id: tenantId, terminal_id: terminalId, work_centre_id: workCentreId }).execute();
}

/** The work centre of each of the company's terminals that has one, by terminal id. */
export async function terminalWorkCentres(db: Db, tenantId: string, terminalId?: string): Promise<Map<string, string>> {
  let q = db.selectFrom('shopfloor_terminal_work_centres').select(['terminal_id', 'work_centre_id']).where('tenant_id', '=', tenantId);
  if (terminalId) q = q.where('terminal_id', '=', terminalId);
  return new Map((await q.execute()).map((r) => [r.terminal_id, r.work_centre_id]));
}

/** Parts whose number or name contains `q` (case-insensitive), by number; without routings. */
export async function searchPartRows(db: Db, tenantId: string, q: string, limit: number): Promise<Array<{ id: string; number: string; name: string }>> {
  let query = db.selectFrom('shopfloor_parts').select(['id', 'number', 'name']).where('tenant_id', '=', tenantId);
  if (q.trim() !== '') {
    const pattern = containsPattern(q.trim().toLowerCase());
    query = query.where((eb) => eb.or([eb(sql`lower(number)`, 'like', pattern), eb(sql`lower(name)`, 'like', pattern)]));
  }
  return query.orderBy('number').limit(limit).execute();
}
