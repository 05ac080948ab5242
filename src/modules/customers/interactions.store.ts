import type { Db } from '../../kernel/db/database.js';
import { personNames } from '../../kernel/tenancy/members.js';

export interface Interaction {
  id: string;
  customerId: string;
  contactId: string | null;
  kind: 'call' | 'visit' | 'email' | 'note';
  occurredAt: Date;
  userId: string | null;
  userName: string | null;
  subject: string;
  body: string;
}

export interface InteractionColumns {
  contact_id: string | null;
  kind: Interaction['kind'];
  occurred_at: Date;
  user_id: string | null;
  subject: string;
  body: string;
}

export async function insertInteraction(db: Db, tenantId: string, id: string, customerId: string, columns: InteractionColumns): Promise<void> {
  await db.insertInto('customer_interactions').values({ tenant_id: tenantId, id, customer_id: customerId, ...columns }).execute();
}

/** The customer's interactions, newest first. */
export async function timeline(db: Db, tenantId: string, customerId: string, limit: number): Promise<Interaction[]> {
  const rows = await db
    .selectFrom('customer_interactions as i')
    .select(['i.id', 'i.customer_id', 'i.contact_id', 'i.kind', 'i.occurred_at', 'i.user_id', 'i.subject', 'i.body'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.customer_id', '=', customerId)
    .orderBy('i.occurred_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
  const names = await personNames(db, rows.map((r) => r.user_id));
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    contactId: r.contact_id,
    kind: r.kind as Interaction['kind'],
    occurredAt: new Date(r.occurred_at),
    userId: r.user_id,
    userName: (r.user_id ? names.get(r.user_id) : undefined) ?? null,
    subject: r.subject,
    body: r.body,
  }));
}
