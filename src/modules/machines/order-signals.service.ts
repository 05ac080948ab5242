import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { storedJson } from '../../kernel/db/stored-json.js';
import { phasesOnWorkCentres } from '../shopfloor/index.js';
import { alarmRuleSchema, type AlarmRule } from './domain/alarm-rules.js';
import { clip, contextTimeline } from './domain/order-context.js';
import { type MinuteAggregate, type PointLimits, type SignalSummary, type Span, alarmDuring, limitsOfRules, summariseSignal } from './domain/order-signals.js';
import * as store from './machines.store.js';

/**
 * Machine data for other modules' production records and recalls: the signals of the machines at
 * an operation's work centre during its phases (from the minute aggregates), and the operations
 * that ran on a machine in a period. Each is a fixed number of queries over sets of ids.
 */

/** A stretch of an operation on a work centre; several per key (one per phase). */
export interface SignalSpan {
  /** the caller's key, normally the operation id */
  key: string;
  workCentreId: string;
  start: number;
  end: number;
}

export interface PointSignal extends SignalSummary {
  point: string;
  label: string;
  unit: string;
  limits: PointLimits;
}

export interface AlarmInSpan {
  id: string;
  point: string;
  ruleName: string;
  severity: string;
  raisedAt: string;
  clearedAt: string | null;
  raisedValue: number | null;
}

export interface MachineSignals {
  machineId: string;
  machineName: string;
  points: PointSignal[];
  alarms: AlarmInSpan[];
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * Per key: every machine on the spans' work centre with min / mean / max of each numeric data
 * point, the time outside the limits of its threshold rules, and the alarms raised or still open
 * during the spans. Five queries: machines, points, rules, minute aggregates, alarms.
 */
export async function orderSignals(db: Db, tenant: TenantContext, spans: readonly SignalSpan[], now = Date.now()): Promise<Map<string, MachineSignals[]>> {
  const { tenantId } = tenant;
  const out = new Map<string, MachineSignals[]>();
  const usable = spans.filter((s) => s.end > s.start);
  if (usable.length === 0) return out;
  const centres = new Set(usable.map((s) => s.workCentreId));
  const machines = (await store.listMachines(db, tenantId)).filter((m) => m.workCentreId !== null && centres.has(m.workCentreId));
  if (machines.length === 0) return out;
  const machineIds = machines.map((m) => m.id);

  const [points, rules] = await Promise.all([
    sql<{ machine_id: string; name: string; label: string; unit: string }>`
      select machine_id, name, label, unit from machine_points
      where tenant_id = ${tenantId} and machine_id = any(${machineIds}::uuid[]) and type in ('number', 'boolean') order by name`.execute(db),
    sql<{ machine_id: string; point: string; definition: unknown }>`
      select r.machine_id, p.name as point, r.definition from machine_alarm_rules r
      join machine_points p on p.tenant_id = r.tenant_id and p.id = r.point_id
      where r.tenant_id = ${tenantId} and r.machine_id = any(${machineIds}::uuid[]) and r.enabled`.execute(db),
  ]);

  // one row per (span on a machine, minute): the spans are sent as arrays and joined in the database
  const machineSpans = usable.flatMap((s) => machines.filter((m) => m.workCentreId === s.workCentreId).map((m) => ({ ...s, machineId: m.id })));
  const aggregates = await sql<{ i: number; point: string; bucket: Date | string; count: number; min: number; max: number; sum: number }>`
    select r.i, a.point, a.bucket, a.count, a.min, a.max, a.sum
    from unnest(${machineSpans.map((_, i) => i)}::int[], ${machineSpans.map((s) => s.machineId)}::uuid[],
                ${machineSpans.map((s) => new Date(s.start).toISOString())}::timestamptz[], ${machineSpans.map((s) => new Date(s.end).toISOString())}::timestamptz[]) as r(i, machine_id, a, b)
    join machine_aggregates_1m a on a.tenant_id = ${tenantId} and a.machine_id = r.machine_id
      and a.bucket >= date_trunc('minute', r.a) and a.bucket < r.b`.execute(db);

  const from = Math.min(...usable.map((s) => s.start));
  const to = Math.max(...usable.map((s) => s.end));
  const alarms = await sql<{ id: string; machine_id: string; point: string; rule_name: string; severity: string | null; raised_at: Date | string; cleared_at: Date | string | null; raised_value: number | null }>`
    select a.id, a.machine_id, a.point, a.rule_name, a.severity, a.raised_at, a.cleared_at, a.raised_value
    from machine_alarms a
    where a.tenant_id = ${tenantId} and a.machine_id = any(${machineIds}::uuid[])
      and a.raised_at < ${new Date(to).toISOString()}::timestamptz and (a.cleared_at is null or a.cleared_at > ${new Date(from).toISOString()}::timestamptz)
    order by a.raised_at`.execute(db);

  const rulesOf = new Map<string, AlarmRule[]>();
  for (const r of rules.rows) {
    const parsed = alarmRuleSchema.safeParse(storedJson(typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition));
    if (!parsed.success) continue;
    const key = `${r.machine_id}\u0000${r.point}`;
    rulesOf.set(key, [...(rulesOf.get(key) ?? []), parsed.data]);
  }
  const minutesOf = new Map<string, MinuteAggregate[]>();
  for (const a of aggregates.rows) {
    const s = machineSpans[Number(a.i)]!;
    const key = `${s.key}\u0000${s.machineId}\u0000${a.point}`;
    const list = minutesOf.get(key) ?? [];
    list.push({ bucket: new Date(a.bucket).getTime(), count: Number(a.count), min: Number(a.min), max: Number(a.max), sum: Number(a.sum) });
    minutesOf.set(key, list);
  }

  const keys = [...new Set(usable.map((s) => s.key))];
  for (const key of keys) {
    const own = usable.filter((s) => s.key === key);
    const result: MachineSignals[] = [];
    for (const m of machines.filter((x) => own.some((s) => s.workCentreId === x.workCentreId))) {
      const spansHere: Span[] = own.filter((s) => s.workCentreId === m.workCentreId);
      const pointSignals = points.rows.filter((p) => p.machine_id === m.id).flatMap((p) => {
        const limits = limitsOfRules(rulesOf.get(`${m.id}\u0000${p.name}`) ?? []);
        const summary = summariseSignal(minutesOf.get(`${key}\u0000${m.id}\u0000${p.name}`) ?? [], spansHere, limits);
        return summary ? [{ point: p.name, label: p.label, unit: p.unit, limits, ...summary }] : [];
      });
      const alarmsHere = alarms.rows
        .filter((a) => a.machine_id === m.id && alarmDuring({ raisedAt: new Date(a.raised_at).getTime(), clearedAt: a.cleared_at === null ? null : new Date(a.cleared_at).getTime() }, spansHere, now))
        .map((a) => ({ id: a.id, point: a.point, ruleName: a.rule_name, severity: a.severity ?? 'warning', raisedAt: iso(a.raised_at)!, clearedAt: iso(a.cleared_at), raisedValue: a.raised_value === null ? null : Number(a.raised_value) }));
      result.push({ machineId: m.id, machineName: m.name, points: pointSignals, alarms: alarmsHere });
    }
    out.set(key, result);
  }
  return out;
}

/** An operation that produced on a machine in a period: its production time there, clipped to the period. */
export interface OperationOnMachine {
  operationId: string;
  orderId: string;
  /** first and last instant of production on the machine inside the period, ISO */
  from: string;
  to: string;
  runningMs: number;
}

/**
 * The operations whose production phases on the machine's work centre overlap [from, to), as the
 * machine's order context attributes them (the later start wins where two are open at once).
 * Setup is left out: no parts are made in it. Undefined for an unknown machine; empty for one
 * without a work centre.
 */
export async function operationsOnMachine(db: Db, tenant: TenantContext, machineId: string, from: Date, to: Date, now = Date.now()): Promise<OperationOnMachine[] | undefined> {
  const machine = await store.findMachine(db, tenant.tenantId, machineId);
  if (!machine) return undefined;
  if (!machine.workCentreId) return [];
  const phases = await phasesOnWorkCentres(db, tenant.tenantId, [machine.workCentreId]);
  const segments = clip(contextTimeline(phases, now), from.getTime(), to.getTime()).filter((s) => s.phase === 'running');
  const byOperation = new Map<string, OperationOnMachine & { start: number; end: number }>();
  for (const s of segments) {
    const seen = byOperation.get(s.operationId);
    if (!seen) byOperation.set(s.operationId, { operationId: s.operationId, orderId: s.orderId, start: s.start, end: s.end, from: '', to: '', runningMs: s.end - s.start });
    else Object.assign(seen, { start: Math.min(seen.start, s.start), end: Math.max(seen.end, s.end), runningMs: seen.runningMs + s.end - s.start });
  }
  return [...byOperation.values()].sort((a, b) => a.start - b.start)
    .map(({ start, end, ...o }) => ({ ...o, from: new Date(start).toISOString(), to: new Date(end).toISOString() }));
}
