import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** Dot path into the event payload → the values accepted there (see `filter` in the README). */
export type SubscriptionFilter = Record<string, Array<string | number | boolean>>;

export interface SubscriptionInput {
  url: string;
  description: string;
  eventTypes: string[];
  filter: SubscriptionFilter;
  active: boolean;
}

interface SubscriptionRow {
  id: string;
  url: string;
  description: string;
  event_types: unknown;
  filter: unknown;
  active: boolean;
  created_at: Date | string;
}

const jsonOf = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

const subscriptionOf = (r: SubscriptionRow) => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventTypes: jsonOf(r.event_types) as string[],
  filter: jsonOf(r.filter) as SubscriptionFilter,
  active: r.active,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The company's subscriptions (never their secrets), oldest first; with `id` only that one. */
export async function listSubscriptions(db: Db, tenantId: string, id?: string) {
  const r = await sql<SubscriptionRow>`select id, url, description, event_types, filter, active, created_at from webhook_subscriptions
    where tenant_id = ${tenantId} ${id ? sql`and id = ${id}` : sql``} order by created_at, id`.execute(db);
  return r.rows.map(subscriptionOf);
}

export async function insertSubscription(db: Db, tenantId: string, id: string, input: SubscriptionInput, sealedSecret: string) {
  await sql`insert into webhook_subscriptions (tenant_id, id, url, description, event_types, filter, secret, active)
    values (${tenantId}, ${id}, ${input.url}, ${input.description}, ${JSON.stringify(input.eventTypes)}::jsonb, ${JSON.stringify(input.filter)}::jsonb, ${sealedSecret}, ${input.active})`.execute(db);
}

export async function updateSubscription(db: Db, tenantId: string, id: string, input: SubscriptionInput): Promise<boolean> {
  const r = await sql`update webhook_subscriptions set url = ${input.url}, description = ${input.description},
    event_types = ${JSON.stringify(input.eventTypes)}::jsonb, filter = ${JSON.stringify(input.filter)}::jsonb, active = ${input.active} where tenant_id = ${tenantId} and id = ${id}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function deleteSubscription(db: Db, tenantId: string, id: string): Promise<boolean> {
  const r = await sql`delete from webhook_subscriptions where tenant_id = ${tenantId} and id = ${id}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** Replaces the signing secret (sealed under the row's own binding). False if there is no such subscription. */
export async function replaceSecret(db: Db, tenantId: string, id: string, sealedSecret: string): Promise<boolean> {
  const r = await sql`update webhook_subscriptions set secret = ${sealedSecret}, secret_context = '' where tenant_id = ${tenantId} and id = ${id}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** The stored (sealed) secret, its binding and the address of one subscription. */
export async function subscriptionTarget(db: Db, tenantId: string, id: string) {
  const r = await sql<{ url: string; secret: string; secret_context: string }>`select url, secret, secret_context from webhook_subscriptions
    where tenant_id = ${tenantId} and id = ${id}`.execute(db);
  const row = r.rows[0];
  return row && { url: row.url, secret: row.secret, secretContext: row.secret_context };
}

/**
 * Sends a delivery again at the next run of the delivery job: a failed one with fresh attempts, a
 * pending one at once. False if the company has no such delivery or it was delivered already.
 */
export async function retryDelivery(db: Db, tenantId: string, id: string): Promise<boolean> {
  const r = await sql`update webhook_deliveries set status = 'pending', attempts = case when status = 'failed' then 0 else attempts end, next_attempt_at = now()
    where tenant_id = ${tenantId} and id = ${id} and status in ('pending', 'failed')`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** Whether the company has this delivery (in any state). */
export async function deliveryExists(db: Db, tenantId: string, id: string): Promise<boolean> {
  return (await sql`select 1 from webhook_deliveries where tenant_id = ${tenantId} and id = ${id}`.execute(db)).rows.length > 0;
}

/** The delivery log, newest first (addresses and answers; no secrets, no signatures). */
export async function listDeliveries(db: Db, tenantId: string, limit: number, id?: string) {
  const r = await sql<{
    id: string; event_id: string; subscription_id: string; event_type: string; url: string; status: string; attempts: number;
    next_attempt_at: Date | string; last_attempt_at: Date | string | null; response_status: number | null; last_error: string | null;
    delivered_at: Date | string | null; created_at: Date | string;
  }>`select id, event_id, subscription_id, event_type, url, status, attempts, next_attempt_at, last_attempt_at, response_status, last_error, delivered_at, created_at
    from webhook_deliveries where tenant_id = ${tenantId} ${id ? sql`and id = ${id}` : sql``} order by created_at desc, id desc limit ${limit}`.execute(db);
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return r.rows.map((d) => ({
    id: d.id,
    eventId: d.event_id,
    subscriptionId: d.subscription_id,
    eventType: d.event_type,
    url: d.url,
    status: d.status as 'pending' | 'delivered' | 'failed',
    attempts: Number(d.attempts),
    nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
    lastAttemptAt: iso(d.last_attempt_at),
    responseStatus: d.response_status === null ? null : Number(d.response_status),
    lastError: d.last_error,
    deliveredAt: iso(d.delivered_at),
    createdAt: iso(d.created_at)!,
  }));
}
