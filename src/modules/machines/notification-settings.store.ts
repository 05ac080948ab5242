import { sql } from 'kysely';
import type { Db, Row } from '../../kernel/db/database.js';
import type { Json } from '../../kernel/db/schema.generated.js';
import { storedJson } from '../../kernel/db/stored-json.js';
import { companyMembers } from '../../kernel/tenancy/members.js';
import type { Severity } from './alarm-events.store.js';

export interface NotificationSettings {
  severities: Severity[];
  memberIds: string[];
  addresses: string[];
}

export const DEFAULT_SETTINGS: NotificationSettings = { severities: ['warning', 'critical'], memberIds: [], addresses: [] };

const json = <T>(v: Json): T => storedJson<T>(typeof v === 'string' ? JSON.parse(v) : v);

export async function getSettings(db: Db, tenantId: string): Promise<NotificationSettings> {
  const r = await sql<Row<'machine_notification_settings'>>`select * from machine_notification_settings where tenant_id = ${tenantId}`.execute(db);
  const row = r.rows[0];
  if (!row) return { ...DEFAULT_SETTINGS };
  return { severities: json(row.severities), memberIds: json(row.member_ids), addresses: json(row.addresses) };
}

export async function putSettings(db: Db, tenantId: string, s: NotificationSettings): Promise<void> {
  await sql`insert into machine_notification_settings (tenant_id, severities, member_ids, addresses, updated_at)
    values (${tenantId}, ${JSON.stringify(s.severities)}::jsonb, ${JSON.stringify(s.memberIds)}::jsonb, ${JSON.stringify(s.addresses)}::jsonb, now())
    on conflict (tenant_id) do update set severities = excluded.severities, member_ids = excluded.member_ids, addresses = excluded.addresses, updated_at = now()`.execute(db);
}

/** Members of the company among the given user ids that have an e-mail address (shop-floor workers may have none), with address and language. */
export async function memberRecipients(db: Db, tenantId: string, userIds: string[]): Promise<Array<{ userId: string; email: string; locale: string }>> {
  const members = await companyMembers(db, tenantId, { userIds, orderBy: 'email' });
  return members.flatMap((m) => (m.email === null ? [] : [{ userId: m.userId, email: m.email, locale: m.locale }]));
}

/**
 * The delivery log of a company, newest first (targets are addresses and, for webhook calls made
 * before alarm webhooks moved to the kernel outbox, URLs; never secrets).
 */
export async function listDeliveries(db: Db, tenantId: string, limit: number) {
  type Delivery = Omit<Row<'machine_notification_deliveries'>, 'tenant_id' | 'locale'> & Pick<Row<'machine_alarm_events'>, 'event' | 'machine_name' | 'rule_name' | 'point' | 'severity'>;
  const r = await sql<Delivery>`
    select d.id, d.event_id, d.channel, d.webhook_id, d.target, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at,
      d.response_status, d.last_error, d.delivered_at, d.created_at, e.event, e.machine_name, e.rule_name, e.point, e.severity
    from machine_notification_deliveries d
    join machine_alarm_events e on e.tenant_id = d.tenant_id and e.id = d.event_id
    where d.tenant_id = ${tenantId} order by d.created_at desc, d.id desc limit ${limit}`.execute(db);
  const date = (v: Date | null) => (v === null ? null : new Date(v));
  // channel and status are held to these values by the table's check constraints
  return r.rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    channel: row.channel as 'webhook' | 'email',
    webhookId: row.webhook_id,
    target: row.target,
    status: row.status as 'pending' | 'delivered' | 'failed',
    attempts: Number(row.attempts),
    nextAttemptAt: date(row.next_attempt_at),
    lastAttemptAt: date(row.last_attempt_at),
    responseStatus: row.response_status === null ? null : Number(row.response_status),
    lastError: row.last_error,
    deliveredAt: date(row.delivered_at),
    createdAt: new Date(row.created_at),
    event: row.event,
    machineName: row.machine_name,
    ruleName: row.rule_name,
    point: row.point,
    severity: row.severity,
  }));
}
