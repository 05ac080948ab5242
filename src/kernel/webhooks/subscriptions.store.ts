import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface SubscriptionInput {
  url: string;
  description: string;
  eventTypes: string[];
  active: boolean;
}

interface SubscriptionRow {
  id: string;
  url: string;
  description: string;
  event_types: unknown;
  active: boolean;
  created_at: Date | string;
}

const subscriptionOf = (r: SubscriptionRow) => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventTypes: (typeof r.event_types === 'string' ? JSON.parse(r.event_types) : r.event_types) as string[],
  active: r.active,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The company's subscriptions (never their secrets), oldest first; with `id` only that one. */
export async function listSubscriptions(db: Db, tenantId: string, id?: string) {
  const r = await sql<SubscriptionRow>`select id, url, description, event_types, active, created_at from webhook_subscriptions
    where tenant_id = ${tenantId} ${id ? sql`and id = ${id}` : sql``} order by created_at, id`.execute(db);
  return r.rows.map(subscriptionOf);
}

export async function insertSubscription(db: Db, tenantId: string, id: string, input: SubscriptionInput, sealedSecret: string) {
  await sql`insert into webhook_subscriptions (tenant_id, id, url, description, event_types, secret, active)
    values (${tenantId}, ${id}, ${input.url}, ${input.description}, ${JSON.stringify(input.eventTypes)}::jsonb, ${sealedSecret}, ${input.active})`.execute(db);
}

export async function updateSubscription(db: Db, tenantId: string, id: string, input: SubscriptionInput): Promise<boolean> {
  const r = await sql`update webhook_subscriptions set url = ${input.url}, description = ${input.description},
    event_types = ${JSON.stringify(input.eventTypes)}::jsonb, active = ${input.active} where tenant_id = ${tenantId} and id = ${id}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function deleteSubscription(db: Db, tenantId: string, id: string): Promise<boolean> {
  const r = await sql`delete from webhook_subscriptions where tenant_id = ${tenantId} and id = ${id}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** The stored (sealed) secret and address of one subscription. */
export async function subscriptionTarget(db: Db, tenantId: string, id: string) {
  return (await sql<{ url: string; secret: string }>`select url, secret from webhook_subscriptions where tenant_id = ${tenantId} and id = ${id}`.execute(db)).rows[0];
}

/** The delivery log, newest first (addresses and answers; no secrets, no signatures). */
export async function listDeliveries(db: Db, tenantId: string, limit: number) {
  const r = await sql<{
    id: string; event_id: string; subscription_id: string; event_type: string; url: string; status: string; attempts: number;
    next_attempt_at: Date | string; last_attempt_at: Date | string | null; response_status: number | null; last_error: string | null;
    delivered_at: Date | string | null; created_at: Date | string;
  }>`select id, event_id, subscription_id, event_type, url, status, attempts, next_attempt_at, last_attempt_at, response_status, last_error, delivered_at, created_at
    from webhook_deliveries where tenant_id = ${tenantId} order by created_at desc, id desc limit ${limit}`.execute(db);
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
