import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { uuidv7 } from '../db/uuid-v7.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import { OutboundBlockedError, outboundPolicy } from '../net/outbound-policy.js';
import { retryDelayMs } from './retry-schedule.js';
import { postSignedWebhook } from './signed-post.js';
import { subscriptionTarget } from './subscriptions.store.js';
import { openSubscriptionSecret } from './webhook-secrets.js';

export interface DeliveryContext {
  db: Db;
  config: Pick<Config, 'outboundAllow' | 'dataDir'>;
}

/** A claimed delivery is not picked up again before this much time has passed (crash safety). */
const LEASE_MS = 2 * 60_000;
const BATCH = 50;
/** How long events (and with them their delivery log) are kept. */
export const EVENT_RETENTION_DAYS = 30;

/**
 * Turns committed events into deliveries, one per active subscription of the company for the
 * event's type. The event is marked in the same transaction, so a crash repeats the step
 * instead of losing it.
 */
export async function dispatchEvents(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (tx) => {
      const events = await sql<{ tenant_id: string; id: string; type: string }>`select tenant_id, id, type from event_outbox
        where dispatched_at is null order by created_at, id limit ${BATCH} for update skip locked`.execute(tx);
      for (const e of events.rows) {
        // type and filter: every path of the filter must hold one of its values in the payload
        await sql`insert into webhook_deliveries (tenant_id, id, event_id, subscription_id, event_type, url, status, next_attempt_at)
          select s.tenant_id, gen_random_uuid(), e.id, s.id, e.type, s.url, 'pending', now()
          from webhook_subscriptions s join event_outbox e on e.tenant_id = s.tenant_id and e.id = ${e.id}
          where s.tenant_id = ${e.tenant_id} and s.active and s.event_types @> ${JSON.stringify([e.type])}::jsonb
            and not exists (select 1 from jsonb_each(s.filter) f where not (f.value @> jsonb_build_array(e.payload #> string_to_array(f.key, '.'))))
          on conflict (tenant_id, event_id, subscription_id) do nothing`.execute(tx);
        await sql`update event_outbox set dispatched_at = now() where tenant_id = ${e.tenant_id} and id = ${e.id}`.execute(tx);
      }
      return events.rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

/** The JSON a receiver gets. */
export const eventBody = (tenantId: string, deliveryId: string, e: { id: string; type: string; created_at: Date | string; payload: unknown }) => ({
  id: e.id,
  deliveryId,
  type: e.type,
  companyId: tenantId,
  occurredAt: new Date(e.created_at).toISOString(),
  data: typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload,
});

/** Sends the deliveries that are due; failures are retried on the backoff schedule. */
export async function deliverDueEvents(ctx: DeliveryContext, now: Date = new Date()): Promise<number> {
  type Due = { tenant_id: string; delivery_id: string; subscription_id: string; url: string; attempts: number; id: string; type: string; created_at: Date | string; payload: unknown };
  const claimed = await ctx.db.transaction().execute(async (tx) => {
    const r = await sql<Due>`
      select d.tenant_id, d.id as delivery_id, d.subscription_id, d.url, d.attempts, e.id, e.type, e.created_at, e.payload
      from webhook_deliveries d join event_outbox e on e.tenant_id = d.tenant_id and e.id = d.event_id
      where d.status = 'pending' and d.next_attempt_at <= ${now.toISOString()}::timestamptz
      order by d.next_attempt_at limit ${BATCH} for update of d skip locked`.execute(tx);
    for (const row of r.rows) {
      await sql`update webhook_deliveries set next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
        where tenant_id = ${row.tenant_id} and id = ${row.delivery_id}`.execute(tx);
    }
    return r.rows;
  });
  for (const row of claimed) {
    const attempts = Number(row.attempts) + 1;
    let result: { ok: boolean; status: number | null; error: string | null };
    let final = false;
    try {
      const target = await subscriptionTarget(ctx.db, row.tenant_id, row.subscription_id);
      if (!target) {
        result = { ok: false, status: null, error: 'subscription deleted' };
        final = true;
      } else {
        const secret = openSubscriptionSecret(ctx.config, row.tenant_id, row.subscription_id, target);
        const body = JSON.stringify(eventBody(row.tenant_id, row.delivery_id, row));
        result = await postSignedWebhook(outboundPolicy(ctx.config), row.url, secret, row.type, row.delivery_id, body);
      }
    } catch (error) {
      // an address the outbound policy refuses is not tried again
      final = error instanceof OutboundBlockedError;
      result = { ok: false, status: null, error: describeError(error) };
    }
    const delay = result.ok || final ? null : retryDelayMs(attempts);
    const status = result.ok ? 'delivered' : delay === null ? 'failed' : 'pending';
    await sql`update webhook_deliveries set status = ${status}, attempts = ${attempts}, last_attempt_at = ${now.toISOString()}::timestamptz,
      next_attempt_at = ${new Date(now.getTime() + (delay ?? 0)).toISOString()}::timestamptz, response_status = ${result.status},
      last_error = ${result.error}, delivered_at = ${result.ok ? now.toISOString() : null}::timestamptz
      where tenant_id = ${row.tenant_id} and id = ${row.delivery_id}`.execute(ctx.db);
  }
  return claimed.length;
}

/** An error's message only, shortened; never request headers (they carry the signature). */
export const describeError = (error: unknown): string => {
  if (error instanceof OutboundBlockedError) return error.message.slice(0, 300);
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const text = e.cause?.code ?? e.code ?? e.cause?.message ?? (e.name === 'TimeoutError' ? 'timeout' : e.message) ?? String(error);
  return text.slice(0, 300);
};

/** Deletes events older than the retention whose deliveries are all finished (their log goes with them). */
export async function deleteOldEvents(db: Db, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - EVENT_RETENTION_DAYS * 86_400_000).toISOString();
  const r = await sql`delete from event_outbox e where e.created_at < ${before}::timestamptz and e.dispatched_at is not null
    and not exists (select 1 from webhook_deliveries d where d.tenant_id = e.tenant_id and d.event_id = e.id and d.status = 'pending')`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Sends a signed `webhook.test` message to a subscription at once (also when inactive) and
 * answers how the receiver replied; nothing is logged. Undefined if the company has no such
 * subscription. Throws `OutboundBlockedError` when the address is refused.
 */
export async function testSubscription(ctx: DeliveryContext, tenantId: string, subscriptionId: string) {
  const target = await subscriptionTarget(ctx.db, tenantId, subscriptionId);
  if (!target) return undefined;
  const secret = openSubscriptionSecret(ctx.config, tenantId, subscriptionId, target);
  const id = uuidv7();
  const body = JSON.stringify({ id, deliveryId: id, type: 'webhook.test', companyId: tenantId, occurredAt: new Date().toISOString(), data: {} });
  try {
    return await postSignedWebhook(outboundPolicy(ctx.config), target.url, secret, 'webhook.test', id, body);
  } catch (error) {
    if (error instanceof OutboundBlockedError) throw error;
    return { ok: false, status: null, error: describeError(error) };
  }
}

export const EVENT_DELIVERY_INTERVAL_MS = 10_000;

/** The kernel job: events into deliveries, due deliveries sent, old events removed. */
export const eventDeliveryJob = (ctx: DeliveryContext): JobDefinition => ({
  id: 'platform.webhook-delivery',
  description: { de: 'Ereignisse an die Webhook-Abonnements der Unternehmen zustellen und alte Ereignisse löschen', en: 'Deliver events to the companies\' webhook subscriptions and delete old events' },
  intervalMs: EVENT_DELIVERY_INTERVAL_MS,
  run: async () => {
    await dispatchEvents(ctx.db);
    await deliverDueEvents(ctx);
    await deleteOldEvents(ctx.db);
  },
});
