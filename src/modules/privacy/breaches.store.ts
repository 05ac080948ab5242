import type { Selectable } from 'kysely';
import type { DB } from '../../kernel/db/schema.generated.js';
import type { Db } from '../../kernel/db/database.js';
import { storedJson } from '../../kernel/db/stored-json.js';
import type { NoticeDraftSection } from './domain/breach-notice.js';

export type BreachRow = Selectable<DB['privacy_breaches']>;
export type NoticeRow = Omit<Selectable<DB['privacy_breach_notices']>, 'content'> & { content: NoticeDraftSection[] };
export type BreachColumns = Omit<BreachRow, 'tenant_id' | 'id' | 'created_by' | 'created_at' | 'updated_at' | 'closed_at' | 'authority_notified_at' | 'authority_reference' | 'subjects_informed_at'>;

/** The company's breaches, open ones first, newest first within each. */
export async function listBreaches(db: Db, tenantId: string): Promise<BreachRow[]> {
  return db
    .selectFrom('privacy_breaches')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy((eb) => eb('closed_at', 'is', null), 'desc')
    .orderBy('became_known_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function findBreach(db: Db, tenantId: string, id: string, forUpdate = false): Promise<BreachRow | undefined> {
  let query = db.selectFrom('privacy_breaches').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertBreach(db: Db, tenantId: string, id: string, createdBy: string, columns: BreachColumns): Promise<void> {
  await db.insertInto('privacy_breaches').values({ tenant_id: tenantId, id, created_by: createdBy, ...columns }).execute();
}

export async function updateBreach(db: Db, tenantId: string, id: string, columns: Partial<Omit<BreachRow, 'tenant_id' | 'id'>>): Promise<void> {
  await db.updateTable('privacy_breaches').set({ ...columns, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function listNotices(db: Db, tenantId: string, breachId: string): Promise<NoticeRow[]> {
  const rows = await db
    .selectFrom('privacy_breach_notices')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('breach_id', '=', breachId)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, content: storedJson<NoticeDraftSection[]>(r.content) }));
}

export async function insertNotice(db: Db, row: Omit<NoticeRow, 'created_at'>): Promise<void> {
  await db.insertInto('privacy_breach_notices').values({ ...row, content: JSON.stringify(row.content) }).execute();
}

/** Open breaches whose 72 hours still matter (not assessed as unlikely, no notice given yet). */
export async function breachesAwaitingNotice(db: Db, tenantId: string): Promise<BreachRow[]> {
  return db
    .selectFrom('privacy_breaches')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('closed_at', 'is', null)
    .where('authority_notified_at', 'is', null)
    .where('risk', '<>', 'unlikely')
    .orderBy('became_known_at')
    .execute();
}
