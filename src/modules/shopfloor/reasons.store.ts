import type { Db, Row } from '../../kernel/db/database.js';
import type { LossCategory, Reason, ReasonKind } from './domain/reason-tree.js';

// kind and loss are held to their values by the table's check constraints
const reasonOf = (r: Row<'shopfloor_reasons'>): Reason => ({
  id: r.id,
  kind: r.kind as ReasonKind,
  parentId: r.parent_id,
  isGroup: Boolean(r.is_group),
  label: { de: r.label_de, en: r.label_en },
  loss: r.loss as LossCategory | null,
  planned: r.planned === null ? null : Boolean(r.planned),
  position: Number(r.position),
  active: Boolean(r.active),
});

const columnsOf = (r: Omit<Reason, 'id'>) => ({
  kind: r.kind, parent_id: r.parentId, is_group: r.isGroup, label_de: r.label.de, label_en: r.label.en,
  loss: r.loss, planned: r.planned, position: r.position, active: r.active,
});

export async function listReasons(db: Db, tenantId: string): Promise<Reason[]> {
  const rows = await db.selectFrom('shopfloor_reasons').selectAll().where('tenant_id', '=', tenantId).orderBy('kind').orderBy('position').orderBy('label_de').execute();
  return rows.map(reasonOf);
}

export async function insertReasons(db: Db, tenantId: string, reasons: readonly Reason[]): Promise<void> {
  if (reasons.length === 0) return;
  // Groups first: a reason refers to its group.
  const ordered = [...reasons].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  await db.insertInto('shopfloor_reasons').values(ordered.map((r) => ({ tenant_id: tenantId, id: r.id, ...columnsOf(r) }))).execute();
}

export async function updateReason(db: Db, tenantId: string, reason: Reason): Promise<void> {
  const { id, ...rest } = reason;
  await db.updateTable('shopfloor_reasons').set({ ...columnsOf(rest), updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function setActive(db: Db, tenantId: string, ids: readonly string[], active: boolean): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('shopfloor_reasons').set({ active, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

export async function deleteReasons(db: Db, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  // Reasons before their groups (foreign key).
  await db.deleteFrom('shopfloor_reasons').where('tenant_id', '=', tenantId).where('id', 'in', ids).where('is_group', '=', false).execute();
  await db.deleteFrom('shopfloor_reasons').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

/** The reason ids among `ids` that a stored booking refers to (bookings keep the id in `reason`). */
export async function reasonsInUse(db: Db, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('shopfloor_bookings').select('reason').distinct().where('tenant_id', '=', tenantId).where('reason', 'in', ids).execute();
  return new Set(rows.flatMap((r) => (r.reason === null ? [] : [r.reason])));
}

/** Marks the company's defaults as stored; true only for the one call that did it. */
export async function claimDefaults(db: Db, tenantId: string): Promise<boolean> {
  const rows = await db.insertInto('shopfloor_reason_defaults').values({ tenant_id: tenantId }).onConflict((oc) => oc.column('tenant_id').doNothing()).returning('tenant_id').execute();
  return rows.length === 1;
}

export async function hasClaimedDefaults(db: Db, tenantId: string): Promise<boolean> {
  return (await db.selectFrom('shopfloor_reason_defaults').select('tenant_id').where('tenant_id', '=', tenantId).executeTakeFirst()) !== undefined;
}
