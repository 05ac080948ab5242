import { sql } from 'kysely';
import type { Db, Row } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import type { Json } from '../../kernel/db/schema.generated.js';
import { storedJson } from '../../kernel/db/stored-json.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { type AlarmRule, type AlarmStatus, type EvaluatorState, RuleEvaluator, initialState, nextAlarmStatus } from './domain/alarm-rules.js';
import type { SampleBatchItem } from './sample-writer.js';
import { type Severity, recordAlarmEvent } from './alarm-events.store.js';

export interface AlarmRuleRecord {
  id: string;
  machineId: string;
  pointId: string;
  point: string;
  name: string;
  rule: AlarmRule;
  severity: Severity;
  enabled: boolean;
  active: boolean;
  activeAlarmId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Alarm {
  id: string;
  machineId: string;
  ruleId: string;
  ruleName: string;
  point: string;
  status: AlarmStatus;
  severity: Severity;
  raisedAt: Date;
  raisedValue: number | null;
  clearedAt: Date | null;
  clearedValue: number | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

const json = <T>(v: Json): T => storedJson<T>(typeof v === 'string' ? JSON.parse(v) : v);
const date = (v: Date | null): Date | null => (v === null ? null : new Date(v));
const num = (v: number | null): number | null => (v === null ? null : Number(v));

/** A rule row with the name of its point. */
type RuleRow = Row<'machine_alarm_rules'> & { point: string };

// severity and status are held to their values by the tables' check constraints
const ruleOf = (r: RuleRow): AlarmRuleRecord => ({
  id: r.id,
  machineId: r.machine_id,
  pointId: r.point_id,
  point: r.point,
  name: r.name,
  rule: json<AlarmRule>(r.definition),
  severity: r.severity as Severity,
  enabled: r.enabled,
  active: json<EvaluatorState>(r.state).active,
  activeAlarmId: r.active_alarm_id,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const alarmOf = (r: Row<'machine_alarms'>): Alarm => ({
  id: r.id,
  machineId: r.machine_id,
  ruleId: r.rule_id,
  ruleName: r.rule_name,
  point: r.point,
  status: r.status as AlarmStatus,
  severity: r.severity as Severity,
  raisedAt: new Date(r.raised_at),
  raisedValue: num(r.raised_value),
  clearedAt: date(r.cleared_at),
  clearedValue: num(r.cleared_value),
  acknowledgedAt: date(r.acknowledged_at),
  acknowledgedBy: r.acknowledged_by,
});

export async function listRules(db: Db, tenantId: string, machineId: string, id?: string): Promise<AlarmRuleRecord[]> {
  const r = await sql<RuleRow>`
    select r.*, p.name as point from machine_alarm_rules r
    join machine_points p on p.tenant_id = r.tenant_id and p.id = r.point_id
    where r.tenant_id = ${tenantId} and r.machine_id = ${machineId} ${id ? sql`and r.id = ${id}` : sql``}
    order by p.name, r.created_at`.execute(db);
  return r.rows.map(ruleOf);
}

export interface RuleData {
  pointId: string;
  name: string;
  rule: AlarmRule;
  enabled: boolean;
  severity?: Severity;
}

/**
 * `tenant/machine` of every machine with an enabled rule, per database handle, so that a batch of
 * samples from machines without rules skips the rule query. Every rule write goes through
 * `changingRules`: while one runs the set is not used, and afterwards it is read again. A load that
 * raced with a rule write is not kept. One Werkverbund process per database is the deployment
 * model this relies on (as for the access cache).
 */
const ruleMachines = new WeakMap<Db, { generation: number; machines: ReadonlySet<string> }>();
let ruleGeneration = 0;
let ruleWrites = 0;

/** Runs a write of rules (with whatever belongs to it, e.g. its audit entry): the set of machines with rules is not cached meanwhile and read again after. */
export async function changingRules<T>(write: () => Promise<T>): Promise<T> {
  ruleWrites++;
  try {
    return await write();
  } finally {
    ruleWrites--;
    ruleGeneration++;
  }
}

export async function machinesWithRules(db: Db): Promise<ReadonlySet<string>> {
  const cached = ruleMachines.get(db);
  if (cached && cached.generation === ruleGeneration && ruleWrites === 0) return cached.machines;
  const generation = ruleGeneration;
  const r = await sql<{ tenant_id: string; machine_id: string }>`select distinct tenant_id, machine_id from machine_alarm_rules where enabled`.execute(db);
  const machines = new Set(r.rows.map((row) => `${row.tenant_id}/${row.machine_id}`));
  if (generation === ruleGeneration && ruleWrites === 0) ruleMachines.set(db, { generation, machines });
  return machines;
}

/** A rule write inside a caller's transaction runs within `changingRules` around that transaction, so the set above is read again only after the commit. */
export async function insertRule(db: Db, tenantId: string, machineId: string, id: string, data: RuleData): Promise<void> {
  await changingRules(() => sql`insert into machine_alarm_rules (tenant_id, id, machine_id, point_id, name, definition, enabled, severity, state)
    values (${tenantId}, ${id}, ${machineId}, ${data.pointId}, ${data.name}, ${JSON.stringify(data.rule)}::jsonb, ${data.enabled}, ${data.severity ?? 'warning'},
      ${JSON.stringify(initialState(Date.now()))}::jsonb)`.execute(db));
}

/**
 * Changes a rule. A changed definition or point starts evaluation afresh (the old state belongs
 * to the old rule); an alarm the rule holds stays open until it is acknowledged and is no longer
 * cleared by this rule.
 */
export async function updateRule(db: Db, tenantId: string, machineId: string, id: string, data: RuleData): Promise<boolean> {
  return changingRules(() => inTransaction(db, async (tx) => {
    const current = (await listRules(tx, tenantId, machineId, id))[0];
    if (!current) return false;
    const restart = current.pointId !== data.pointId || JSON.stringify(current.rule) !== JSON.stringify(data.rule);
    await sql`update machine_alarm_rules set point_id = ${data.pointId}, name = ${data.name}, definition = ${JSON.stringify(data.rule)}::jsonb,
      enabled = ${data.enabled}, severity = ${data.severity ?? current.severity}, updated_at = now()
      ${restart ? sql`, state = ${JSON.stringify(initialState(Date.now()))}::jsonb, active_alarm_id = null` : sql``}
      where tenant_id = ${tenantId} and machine_id = ${machineId} and id = ${id}`.execute(tx);
    return true;
  }));
}

export async function deleteRule(db: Db, tenantId: string, machineId: string, id: string): Promise<boolean> {
  const r = await changingRules(() => db.deleteFrom('machine_alarm_rules').where('tenant_id', '=', tenantId).where('machine_id', '=', machineId).where('id', '=', id).executeTakeFirst());
  return Number(r.numDeletedRows) > 0;
}

/** Alarms of a company (optionally one machine), newest first; `open` = not closed. */
export async function listAlarms(db: Db, tenantId: string, options: { machineId?: string; open?: boolean; limit?: number }): Promise<Alarm[]> {
  const r = await sql<Row<'machine_alarms'>>`
    select * from machine_alarms where tenant_id = ${tenantId}
      ${options.machineId ? sql`and machine_id = ${options.machineId}` : sql``}
      ${options.open ? sql`and status <> 'closed'` : sql``}
    order by raised_at desc, id desc limit ${options.limit ?? 500}`.execute(db);
  return r.rows.map(alarmOf);
}

export async function findAlarm(db: Db, tenantId: string, machineId: string, id: string): Promise<Alarm | undefined> {
  const r = await sql<Row<'machine_alarms'>>`select * from machine_alarms where tenant_id = ${tenantId} and machine_id = ${machineId} and id = ${id}`.execute(db);
  return r.rows[0] ? alarmOf(r.rows[0]) : undefined;
}

/** Acknowledges an alarm (once; acknowledging again changes nothing). */
export async function acknowledgeAlarm(db: Db, tenantId: string, machineId: string, id: string, userId: string): Promise<Alarm | undefined> {
  return db.transaction().execute(async (tx) => {
    const r = await sql<Row<'machine_alarms'>>`select * from machine_alarms where tenant_id = ${tenantId} and machine_id = ${machineId} and id = ${id} for update`.execute(tx);
    if (!r.rows[0]) return undefined;
    const alarm = alarmOf(r.rows[0]);
    if (alarm.acknowledgedAt) return alarm;
    const status = nextAlarmStatus(alarm.status, 'acknowledged');
    await sql`update machine_alarms set status = ${status}, acknowledged_at = now(), acknowledged_by = ${userId}
      where tenant_id = ${tenantId} and id = ${id}`.execute(tx);
    await recordAlarmEvent(tx, tenantId, id, 'acknowledged', new Date(), null, userId);
    return findAlarm(tx, tenantId, machineId, id);
  });
}

/**
 * Runs the enabled rules of the machines in this batch over its samples, inside the transaction
 * that stores them: raises and clears alarms and saves each rule's evaluator state. Samples are
 * taken in time order per rule; one not later than what the rule has already seen is ignored.
 */
export async function evaluateAlarmRules(tx: Db, items: readonly SampleBatchItem[]): Promise<void> {
  const byMachine = new Map<string, { tenantId: string; machineId: string }>();
  for (const item of items) byMachine.set(`${item.device.tenantId}/${item.device.machineId}`, { tenantId: item.device.tenantId, machineId: item.device.machineId });
  if (byMachine.size === 0) return;
  const machines = [...byMachine.values()];
  const r = await sql<Pick<RuleRow, 'tenant_id' | 'id' | 'machine_id' | 'name' | 'severity' | 'definition' | 'state' | 'active_alarm_id' | 'point'>>`
    select r.tenant_id, r.id, r.machine_id, r.name, r.severity, r.definition, r.state, r.active_alarm_id, p.name as point
    from machine_alarm_rules r
    join unnest(${machines.map((m) => m.tenantId)}::uuid[], ${machines.map((m) => m.machineId)}::uuid[]) as x(t, m) on r.tenant_id = x.t and r.machine_id = x.m
    join machine_points p on p.tenant_id = r.tenant_id and p.id = r.point_id
    where r.enabled
    order by r.tenant_id, r.id
    for update of r`.execute(tx);
  for (const row of r.rows) {
    const tenantId = row.tenant_id;
    const machineId = row.machine_id;
    const point = row.point;
    const samples = items
      .filter((i) => i.device.tenantId === tenantId && i.device.machineId === machineId)
      .flatMap((i) => i.samples.filter((s) => s.point === point))
      .sort((a, b) => a.ts - b.ts);
    if (samples.length === 0) continue;
    const evaluator = new RuleEvaluator(json<AlarmRule>(row.definition), json<EvaluatorState>(row.state));
    let activeAlarmId = row.active_alarm_id;
    for (const sample of samples) {
      for (const event of evaluator.step(sample)) {
        const at = new Date(event.ts).toISOString();
        if (event.type === 'raised') {
          activeAlarmId = uuidv7();
          await sql`insert into machine_alarms (tenant_id, id, machine_id, rule_id, rule_name, point, severity, status, raised_at, raised_value)
            values (${tenantId}, ${activeAlarmId}, ${machineId}, ${row.id}, ${row.name}, ${point}, ${row.severity}, 'active', ${at}::timestamptz, ${event.value ?? null})`.execute(tx);
          await recordAlarmEvent(tx, tenantId, activeAlarmId, 'raised', at, event.value ?? null);
        } else if (activeAlarmId) {
          const cur = await sql<{ status: AlarmStatus }>`select status from machine_alarms where tenant_id = ${tenantId} and id = ${activeAlarmId}`.execute(tx);
          if (cur.rows[0]) {
            await sql`update machine_alarms set status = ${nextAlarmStatus(cur.rows[0].status, 'cleared')}, cleared_at = ${at}::timestamptz, cleared_value = ${event.value ?? null}
              where tenant_id = ${tenantId} and id = ${activeAlarmId}`.execute(tx);
            await recordAlarmEvent(tx, tenantId, activeAlarmId, 'cleared', at, event.value ?? null);
          }
          activeAlarmId = null;
        }
      }
    }
    await sql`update machine_alarm_rules set state = ${JSON.stringify(evaluator.state)}::jsonb, active_alarm_id = ${activeAlarmId}
      where tenant_id = ${tenantId} and id = ${row.id}`.execute(tx);
  }
}

/** The latest value of each point of a machine (over all its devices). */
export async function latestValues(db: Db, tenantId: string, machineId: string): Promise<Array<{ point: string; ts: string; value: number | boolean | string }>> {
  const r = await sql<{ point: string; ts: Date | string; num: number | null; bool: boolean | null; txt: string | null }>`
    select p.name as point, s.ts, s.num, s.bool, s.txt from machine_points p
    cross join lateral (
      select ts, num, bool, txt from machine_samples
      where tenant_id = ${tenantId} and point = p.name
        and device_id in (select id from machine_devices where tenant_id = ${tenantId} and machine_id = ${machineId})
      order by ts desc limit 1) s
    where p.tenant_id = ${tenantId} and p.machine_id = ${machineId}
    order by p.name`.execute(db);
  return r.rows.map((row) => ({
    point: row.point,
    ts: new Date(row.ts).toISOString(),
    value: row.num !== null ? Number(row.num) : row.bool !== null ? row.bool : (row.txt ?? ''),
  }));
}
