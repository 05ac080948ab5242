import { sql } from 'kysely';
import type { Row } from '../../kernel/db/database.js';
import type { AppContext } from '../../kernel/http/app-context.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { type Locale, translate } from '../../kernel/i18n/server-messages.js';
import { type AlarmEventRecord, eventOf } from './alarm-events.store.js';
import { getSettings, memberRecipients } from './notification-settings.store.js';
import { describeError, retryDelayMs } from '../../kernel/webhooks/index.js';

export type OutboxContext = Pick<AppContext, 'db' | 'mailer' | 'config'>;

/** A claimed delivery is not picked up again before this much time has passed (crash safety). */
const LEASE_MS = 2 * 60_000;
const BATCH = 50;

/**
 * The module's e-mail outbox. Webhooks of alarms go through the kernel's event outbox (the alarm
 * events `machines.alarm.*`, see `recordAlarmEvent`); e-mail stays here because its recipients,
 * severities and texts in each recipient's language are the module's own settings.
 *
 * Turns committed alarm events into e-mail deliveries (one per recipient, for the severities the
 * company chose; only when SMTP is set). Runs after commit, so a rolled-back alarm change never
 * notifies; the event and its deliveries are marked in one transaction, so a crash in between
 * repeats the step instead of losing it.
 */
export async function dispatchAlarmEvents(ctx: OutboxContext): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await ctx.db.transaction().execute(async (tx) => {
      const r = await sql<Row<'machine_alarm_events'>>`select * from machine_alarm_events where dispatched_at is null
        order by created_at, id limit ${BATCH} for update skip locked`.execute(tx);
      for (const row of r.rows) {
        const tenantId = row.tenant_id;
        const event = eventOf(row);
        const settings = await getSettings(tx, tenantId);
        if (settings.severities.includes(event.severity)) {
          if (ctx.config.smtpUrl) {
            const seen = new Set<string>();
            for (const m of await memberRecipients(tx, tenantId, settings.memberIds)) {
              if (seen.has(m.email.toLowerCase())) continue;
              seen.add(m.email.toLowerCase());
              await insertDelivery(tx, tenantId, event.id, 'email', m.email, m.locale === 'en' ? 'en' : 'de');
            }
            for (const address of settings.addresses) {
              if (seen.has(address.toLowerCase())) continue;
              seen.add(address.toLowerCase());
              await insertDelivery(tx, tenantId, event.id, 'email', address, 'de');
            }
          }
        }
        await sql`update machine_alarm_events set dispatched_at = now() where tenant_id = ${tenantId} and id = ${event.id}`.execute(tx);
      }
      return r.rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

async function insertDelivery(tx: OutboxContext['db'], tenantId: string, eventId: string, channel: 'email', target: string, locale: Locale) {
  await sql`insert into machine_notification_deliveries (tenant_id, id, event_id, channel, target, locale, status, next_attempt_at)
    values (${tenantId}, ${uuidv7()}, ${eventId}, ${channel}, ${target}, ${locale}, 'pending', now())`.execute(tx);
}

/** Sends the e-mails that are due; failures are retried on the backoff schedule of the kernel's webhooks. */
export async function deliverDueNotifications(ctx: OutboxContext, now: Date = new Date()): Promise<number> {
  // Claim: push the due rows' next attempt out by the lease, so a second worker (or this one
  // after a crash) takes them only once the lease has run out.
  const claimed = await ctx.db.transaction().execute(async (tx) => {
    type Due = Row<'machine_alarm_events'> & Pick<Row<'machine_notification_deliveries'>, 'target' | 'locale' | 'attempts'> & { delivery_id: string; tenant: string };
    // webhook rows of the log are history from before the move to the kernel outbox (none is pending)
    const r = await sql<Due>`
      select e.*, d.target, d.locale, d.attempts, d.id as delivery_id, d.tenant_id as tenant
      from machine_notification_deliveries d
      join machine_alarm_events e on e.tenant_id = d.tenant_id and e.id = d.event_id
      where d.status = 'pending' and d.channel = 'email' and d.next_attempt_at <= ${now.toISOString()}::timestamptz
      order by d.next_attempt_at limit ${BATCH} for update of d skip locked`.execute(tx);
    for (const row of r.rows) {
      await sql`update machine_notification_deliveries set next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
        where tenant_id = ${row.tenant} and id = ${row.delivery_id}`.execute(tx);
    }
    return r.rows;
  });
  for (const row of claimed) {
    const tenantId = row.tenant;
    const deliveryId = row.delivery_id;
    const event = eventOf(row);
    const attempts = Number(row.attempts) + 1;
    let result: { ok: boolean; status: number | null; error: string | null };
    try {
      result = await sendMail(ctx, tenantId, row.target, row.locale as Locale, event);
    } catch (error) {
      result = { ok: false, status: null, error: describeError(error) };
    }
    const delay = result.ok ? null : retryDelayMs(attempts);
    const status = result.ok ? 'delivered' : delay === null ? 'failed' : 'pending';
    const next = new Date(now.getTime() + (delay ?? 0)).toISOString();
    await sql`update machine_notification_deliveries set status = ${status}, attempts = ${attempts}, last_attempt_at = ${now.toISOString()}::timestamptz,
      next_attempt_at = ${next}::timestamptz, response_status = ${result.status}, last_error = ${result.error},
      delivered_at = ${result.ok ? now.toISOString() : null}::timestamptz
      where tenant_id = ${tenantId} and id = ${deliveryId}`.execute(ctx.db);
  }
  return claimed.length;
}

async function sendMail(ctx: OutboxContext, tenantId: string, to: string, locale: Locale, e: AlarmEventRecord) {
  const params = {
    machine: e.machineName,
    rule: e.ruleName || e.point,
    point: e.point,
    severity: translate(locale, `machineNotifications.severity.${e.severity}`),
    time: e.at.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'medium' }),
    value: e.value === null ? '–' : e.value.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 3 }),
    link: `${ctx.config.publicUrl}/c/${tenantId}/machines/${e.machineId}`,
  };
  const sent = await ctx.mailer.send({
    to,
    subject: translate(locale, `machineNotifications.subject.${e.event}`, params),
    text: translate(locale, 'machineNotifications.text', { ...params, what: translate(locale, `machineNotifications.what.${e.event}`, params) }),
  });
  return sent ? { ok: true, status: null, error: null } : { ok: false, status: null, error: 'SMTP not configured' };
}
