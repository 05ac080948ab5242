import { sql } from 'kysely';
import type { Row } from '../../kernel/db/database.js';
import type { AppContext } from '../../kernel/http/app-context.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { OutboundBlockedError, type OutboundPolicy, outboundPolicy } from '../../kernel/net/outbound-policy.js';
import { type Locale, translate } from '../../kernel/i18n/server-messages.js';
import { type AlarmEventRecord, eventOf } from './alarm-events.store.js';
import { getSettings, memberRecipients } from './notification-settings.store.js';
import { machinesBox, openWebhookSecret } from './sealed-secrets.js';
import { postSignedWebhook as postSigned, retryDelayMs } from '../../kernel/webhooks/index.js';

export type OutboxContext = Pick<AppContext, 'db' | 'mailer' | 'config'>;

/** A claimed delivery is not picked up again before this much time has passed (crash safety). */
const LEASE_MS = 2 * 60_000;
const BATCH = 50;

/**
 * Turns committed alarm events into deliveries (one per enabled webhook and e-mail recipient,
 * for the severities the company chose; e-mail only when SMTP is set). Runs after commit, so a
 * rolled-back alarm change never notifies; the event and its deliveries are marked in one
 * transaction, so a crash in between repeats the step instead of losing it.
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
          const webhooks = await sql<{ id: string; url: string }>`select id, url from machine_webhooks where tenant_id = ${tenantId} and enabled order by created_at`.execute(tx);
          for (const w of webhooks.rows) await insertDelivery(tx, tenantId, event.id, 'webhook', w.url, 'de', w.id);
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

async function insertDelivery(tx: OutboxContext['db'], tenantId: string, eventId: string, channel: 'webhook' | 'email', target: string, locale: Locale, webhookId: string | null = null) {
  await sql`insert into machine_notification_deliveries (tenant_id, id, event_id, channel, webhook_id, target, locale, status, next_attempt_at)
    values (${tenantId}, ${uuidv7()}, ${eventId}, ${channel}, ${webhookId}, ${target}, ${locale}, 'pending', now())`.execute(tx);
}

/** The JSON a webhook receives. */
export function webhookPayload(tenantId: string, deliveryId: string, e: AlarmEventRecord) {
  return {
    id: e.id,
    deliveryId,
    type: `alarm.${e.event}`,
    companyId: tenantId,
    occurredAt: e.at.toISOString(),
    alarm: { id: e.alarmId, severity: e.severity, rule: e.ruleName, point: e.point, value: e.value },
    machine: { id: e.machineId, name: e.machineName },
  };
}

/** Sends the deliveries that are due; failures are retried on the backoff schedule. */
export async function deliverDueNotifications(ctx: OutboxContext, now: Date = new Date()): Promise<number> {
  // Claim: push the due rows' next attempt out by the lease, so a second worker (or this one
  // after a crash) takes them only once the lease has run out.
  const claimed = await ctx.db.transaction().execute(async (tx) => {
    type Due = Row<'machine_alarm_events'> & Pick<Row<'machine_notification_deliveries'>, 'channel' | 'webhook_id' | 'target' | 'locale' | 'attempts'> & { delivery_id: string; tenant: string };
    const r = await sql<Due>`
      select e.*, d.channel, d.webhook_id, d.target, d.locale, d.attempts, d.id as delivery_id, d.tenant_id as tenant
      from machine_notification_deliveries d
      join machine_alarm_events e on e.tenant_id = d.tenant_id and e.id = d.event_id
      where d.status = 'pending' and d.next_attempt_at <= ${now.toISOString()}::timestamptz
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
    let refused = false;
    try {
      result = row.channel === 'webhook'
        ? await sendWebhook(ctx, tenantId, deliveryId, row.webhook_id, row.target, event)
        : await sendMail(ctx, tenantId, row.target, row.locale as Locale, event);
    } catch (error) {
      // an address the outbound policy refuses is not tried again
      refused = error instanceof OutboundBlockedError;
      result = { ok: false, status: null, error: describe(error) };
    }
    const delay = result.ok || refused ? null : retryDelayMs(attempts);
    const status = result.ok ? 'delivered' : delay === null ? 'failed' : 'pending';
    const next = new Date(now.getTime() + (delay ?? 0)).toISOString();
    await sql`update machine_notification_deliveries set status = ${status}, attempts = ${attempts}, last_attempt_at = ${now.toISOString()}::timestamptz,
      next_attempt_at = ${next}::timestamptz, response_status = ${result.status}, last_error = ${result.error},
      delivered_at = ${result.ok ? now.toISOString() : null}::timestamptz
      where tenant_id = ${tenantId} and id = ${deliveryId}`.execute(ctx.db);
  }
  return claimed.length;
}

/** An error's message only, shortened; never request headers (they carry the signature). */
const describe = (error: unknown): string => {
  if (error instanceof OutboundBlockedError) return error.message.slice(0, 300);
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const text = e.cause?.code ?? e.code ?? e.cause?.message ?? (e.name === 'TimeoutError' ? 'timeout' : e.message) ?? String(error);
  return text.slice(0, 300);
};

async function sendWebhook(ctx: OutboxContext, tenantId: string, deliveryId: string, webhookId: string | null, url: string, event: AlarmEventRecord) {
  const hook = webhookId ? await webhookSecret(ctx, tenantId, webhookId) : undefined;
  if (!hook) return { ok: false, status: null, error: 'webhook deleted' };
  return postSigned(outboundPolicy(ctx.config), url, hook.secret, `alarm.${event.event}`, deliveryId, JSON.stringify(webhookPayload(tenantId, deliveryId, event)));
}

/** The webhook's address and signing secret (throws `SecretUnreadableError` when the instance key does not open it). */
async function webhookSecret(ctx: Pick<OutboxContext, 'db'> & { config: Pick<OutboxContext['config'], 'dataDir'> }, tenantId: string, webhookId: string) {
  const row = (await sql<{ secret: string; url: string }>`select secret, url from machine_webhooks where tenant_id = ${tenantId} and id = ${webhookId}`.execute(ctx.db)).rows[0];
  return row && { url: row.url, secret: openWebhookSecret(machinesBox(ctx.config), tenantId, webhookId, row.secret) };
}

/**
 * Sends a signed `webhook.test` message to a webhook at once (also when it is switched off) and
 * answers how the receiver replied; nothing is written to the delivery log. Undefined if there is
 * no such webhook in the company. Throws `OutboundBlockedError` when the address is refused.
 */
export async function testWebhook(ctx: Pick<OutboxContext, 'db'> & { config: Pick<OutboxContext['config'], 'outboundAllow' | 'dataDir'> }, tenantId: string, webhookId: string) {
  const hook = await webhookSecret(ctx, tenantId, webhookId);
  if (!hook) return undefined;
  const id = uuidv7();
  const body = JSON.stringify({ id, deliveryId: id, type: 'webhook.test', companyId: tenantId, occurredAt: new Date().toISOString() });
  try {
    return await postSigned(outboundPolicy(ctx.config), hook.url, hook.secret, 'webhook.test', id, body);
  } catch (error) {
    if (error instanceof OutboundBlockedError) throw error;
    return { ok: false, status: null, error: describe(error) };
  }
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
