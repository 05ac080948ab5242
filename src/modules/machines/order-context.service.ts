import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { orderInfo, orderLabels, phasesOnWorkCentres } from '../shopfloor/index.js';
import { type ContextSegment, clip, contextTimeline } from './domain/order-context.js';
import type { Retention } from './domain/retention.js';
import * as store from './machines.store.js';
import * as pointStore from './points.store.js';
import { readSeries } from './series.service.js';

/**
 * Order context of machine data: which production order and operation ran on the machine's work
 * centre at an instant, derived at query time from the shop-floor bookings (domain/order-context.ts).
 * Nothing is stored with the samples, so bookings that arrive late from an offline terminal count
 * as soon as they are there.
 */
export interface LabelledSegment {
  start: string;
  end: string;
  phase: 'setup' | 'running';
  orderId: string;
  orderNumber: string;
  operationId: string;
  operationName: string;
  operationPosition: number;
}

/** The context timeline of one work centre with order numbers and operation names. */
async function labelledTimeline(db: Db, tenantId: string, workCentreId: string, now: number): Promise<Array<ContextSegment & { label: Omit<LabelledSegment, 'start' | 'end' | 'phase'> }>> {
  const phases = await phasesOnWorkCentres(db, tenantId, [workCentreId]);
  const timeline = contextTimeline(phases, now);
  const labels = await orderLabels(db, tenantId, timeline.map((s) => s.orderId));
  return timeline.map((s) => {
    const order = labels.get(s.orderId);
    const op = order?.operations.find((o) => o.id === s.operationId);
    return { ...s, label: { orderId: s.orderId, orderNumber: order?.number ?? '', operationId: s.operationId, operationName: op?.name ?? '', operationPosition: op?.position ?? 0 } };
  });
}

const labelled = (s: ContextSegment & { label: Omit<LabelledSegment, 'start' | 'end' | 'phase'> }): LabelledSegment => ({
  ...s.label,
  start: new Date(s.start).toISOString(),
  end: new Date(s.end).toISOString(),
  phase: s.phase,
});

export type ContextAvailability = { available: true } | { available: false; reason: 'shopfloorOff' | 'noWorkCentre' };

/** The order segments on a machine's work centre that overlap [from, to), clipped to it. */
export async function machineContext(db: Db, tenantId: string, machineId: string, from: Date, to: Date, shopfloorOn: boolean, now = Date.now()) {
  const machine = await store.findMachine(db, tenantId, machineId);
  if (!machine) throw notFound('machine');
  const range = { from: from.toISOString(), to: to.toISOString() };
  if (!shopfloorOn) return { ...range, available: false, reason: 'shopfloorOff', segments: [] as LabelledSegment[] };
  if (!machine.workCentreId) return { ...range, available: false, reason: 'noWorkCentre', segments: [] as LabelledSegment[] };
  const timeline = await labelledTimeline(db, tenantId, machine.workCentreId, now);
  const clipped = timeline
    .filter((s) => s.end > from.getTime() && s.start < to.getTime())
    .map((s) => ({ ...s, ...clip([s], from.getTime(), to.getTime())[0] }));
  return { ...range, available: true, reason: null, segments: clipped.map(labelled) };
}

/** Timeline of a machine for attributing rows (CSV), or undefined when there is no order context. */
export async function machineTimeline(db: Db, tenantId: string, machineId: string, shopfloorOn: boolean, now = Date.now()) {
  if (!shopfloorOn) return undefined;
  const machine = await store.findMachine(db, tenantId, machineId);
  if (!machine?.workCentreId) return undefined;
  return labelledTimeline(db, tenantId, machine.workCentreId, now);
}

interface PointStats {
  point: string;
  count: number;
  min: number | null;
  avg: number | null;
  max: number | null;
}

/** Numeric statistics of every point of a machine over disjoint segments (raw samples). */
async function statsOver(db: Db, tenantId: string, machineId: string, segments: readonly ContextSegment[]): Promise<Map<string, PointStats>> {
  if (segments.length === 0) return new Map();
  const r = await sql<{ point: string; count: unknown; min: unknown; max: unknown; sum: unknown }>`
    select s.point, count(*) as count, min(x.v) as min, max(x.v) as max, sum(x.v) as sum
    from unnest(${segments.map((s) => new Date(s.start).toISOString())}::timestamptz[], ${segments.map((s) => new Date(s.end).toISOString())}::timestamptz[]) as r(a, b)
    join machine_samples s on s.ts >= r.a and s.ts < r.b
    cross join lateral (select coalesce(s.num, case when s.bool then 1 else 0 end) as v) x
    where s.tenant_id = ${tenantId} and (s.num is not null or s.bool is not null)
      and s.device_id in (select id from machine_devices where tenant_id = ${tenantId} and machine_id = ${machineId})
    group by s.point`.execute(db);
  return new Map(r.rows.map((row) => {
    const count = Number(row.count);
    const min = Number(row.min);
    const max = Number(row.max);
    return [row.point, { point: row.point, count, min, max, avg: Math.min(max, Math.max(min, Number(row.sum) / count)) }];
  }));
}

/**
 * Process data of an order (optionally one operation): for every machine at the work centres of
 * its operations, each data point's count, min, average and max over the segments in which the
 * order ran there (setup and production, as attributed), and its series over the order's span.
 */
export async function orderProcessData(db: Db, tenantId: string, orderId: string, operationId: string | undefined, defaults: Retention, now = Date.now()) {
  const order = await orderInfo(db, tenantId, orderId);
  if (!order) throw notFound('order');
  const operations = order.operations.filter((o) => !operationId || o.id === operationId);
  if (operationId && operations.length === 0) throw new ProblemError(400, 'validation', {}, { errors: [{ path: 'querystring.operationId', message: 'no operation of this order' }] });
  const workCentres = [...new Set(operations.map((o) => o.workCentreId))];
  const opIds = new Set(operations.map((o) => o.id));
  const machines = (await store.listMachines(db, tenantId)).filter((m) => m.workCentreId && workCentres.includes(m.workCentreId));

  const segmentsByCentre = new Map<string, ContextSegment[]>();
  for (const wc of workCentres) {
    const phases = await phasesOnWorkCentres(db, tenantId, [wc]);
    segmentsByCentre.set(wc, contextTimeline(phases, now).filter((s) => opIds.has(s.operationId)));
  }
  const all = [...segmentsByCentre.values()].flat();
  const span = all.length === 0 ? null : { from: Math.min(...all.map((s) => s.start)), to: Math.max(...all.map((s) => s.end)) };

  const machineData = [];
  for (const m of machines) {
    const segments = segmentsByCentre.get(m.workCentreId!) ?? [];
    const stats = await statsOver(db, tenantId, m.id, segments);
    const points = [];
    for (const p of await pointStore.listPoints(db, tenantId, m.id)) {
      const s = stats.get(p.name) ?? { count: 0, min: null, avg: null, max: null };
      const series = span && s.count > 0
        ? await readSeries(db, tenantId, m.id, { point: p.name, from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString(), limit: 10_000, resolution: 'auto' }, defaults, now)
        : null;
      points.push({ name: p.name, label: p.label, unit: p.unit, type: p.type, count: s.count, min: s.min, avg: s.avg, max: s.max,
        series: series && { resolution: series.resolution, samples: series.samples, buckets: series.buckets } });
    }
    machineData.push({ id: m.id, name: m.name, workCentreId: m.workCentreId, points });
  }

  return {
    order: { id: order.id, number: order.number, partNumber: order.partNumber, quantity: order.quantity },
    operationId: operationId ?? null,
    operations: operations.map((o) => ({
      ...o,
      segments: (segmentsByCentre.get(o.workCentreId) ?? []).filter((s) => s.operationId === o.id)
        .map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), phase: s.phase })),
    })),
    span: span && { from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString() },
    machines: machineData,
  };
}
