import type { Db } from '../../kernel/db/database.js';


/** Every link of the customers, as `merge.ts` sees them. Consents move with their contact. */
export async function linksOf(db: Db, tenantId: string, customerIds: readonly string[]) {
  const contacts = await db.selectFrom('customer_contacts').select(['id', 'customer_id']).where('tenant_id', '=', tenantId).where('customer_id', 'in', customerIds).execute();
  const interactions = await db.selectFrom('customer_interactions').select(['id', 'customer_id']).where('tenant_id', '=', tenantId).where('customer_id', 'in', customerIds).execute();
  const quotes = await db.selectFrom('customer_quotes').select(['id', 'customer_id']).where('tenant_id', '=', tenantId).where('customer_id', 'in', customerIds).execute();
  const orders = await db.selectFrom('customer_orders').select(['id', 'customer_id']).where('tenant_id', '=', tenantId).where('customer_id', 'in', customerIds).execute();
  return [
    ...contacts.map((c) => ({ kind: 'contact' as const, id: c.id, customerId: c.customer_id })),
    ...interactions.map((i) => ({ kind: 'interaction' as const, id: i.id, customerId: i.customer_id })),
    ...quotes.map((q) => ({ kind: 'quote' as const, id: q.id, customerId: q.customer_id })),
    ...orders.map((o) => ({ kind: 'order' as const, id: o.id, customerId: o.customer_id })),
  ];
}

/** The current owner of links by id (whatever customer they belong to now). */
export async function linksById(db: Db, tenantId: string, links: ReadonlyArray<{ kind: string; id: string }>) {
  const ids = (kind: string) => links.filter((l) => l.kind === kind).map((l) => l.id);
  const owners = async (table: 'customer_contacts' | 'customer_interactions' | 'customer_quotes' | 'customer_orders', wanted: string[]) =>
    wanted.length === 0 ? [] : db.selectFrom(table).select(['id', 'customer_id']).where('tenant_id', '=', tenantId).where('id', 'in', wanted).execute();
  return [
    ...(await owners('customer_contacts', ids('contact'))).map((c) => ({ kind: 'contact' as const, id: c.id, customerId: c.customer_id })),
    ...(await owners('customer_interactions', ids('interaction'))).map((i) => ({ kind: 'interaction' as const, id: i.id, customerId: i.customer_id })),
    ...(await owners('customer_quotes', ids('quote'))).map((q) => ({ kind: 'quote' as const, id: q.id, customerId: q.customer_id })),
    ...(await owners('customer_orders', ids('order'))).map((o) => ({ kind: 'order' as const, id: o.id, customerId: o.customer_id })),
  ];
}

export async function moveLinks(db: Db, tenantId: string, moves: ReadonlyArray<{ kind: string; id: string }>, customerId: string): Promise<void> {
  const contactIds = moves.filter((m) => m.kind === 'contact').map((m) => m.id);
  const interactionIds = moves.filter((m) => m.kind === 'interaction').map((m) => m.id);
  if (contactIds.length > 0)
    await db.updateTable('customer_contacts').set({ customer_id: customerId, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', 'in', contactIds).execute();
  if (interactionIds.length > 0)
    await db.updateTable('customer_interactions').set({ customer_id: customerId }).where('tenant_id', '=', tenantId).where('id', 'in', interactionIds).execute();
  const quoteIds = moves.filter((m) => m.kind === 'quote').map((m) => m.id);
  if (quoteIds.length > 0)
    await db.updateTable('customer_quotes').set({ customer_id: customerId, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', 'in', quoteIds).execute();
  const orderIds = moves.filter((m) => m.kind === 'order').map((m) => m.id);
  if (orderIds.length > 0)
    await db.updateTable('customer_orders').set({ customer_id: customerId }).where('tenant_id', '=', tenantId).where('id', 'in', orderIds).execute();
}

// --- merges

export async function insertMerge(db: Db, tenantId: string, id: string, survivorId: string, absorbedId: string, undo: unknown, userId: string | null): Promise<void> {
  await db.insertInto('customer_merges').values({ tenant_id: tenantId, id, survivor_id: survivorId, absorbed_id: absorbedId, undo: JSON.stringify(undo), merged_by: userId }).execute();
}

export async function findMerge(db: Db, tenantId: string, id: string) {
  return db
    .selectFrom('customer_merges')
    .select(['id', 'survivor_id', 'absorbed_id', 'undo', 'merged_at', 'undone_at'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The newest merge not undone that absorbed this customer. */
export async function mergeAbsorbing(db: Db, tenantId: string, absorbedId: string) {
  return db
    .selectFrom('customer_merges')
    .select(['id', 'survivor_id', 'merged_at'])
    .where('tenant_id', '=', tenantId)
    .where('absorbed_id', '=', absorbedId)
    .where('undone_at', 'is', null)
    .orderBy('merged_at', 'desc')
    .executeTakeFirst();
}

/** Merges not undone into this customer, newest first (the detail page offers their undo). */
export async function mergesInto(db: Db, tenantId: string, survivorId: string) {
  return db
    .selectFrom('customer_merges as m')
    .innerJoin('customers as c', (j) => j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.absorbed_id'))
    .select(['m.id', 'm.absorbed_id', 'm.merged_at', 'c.number as absorbed_number', 'c.name as absorbed_name'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.survivor_id', '=', survivorId)
    .where('m.undone_at', 'is', null)
    .orderBy('m.merged_at', 'desc')
    .execute();
}

export async function markMergeUndone(db: Db, tenantId: string, id: string, userId: string | null): Promise<void> {
  await db.updateTable('customer_merges').set({ undone_at: new Date(), undone_by: userId }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
