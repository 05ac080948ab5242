import type { Db } from '../../kernel/db/database.js';
import type { ShareLinkRecord, ShareSection } from './domain/share-link.js';

export interface ShareLinkRow extends ShareLinkRecord {
  createdBy: string | null;
  revokedBy: string | null;
  views: number;
  lastViewedAt: number | null;
}

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

const toRecord = (r: { id: string; tenant_id: string; order_id: string; secret_hash: string; created_at: Date | string; expires_at: Date | string; revoked_at: Date | string | null; sections: string[] }): ShareLinkRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  orderId: r.order_id,
  secretHash: r.secret_hash,
  createdAt: ms(r.created_at)!,
  expiresAt: ms(r.expires_at)!,
  revokedAt: ms(r.revoked_at),
  sections: r.sections as ShareSection[],
});

export async function insertShareLink(db: Db, record: ShareLinkRecord, createdBy: string): Promise<void> {
  await db.insertInto('customer_share_links').values({
    tenant_id: record.tenantId, id: record.id, order_id: record.orderId, secret_hash: record.secretHash, sections: record.sections,
    created_by: createdBy, created_at: new Date(record.createdAt), expires_at: new Date(record.expiresAt),
  }).execute();
}

/** The links with this id in any company — the public page knows only the token. */
export async function shareLinksById(db: Db, id: string): Promise<ShareLinkRecord[]> {
  const rows = await db.selectFrom('customer_share_links').select(['id', 'tenant_id', 'order_id', 'secret_hash', 'created_at', 'expires_at', 'revoked_at', 'sections']).where('id', '=', id).execute();
  return rows.map(toRecord);
}

const linkSelect = (db: Db, tenantId: string) =>
  db
    .selectFrom('customer_share_links as l')
    .select(['l.id', 'l.tenant_id', 'l.order_id', 'l.secret_hash', 'l.created_at', 'l.expires_at', 'l.revoked_at', 'l.sections', 'l.created_by', 'l.revoked_by'])
    .select((eb) => [
      eb.selectFrom('customer_share_link_views as v').whereRef('v.tenant_id', '=', 'l.tenant_id').whereRef('v.link_id', '=', 'l.id').select((e) => e.fn.countAll<string>().as('n')).as('views'),
      eb.selectFrom('customer_share_link_views as v').whereRef('v.tenant_id', '=', 'l.tenant_id').whereRef('v.link_id', '=', 'l.id').select((e) => e.fn.max('v.viewed_at').as('m')).as('last_viewed_at'),
    ])
    .where('l.tenant_id', '=', tenantId);

type Selected = Awaited<ReturnType<ReturnType<typeof linkSelect>['executeTakeFirstOrThrow']>>;
const toRow = (r: Selected): ShareLinkRow => ({
  ...toRecord(r),
  createdBy: r.created_by,
  revokedBy: r.revoked_by,
  views: Number(r.views ?? 0),
  lastViewedAt: ms((r.last_viewed_at as Date | string | null) ?? null),
});

export async function shareLinksOfOrder(db: Db, tenantId: string, orderId: string): Promise<ShareLinkRow[]> {
  return (await linkSelect(db, tenantId).where('l.order_id', '=', orderId).orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').execute()).map(toRow);
}

export async function findShareLink(db: Db, tenantId: string, id: string): Promise<ShareLinkRow | undefined> {
  const row = await linkSelect(db, tenantId).where('l.id', '=', id).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** Revokes the links given that are not revoked yet; answers the ids it revoked. */
export async function revokeShareLinks(db: Db, tenantId: string, ids: readonly string[], by: string, at: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.updateTable('customer_share_links').set({ revoked_at: at, revoked_by: by })
    .where('tenant_id', '=', tenantId).where('id', 'in', [...ids]).where('revoked_at', 'is', null)
    .returning('id').execute();
  return rows.map((r) => r.id);
}

export async function insertView(db: Db, view: { tenantId: string; id: string; linkId: string; at: Date; address: string; browser: string }): Promise<void> {
  await db.insertInto('customer_share_link_views').values({ tenant_id: view.tenantId, id: view.id, link_id: view.linkId, viewed_at: view.at, address: view.address, browser: view.browser }).execute();
}

export async function viewsOfLink(db: Db, tenantId: string, linkId: string, limit: number, offset: number): Promise<{ items: Array<{ viewedAt: string; address: string; browser: string }>; total: number }> {
  const base = db.selectFrom('customer_share_link_views').where('tenant_id', '=', tenantId).where('link_id', '=', linkId);
  const [{ n }] = await base.select((eb) => eb.fn.countAll<string>().as('n')).execute();
  const rows = await base.select(['viewed_at', 'address', 'browser', 'id']).orderBy('viewed_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  return { items: rows.map((r) => ({ viewedAt: new Date(r.viewed_at).toISOString(), address: r.address, browser: r.browser })), total: Number(n) };
}
