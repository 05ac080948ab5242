import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { replayOperations } from './bookings.service.js';
import * as bookingStore from './bookings.store.js';
import { operationPhases } from './domain/operation-phases.js';
import { type RecordedParameter, toleranceLimits } from './domain/process-parameters.js';
import { lotsOfOrders } from './lots.store.js';
import { listReasons } from './reasons.store.js';
import type { ParameterDefinition } from './schemas.js';
import { listOrders, listWorkCentres } from './shopfloor.store.js';

/**
 * The production record of production orders, as Shop floor knows it: every operation with its
 * work centre, times, quantities, scrap by reason, every recorded process parameter with its
 * tolerance check, photos and the bookings. A fixed number of queries (eight) over sets of ids,
 * whatever the number of orders and operations.
 */
export interface RecordedParameterValue {
  /** the parameter's id within the operation */
  name: string;
  label: { de: string; en: string };
  type: ParameterDefinition['type'];
  value: number | string;
  unit: string | null;
  target: number | null;
  /** lowest / highest value inside the tolerance; null = unbounded */
  lower: number | null;
  upper: number | null;
  outOfTolerance: boolean;
  /** device time of the booking, ISO */
  at: string;
  /** photos only: whether the picture reached the server (the booking may arrive before it) */
  photo: { id: string; uploaded: boolean; mediaType: string | null } | null;
}

export interface RecordBooking {
  at: string;
  kind: string;
  good: number | null;
  scrap: number | null;
  /** label of the downtime or scrap reason; null without one or for a reason no longer known */
  reason: { de: string; en: string } | null;
  /** a quantity booking taken back by a reversal */
  reversed: boolean;
}

export interface RecordPhase {
  phase: 'setup' | 'running' | 'paused';
  start: string;
  /** null while it lasts */
  end: string | null;
}

export interface RecordOperation {
  id: string;
  position: number;
  name: string;
  workCentre: { id: string; code: string; name: string };
  status: 'planned' | 'setup' | 'running' | 'paused' | 'finished';
  startedAt: string | null;
  finishedAt: string | null;
  good: number;
  scrap: number;
  scrapByReason: Array<{ reason: { de: string; en: string } | null; scrap: number }>;
  parameters: RecordedParameterValue[];
  phases: RecordPhase[];
  bookings: RecordBooking[];
}

export interface ProductionRecordOrder {
  id: string;
  number: string;
  partNumber: string;
  quantity: number;
  releasedAt: string | null;
  /** issued at release; null before */
  lotNumber: string | null;
  /** single parts only */
  serialNumbers: string[];
  state: 'planned' | 'active' | 'finished';
  finishedAt: string | null;
  operations: RecordOperation[];
}

const iso = (t: number | null | undefined) => (t === null || t === undefined ? null : new Date(t).toISOString());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which of the photo ids have arrived, with their media type (one query). */
async function uploadedPhotos(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
  if (valid.length === 0) return new Map();
  const rows = await sql<{ id: string; media_type: string }>`
    select id, media_type from shopfloor_photos where tenant_id = ${tenantId} and id = any(${valid}::uuid[])`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r.media_type]));
}

export async function productionRecord(db: Db, tenant: TenantContext, orderIds: readonly string[]): Promise<ProductionRecordOrder[]> {
  const { tenantId } = tenant;
  const orders = await listOrders(db, tenantId, [...new Set(orderIds)]);
  const lots = await lotsOfOrders(db, tenantId, orders.map((o) => o.id));
  const lotOf = (id: string) => ({ lotNumber: lots.get(id)?.lotNumber ?? null, serialNumbers: lots.get(id)?.serialNumbers ?? [] });
  const operations = orders.flatMap((o) => o.operations);
  if (operations.length === 0) return orders.map((o) => ({ id: o.id, number: o.number, partNumber: o.partNumber, quantity: o.quantity, releasedAt: o.releasedAt, ...lotOf(o.id), state: 'planned', finishedAt: null, operations: [] }));
  const [applied, centres, reasons] = await Promise.all([
    bookingStore.appliedBookings(db, tenantId, { operationIds: operations.map((op) => op.id) }),
    listWorkCentres(db, tenantId, [...new Set(operations.map((op) => op.workCentreId))]),
    listReasons(db, tenantId),
  ]);
  const states = replayOperations(applied);
  const appliedKeys = new Set([...states.values()].flatMap((s) => s.appliedKeys));
  const reversed = new Set([...states.values()].flatMap((s) => [...(s.reversed ?? [])]));
  const reasonLabel = new Map(reasons.map((r) => [r.id, r.label]));
  const centreById = new Map(centres.map((c) => [c.id, c]));
  const phases = operationPhases(applied);

  const photoIds = applied.filter((b) => b.kind === 'parameters').flatMap((b) => (b.parameters as RecordedParameter[]).map((p) => String(p.value)));
  const photos = await uploadedPhotos(db, tenantId, photoIds);

  const bookingsOf = new Map<string, typeof applied>();
  for (const b of applied) {
    if (!appliedKeys.has(b.key)) continue;
    bookingsOf.set(b.operationId, [...(bookingsOf.get(b.operationId) ?? []), b]);
  }

  return orders.map((o) => {
    const ops: RecordOperation[] = o.operations.map((op) => {
      const state = states.get(op.id);
      const own = bookingsOf.get(op.id) ?? [];
      const definitions = new Map(op.parameters.map((d) => [d.id, d]));
      const scrap = new Map<string, { reason: { de: string; en: string } | null; scrap: number }>();
      for (const b of own) {
        if (b.kind !== 'quantity' || reversed.has(b.key) || !b.scrap) continue;
        const key = b.reason && reasonLabel.has(b.reason) ? b.reason : '';
        const entry = scrap.get(key) ?? { reason: key ? reasonLabel.get(key)! : null, scrap: 0 };
        entry.scrap += b.scrap;
        scrap.set(key, entry);
      }
      const parameters = own.filter((b) => b.kind === 'parameters').flatMap((b) => (b.parameters as RecordedParameter[]).map((p): RecordedParameterValue => {
        const def = definitions.get(p.name);
        const limits = def ? toleranceLimits(def) : { lower: null, upper: null };
        const type = def?.type ?? (typeof p.value === 'number' ? 'number' : 'text');
        return {
          name: p.name, label: def?.label ?? { de: p.name, en: p.name }, type, value: p.value, unit: p.unit ?? def?.unit ?? null,
          target: def?.target ?? null, lower: limits.lower, upper: limits.upper, outOfTolerance: p.outOfTolerance === true, at: iso(b.at)!,
          photo: type === 'photo' ? { id: String(p.value), uploaded: photos.has(String(p.value)), mediaType: photos.get(String(p.value)) ?? null } : null,
        };
      }));
      const centre = centreById.get(op.workCentreId);
      return {
        id: op.id, position: op.position, name: op.name,
        workCentre: { id: op.workCentreId, code: centre?.code ?? '', name: centre?.name ?? '' },
        status: state?.status ?? 'planned',
        startedAt: iso(state?.startedAt), finishedAt: iso(state?.finishedAt),
        good: state?.good ?? 0, scrap: state?.scrap ?? 0,
        scrapByReason: [...scrap.values()].sort((a, b) => b.scrap - a.scrap),
        parameters,
        phases: phases.filter((p) => p.operationId === op.id).map((p) => ({ phase: p.phase, start: iso(p.start)!, end: iso(p.end) })),
        bookings: own.map((b) => ({
          at: iso(b.at)!, kind: b.kind, good: b.good, scrap: b.scrap,
          reason: b.reason ? (reasonLabel.get(b.reason) ?? null) : null, reversed: reversed.has(b.key),
        })),
      };
    });
    const finished = ops.length > 0 && ops.every((op) => op.status === 'finished');
    const finishedAt = finished ? ops.map((op) => op.finishedAt ?? '').sort().at(-1) || null : null;
    const state = finished ? 'finished' : ops.every((op) => op.status === 'planned') ? 'planned' : 'active';
    return { id: o.id, number: o.number, partNumber: o.partNumber, quantity: o.quantity, releasedAt: o.releasedAt, ...lotOf(o.id), state, finishedAt, operations: ops };
  });
}

/** A parameter booked out of tolerance: on which operation of which order, when, with what value. */
export interface OutOfToleranceHit {
  operationId: string;
  orderId: string;
  at: string;
  value: number;
  unit: string | null;
}

/**
 * The applied parameter bookings in [from, to) (device time) with the parameter `name` out of
 * tolerance (the result stored with the booking), oldest first — for the recall question. Two
 * queries: the bookings by time (index on booked time), their operations' orders.
 */
export async function operationsWithParameterOutOfTolerance(db: Db, tenant: TenantContext, name: string, from: Date, to: Date): Promise<OutOfToleranceHit[]> {
  const { tenantId } = tenant;
  const probe = JSON.stringify([{ name, outOfTolerance: true }]);
  const rows = await sql<{ operation_id: string; order_id: string; booked_at: Date | string; parameters: unknown }>`
    select b.operation_id, op.order_id, b.booked_at, b.parameters
    from shopfloor_bookings b
    join shopfloor_order_operations op on op.tenant_id = b.tenant_id and op.id = b.operation_id
    where b.tenant_id = ${tenantId} and b.status = 'applied' and b.kind = 'parameters'
      and b.booked_at >= ${from.toISOString()}::timestamptz and b.booked_at < ${to.toISOString()}::timestamptz
      and b.parameters @> ${probe}::jsonb
    order by b.booked_at`.execute(db);
  return rows.rows.flatMap((r) => {
    const list = (typeof r.parameters === 'string' ? JSON.parse(r.parameters) : r.parameters) as RecordedParameter[];
    const hit = list.find((p) => p.name === name && p.outOfTolerance);
    return hit && typeof hit.value === 'number' ? [{ operationId: r.operation_id, orderId: r.order_id, at: new Date(r.booked_at).toISOString(), value: hit.value, unit: hit.unit ?? null }] : [];
  });
}

/** The number parameters with a tolerance on the company's routings (id and label), for a recall filter. */
export async function toleratedParameters(db: Db, tenant: TenantContext): Promise<Array<{ name: string; label: { de: string; en: string }; unit: string | null }>> {
  const rows = await sql<{ parameters: unknown }>`
    select parameters from shopfloor_routing_operations where tenant_id = ${tenant.tenantId} and parameters <> '[]'::jsonb`.execute(db);
  const found = new Map<string, { name: string; label: { de: string; en: string }; unit: string | null }>();
  for (const r of rows.rows) {
    const defs = (typeof r.parameters === 'string' ? JSON.parse(r.parameters) : r.parameters) as ParameterDefinition[];
    for (const d of defs) {
      if (d.type !== 'number' || d.target === undefined || (d.lowerTolerance === undefined && d.upperTolerance === undefined)) continue;
      if (!found.has(d.id)) found.set(d.id, { name: d.id, label: d.label, unit: d.unit ?? null });
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Production orders by ids: number and part number (for recall rows). */
export async function productionOrderNumbers(db: Db, tenant: TenantContext, ids: readonly string[]): Promise<Map<string, { number: string; partNumber: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await sql<{ id: string; number: string; part_number: string }>`
    select o.id, o.number, p.number as part_number from shopfloor_orders o
    join shopfloor_parts p on p.tenant_id = o.tenant_id and p.id = o.part_id
    where o.tenant_id = ${tenant.tenantId} and o.id = any(${unique}::uuid[])`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, { number: r.number, partNumber: r.part_number }]));
}
