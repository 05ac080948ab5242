import { inTransaction } from '../../kernel/db/transaction.js';
import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { changedFields, sameValue } from '../../kernel/audit/changed-fields.js';
import { type Locale, translate } from '../../kernel/i18n/server-messages.js';
import { operationStates } from './bookings.service.js';
import { parseIcalHolidays } from './domain/ical-holidays.js';
import { orderStateOf } from './domain/order-state.js';
import type { Order, OrderBody, OrderPatch, Part, PartBody, WorkCentre, WorkCentreBody } from './schemas.js';
import * as store from './shopfloor.store.js';
import { issueNumbers } from './lots.store.js';

export interface ShopfloorContext {
  db: Db;
  tenant: TenantContext;
  locale?: Locale;
}

const fieldLabel = (locale: Locale, name: string) => translate(locale, `auditFields.${name}`);

export const audit = (ctx: ShopfloorContext, action: string, target: string, details: Record<string, unknown> = {}) =>
  writeAudit(ctx.db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: `shopfloor.${action}`, target, details });

/** A unique constraint that fires despite the check before (two requests at once) is a 409 too. */
export async function uniquely<T>(what: string, value: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw duplicate(what, value);
    throw error;
  }
}
const duplicate = (what: string, value: string) => new ProblemError(409, 'shopfloor_duplicate', { what, value });

// ------------------------------------------------------------------ work centres

export async function listWorkCentres(ctx: ShopfloorContext): Promise<WorkCentre[]> {
  return store.listWorkCentres(ctx.db, ctx.tenant.tenantId);
}

export async function getWorkCentre(ctx: ShopfloorContext, id: string): Promise<WorkCentre> {
  const [found] = await store.listWorkCentres(ctx.db, ctx.tenant.tenantId, [id]);
  if (!found) throw notFound('work centre');
  return found;
}

async function checkCode(ctx: ShopfloorContext, code: string, exceptId?: string) {
  const all = await store.listWorkCentres(ctx.db, ctx.tenant.tenantId);
  if (all.some((w) => w.code === code && w.id !== exceptId)) throw duplicate('work centre', code);
}

export async function createWorkCentre(ctx: ShopfloorContext, body: WorkCentreBody): Promise<WorkCentre> {
  await checkCode(ctx, body.code);
  const id = uuidv7();
  await inTransaction(ctx.db, async (db) => {
    await uniquely('work centre', body.code, () => store.insertWorkCentre(db, ctx.tenant.tenantId, id, body));
    await audit({ ...ctx, db }, 'work_centre_created', id, { code: body.code });
  });
  return getWorkCentre(ctx, id);
}

export async function updateWorkCentre(ctx: ShopfloorContext, id: string, body: WorkCentreBody): Promise<WorkCentre> {
  const before = await getWorkCentre(ctx, id);
  const changes = changedFields([
    ...(before.code === body.code ? [] : ['code']),
    ...(before.name === body.name ? [] : ['name']),
    ...(before.calendar.timeZone === body.calendar.timeZone ? [] : ['timeZone']),
    ...(sameValue(before.calendar.week, body.calendar.week) ? [] : ['shifts']),
    ...(sameValue(before.calendar.holidays, body.calendar.holidays) ? [] : ['holidays']),
  ], fieldLabel);
  await checkCode(ctx, body.code, id);
  await inTransaction(ctx.db, async (db) => {
    if (!(await uniquely('work centre', body.code, () => store.updateWorkCentre(db, ctx.tenant.tenantId, id, body)))) throw notFound('work centre');
    await audit({ ...ctx, db }, 'work_centre_updated', id, { code: body.code, ...(changes ? { changes } : {}) });
  });
  return getWorkCentre(ctx, id);
}

/** Reads all-day events of an iCalendar file as holidays of the work centre's calendar. */
export async function importHolidays(ctx: ShopfloorContext, id: string, body: { ical: string; replace: boolean }) {
  const centre = await getWorkCentre(ctx, id);
  const parsed = parseIcalHolidays(body.ical);
  if (parsed.holidays.length === 0) {
    throw new ProblemError(400, 'shopfloor_ical_empty', {}, { warnings: parsed.warnings });
  }
  const before = new Set(body.replace ? [] : centre.calendar.holidays);
  const imported = parsed.holidays.map((h) => h.date);
  const added = imported.filter((d) => !before.has(d));
  const holidays = [...new Set([...before, ...imported])].sort();
  const calendar = { ...centre.calendar, holidays };
  await inTransaction(ctx.db, async (db) => {
    await store.updateWorkCentre(db, ctx.tenant.tenantId, id, { code: centre.code, name: centre.name, calendar });
    await audit({ ...ctx, db }, 'holidays_imported', id, { count: imported.length, imported: imported.length, added: added.length, replace: body.replace });
  });
  return { workCentre: await getWorkCentre(ctx, id), imported: parsed.holidays, added, warnings: parsed.warnings };
}

// ------------------------------------------------------------------ parts

export async function listParts(ctx: ShopfloorContext): Promise<Part[]> {
  return store.listParts(ctx.db, ctx.tenant.tenantId);
}

export async function getPart(ctx: ShopfloorContext, id: string): Promise<Part> {
  const [found] = await store.listParts(ctx.db, ctx.tenant.tenantId, [id]);
  if (!found) throw notFound('part');
  return found;
}

async function checkPart(ctx: ShopfloorContext, body: PartBody, exceptId?: string) {
  const sameNumber = await store.findPartsByNumber(ctx.db, ctx.tenant.tenantId, [body.number]);
  const other = sameNumber.get(body.number);
  if (other && other !== exceptId) throw duplicate('part', body.number);
  const ids = [...new Set(body.operations.map((o) => o.workCentreId))];
  const known = new Set((await store.listWorkCentres(ctx.db, ctx.tenant.tenantId, ids)).map((w) => w.id));
  const errors = body.operations
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => !known.has(o.workCentreId))
    .map(({ i }) => ({ path: `body.operations.${i}.workCentreId`, message: 'unknown work centre' }));
  if (errors.length > 0) throw new ProblemError(400, 'shopfloor_unknown_work_centre', {}, { errors });
}

export async function createPart(ctx: ShopfloorContext, body: PartBody): Promise<Part> {
  await checkPart(ctx, body);
  const id = uuidv7();
  await inTransaction(ctx.db, async (db) => {
    await uniquely('part', body.number, () =>
      store.savePart(db, ctx.tenant.tenantId, id, { ...body, operations: body.operations.map((o) => ({ ...o, id: uuidv7() })) }, false));
    await audit({ ...ctx, db }, 'part_created', id, { number: body.number });
  });
  return getPart(ctx, id);
}

/** Replaces number, name and routing; orders made before keep the operations they were created with. */
export async function updatePart(ctx: ShopfloorContext, id: string, body: PartBody): Promise<Part> {
  const before = await getPart(ctx, id);
  const routing = (ops: ReadonlyArray<{ name: string; workCentreId: string; setupMinutes: number; idealCycleSeconds: number; parameters: readonly unknown[] }>) => ops.map((o) => ({ name: o.name, workCentreId: o.workCentreId, setupMinutes: o.setupMinutes, idealCycleSeconds: o.idealCycleSeconds, parameters: o.parameters }));
  const changes = changedFields([
    ...(before.number === body.number ? [] : ['number']),
    ...(before.name === body.name ? [] : ['name']),
    ...(sameValue(routing(before.operations), routing(body.operations)) ? [] : ['routing']),
  ], fieldLabel);
  await checkPart(ctx, body, id);
  await inTransaction(ctx.db, async (db) => {
    await uniquely('part', body.number, () =>
      store.savePart(db, ctx.tenant.tenantId, id, { ...body, operations: body.operations.map((o) => ({ ...o, id: uuidv7() })) }, true));
    await audit({ ...ctx, db }, 'part_updated', id, { number: body.number, ...(changes ? { changes } : {}) });
  });
  return getPart(ctx, id);
}

// ------------------------------------------------------------------ production orders

export async function withProgress(ctx: ShopfloorContext, rows: store.OrderRow[]): Promise<Order[]> {
  const states = await operationStates(ctx.db, ctx.tenant.tenantId, rows.flatMap((o) => o.operations.map((op) => op.id)));
  return rows.map((o) => {
    const operations = o.operations.map((op) => {
      const s = states.get(op.id);
      const recordedParameters = op.parameters.flatMap((d) => {
        const r = s?.recorded.get(d.id);
        return r ? [{ ...r, at: new Date(r.at).toISOString() }] : [];
      });
      return { ...op, status: s?.status ?? 'planned', good: s?.good ?? 0, scrap: s?.scrap ?? 0, recordedParameters };
    });
    const { finishedAt } = orderStateOf(o.operations.map((op) => ({ status: states.get(op.id)?.status ?? 'planned', finishedAt: states.get(op.id)?.finishedAt ?? null })));
    return { ...o, operations, finishedAt: finishedAt === null ? null : new Date(finishedAt).toISOString() };
  });
}

export async function listOrders(ctx: ShopfloorContext): Promise<Order[]> {
  return withProgress(ctx, await store.listOrders(ctx.db, ctx.tenant.tenantId));
}

export async function getOrder(ctx: ShopfloorContext, id: string): Promise<Order> {
  const rows = await store.listOrders(ctx.db, ctx.tenant.tenantId, [id]);
  if (rows.length === 0) throw notFound('order');
  return (await withProgress(ctx, rows))[0];
}

const releasedIso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

export function orderFromPart(body: Omit<OrderBody, 'partId'>, part: Part): store.NewOrder {
  return {
    id: uuidv7(),
    number: body.number,
    partId: part.id,
    quantity: body.quantity,
    dueDate: body.dueDate,
    customerReference: body.customerReference,
    priority: body.priority,
    releasedAt: releasedIso(body.releasedAt),
    operations: part.operations.map((op) => ({ ...op, id: uuidv7() })),
  };
}

export async function createOrder(ctx: ShopfloorContext, body: OrderBody): Promise<Order> {
  const [part] = await store.listParts(ctx.db, ctx.tenant.tenantId, [body.partId]);
  if (!part) throw new ProblemError(400, 'shopfloor_unknown_part', {}, { errors: [{ path: 'body.partId', message: 'unknown part' }] });
  if (part.operations.length === 0) {
    throw new ProblemError(400, 'shopfloor_part_without_routing', { part: part.number }, { errors: [{ path: 'body.partId', message: 'the part has no routing' }] });
  }
  if ((await store.existingOrderNumbers(ctx.db, ctx.tenant.tenantId, [body.number])).size > 0) throw duplicate('order', body.number);
  const order = orderFromPart(body, part);
  await inTransaction(ctx.db, async (db) => {
    await uniquely('order', body.number, () => store.insertOrders(db, ctx.tenant.tenantId, [order]));
    await issueNumbers(db, ctx.tenant.tenantId, [order.id]);
    await audit({ ...ctx, db }, 'order_created', order.id, { number: order.number });
  });
  return getOrder(ctx, order.id);
}

export async function updateOrder(ctx: ShopfloorContext, id: string, patch: OrderPatch): Promise<Order> {
  const current = await getOrder(ctx, id);
  const next = {
    number: patch.number ?? current.number,
    quantity: patch.quantity ?? current.quantity,
    dueDate: patch.dueDate === undefined ? current.dueDate : patch.dueDate,
    customerReference: patch.customerReference ?? current.customerReference,
    priority: patch.priority ?? current.priority,
    releasedAt: patch.releasedAt === undefined ? current.releasedAt : releasedIso(patch.releasedAt),
  };
  if (next.number !== current.number && (await store.existingOrderNumbers(ctx.db, ctx.tenant.tenantId, [next.number])).size > 0) {
    throw duplicate('order', next.number);
  }
  await inTransaction(ctx.db, async (db) => {
    if (!(await uniquely('order', next.number, () => store.updateOrder(db, ctx.tenant.tenantId, id, next)))) throw notFound('order');
    await issueNumbers(db, ctx.tenant.tenantId, [id]);
    await audit({ ...ctx, db }, 'order_updated', id, { number: next.number, changed: Object.keys(patch) });
  });
  return getOrder(ctx, id);
}
