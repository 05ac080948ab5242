import type { Db } from '../db/database.js';

/** The keys among `keys` the person has marked as read. */
export async function readKeys(db: Db, tenantId: string, userId: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('notification_reads')
    .select('item_key')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('item_key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.item_key));
}

/** Marks `keys` as read and forgets the person's reads of items no longer listed (`current`). */
export async function markRead(db: Db, tenantId: string, userId: string, keys: readonly string[], current: readonly string[]): Promise<void> {
  let forget = db.deleteFrom('notification_reads').where('tenant_id', '=', tenantId).where('user_id', '=', userId);
  if (current.length > 0) forget = forget.where('item_key', 'not in', current);
  await forget.execute();
  if (keys.length === 0) return;
  await db
    .insertInto('notification_reads')
    .values(keys.map((item_key) => ({ tenant_id: tenantId, user_id: userId, item_key })))
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'item_key']).doNothing())
    .execute();
}
