import { sql } from 'kysely';
import type { Db, Row } from '../../kernel/db/database.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { emitEvent } from '../../kernel/webhooks/index.js';

export type AlarmEventKind = 'raised' | 'acknowledged' | 'cleared';
export type Severity = 'info' | 'warning' | 'critical';

export interface AlarmEventRecord {
  id: string;
  alarmId: string;
  machineId: string;
  machineName: string;
  ruleName: string;
  point: string;
  severity: Severity;
  event: AlarmEventKind;
  at: Date;
  value: number | null;
  createdAt: Date;
}

// severity and event are held to their values by the table's check constraints
export const eventOf = (r: Row<'machine_alarm_events'>): AlarmEventRecord => ({
  id: r.id,
  alarmId: r.alarm_id,
  machineId: r.machine_id,
  machineName: r.machine_name,
  ruleName: r.rule_name,
  point: r.point,
  severity: r.severity as Severity,
  event: r.event as AlarmEventKind,
  at: new Date(r.at),
  value: r.value === null ? null : Number(r.value),
  createdAt: new Date(r.created_at),
});

/**
 * Records a change of an alarm — in the caller's transaction, so the notification exists exactly
 * when the change was committed (the outbox: webhooks and e-mails are sent from it after commit).
 */
export async function recordAlarmEvent(
  tx: Db,
  tenantId: string,
  alarmId: string,
  event: AlarmEventKind,
  at: Date | string,
  value: number | null = null,
  actorId: string | null = null,
): Promise<void> {
  const recorded = await sql`insert into machine_alarm_events (tenant_id, id, alarm_id, machine_id, machine_name, rule_name, point, severity, event, at, value, actor_id)
    select a.tenant_id, ${uuidv7()}, a.id, a.machine_id, m.name, a.rule_name, a.point, a.severity, ${event}, ${new Date(at).toISOString()}::timestamptz, ${value}, ${actorId}
    from machine_alarms a join machines m on m.tenant_id = a.tenant_id and m.id = a.machine_id
    where a.tenant_id = ${tenantId} and a.id = ${alarmId}
    returning *`.execute(tx).then((r) => (r.rows as Row<'machine_alarm_events'>[]).map(eventOf));
  // also into the kernel outbox, for the company's webhook subscriptions to machine events
  for (const e of recorded) {
    await emitEvent(tx, tenantId, {
      type: `machines.alarm.${e.event}`,
      payload: { alarm: { id: e.alarmId, severity: e.severity, rule: e.ruleName, point: e.point, value: e.value }, machine: { id: e.machineId, name: e.machineName }, at: e.at.toISOString() },
    });
  }
}

/** The event types machine data writes into the kernel outbox. */
export const machinesEventTypes = (['raised', 'acknowledged', 'cleared'] satisfies AlarmEventKind[]).map((kind) => `machines.alarm.${kind}`);

/** The in-app notifications of a company, newest first, with what this person has not read. */
export async function listNotifications(db: Db, tenantId: string, userId: string, limit: number) {
  const read = await sql<{ read_until: Date | string }>`select read_until from machine_notification_reads where tenant_id = ${tenantId} and user_id = ${userId}`.execute(db);
  const readUntil = read.rows[0] ? new Date(read.rows[0].read_until) : null;
  const rows = await sql<Row<'machine_alarm_events'>>`select * from machine_alarm_events where tenant_id = ${tenantId} order by created_at desc, id desc limit ${limit}`.execute(db);
  const unread = await sql<{ n: string | number }>`select count(*) as n from machine_alarm_events where tenant_id = ${tenantId}
    ${readUntil ? sql`and date_trunc('milliseconds', created_at) > ${readUntil.toISOString()}::timestamptz` : sql``}`.execute(db);
  return {
    unread: Number(unread.rows[0].n),
    items: rows.rows.map((r) => {
      const e = eventOf(r);
      return { ...e, read: readUntil !== null && e.createdAt <= readUntil };
    }),
  };
}

/**
 * Marks everything up to now (or up to the given moment, e.g. the newest notification shown) as
 * read for this person. Times compare at millisecond precision, as the app sees them.
 */
export async function markNotificationsRead(db: Db, tenantId: string, userId: string, until?: Date): Promise<void> {
  const at = (until ?? new Date()).toISOString();
  await sql`insert into machine_notification_reads (tenant_id, user_id, read_until) values (${tenantId}, ${userId}, ${at}::timestamptz)
    on conflict (tenant_id, user_id) do update set read_until = greatest(machine_notification_reads.read_until, excluded.read_until)`.execute(db);
}
