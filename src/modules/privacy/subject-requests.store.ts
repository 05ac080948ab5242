import { type Selectable, sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { DB } from '../../kernel/db/schema.generated.js';
import { storedJson } from '../../kernel/db/stored-json.js';
import type { Localized } from '../../kernel/modules/module-manifest.js';
import type { ErasureStep } from './subject-requests.schemas.js';

export type RequestRow = Omit<Selectable<DB['privacy_subject_requests']>, 'erasure' | 'received_on'> & { erasure: ErasureStep[] | null; received_on: string };
export interface LinkRow { module_id: string; ref: string; kind: Localized; name: string; email: string | null; phone: string | null; context: Localized | null }

const COLUMNS = ['tenant_id', 'id', 'kind', 'requester_name', 'requester_reach', 'extension_months', 'extension_reason', 'state', 'closing_note', 'notes', 'erased_at', 'erasure', 'closed_at', 'created_by', 'created_at', 'updated_at'] as const;
// a `date` as text: the drivers would hand it over as a Date at a midnight of their choosing
const receivedOn = sql<string>`to_char(received_on, 'YYYY-MM-DD')`.as('received_on');
type Stored = Omit<Selectable<DB['privacy_subject_requests']>, 'received_on'> & { received_on: string };
const toRow = (r: Stored): RequestRow => ({ ...r, erasure: r.erasure === null ? null : storedJson<ErasureStep[]>(typeof r.erasure === 'string' ? JSON.parse(r.erasure) : r.erasure) });

export async function listRequests(db: Db, tenantId: string): Promise<Array<RequestRow & { people: number }>> {
  const rows = await db
    .selectFrom('privacy_subject_requests as r')
    .select(COLUMNS.map((c) => `r.${c}` as const))
    .select(sql<string>`to_char(r.received_on, 'YYYY-MM-DD')`.as('received_on'))
    .select((eb) => eb.selectFrom('privacy_subject_links as l').select((e) => e.fn.countAll<string>().as('n')).whereRef('l.tenant_id', '=', 'r.tenant_id').whereRef('l.request_id', '=', 'r.id').as('people'))
    .where('r.tenant_id', '=', tenantId)
    .orderBy((eb) => eb('r.state', '=', 'open'), 'desc')
    .orderBy('r.received_on', 'desc')
    .orderBy('r.id')
    .execute();
  return rows.map(({ people, ...r }) => ({ ...toRow(r), people: Number(people ?? 0) }));
}

export async function openRequests(db: Db, tenantId: string): Promise<RequestRow[]> {
  const rows = await db.selectFrom('privacy_subject_requests').select(COLUMNS).select(receivedOn).where('tenant_id', '=', tenantId).where('state', '=', 'open').orderBy('received_on').execute();
  return rows.map(toRow);
}

export async function findRequest(db: Db, tenantId: string, id: string, forUpdate = false): Promise<RequestRow | undefined> {
  let q = db.selectFrom('privacy_subject_requests').select(COLUMNS).select(receivedOn).where('tenant_id', '=', tenantId).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export type RequestColumns = Partial<Omit<RequestRow, 'tenant_id' | 'id' | 'erasure' | 'created_at' | 'updated_at'>> & { erasure?: ErasureStep[] | null };

export async function insertRequest(db: Db, tenantId: string, id: string, columns: Omit<RequestColumns, 'erasure'> & Pick<RequestRow, 'kind' | 'requester_name' | 'received_on'>): Promise<void> {
  await db.insertInto('privacy_subject_requests').values({ tenant_id: tenantId, id, ...columns }).execute();
}

export async function updateRequest(db: Db, tenantId: string, id: string, columns: RequestColumns): Promise<void> {
  const { erasure, ...rest } = columns;
  await db
    .updateTable('privacy_subject_requests')
    .set({ ...rest, ...(erasure !== undefined ? { erasure: erasure === null ? null : JSON.stringify(erasure) } : {}), updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function links(db: Db, tenantId: string, requestId: string): Promise<LinkRow[]> {
  const rows = await db
    .selectFrom('privacy_subject_links')
    .select(['module_id', 'ref', 'kind', 'name', 'email', 'phone', 'context'])
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy('module_id')
    .orderBy('ref')
    .execute();
  const json = <T>(v: unknown) => (v === null ? null : storedJson<T>(typeof v === 'string' ? JSON.parse(v) : v));
  return rows.map((r) => ({ ...r, kind: json<Localized>(r.kind)!, context: json<Localized>(r.context) }));
}

export async function insertLinks(db: Db, tenantId: string, requestId: string, rows: LinkRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('privacy_subject_links')
    .values(rows.map((r) => ({ tenant_id: tenantId, request_id: requestId, module_id: r.module_id, ref: r.ref, kind: JSON.stringify(r.kind), name: r.name, email: r.email, phone: r.phone, context: r.context === null ? null : JSON.stringify(r.context) })))
    .onConflict((oc) => oc.columns(['tenant_id', 'request_id', 'module_id', 'ref']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function deleteLink(db: Db, tenantId: string, requestId: string, moduleId: string, ref: string): Promise<number> {
  const result = await db.deleteFrom('privacy_subject_links').where('tenant_id', '=', tenantId).where('request_id', '=', requestId).where('module_id', '=', moduleId).where('ref', '=', ref).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * After an erasure the links keep what kind of person was erased where, not who: a module's
 * reference may itself be an address or a name typed in, so it is replaced by a counter.
 */
export async function anonymiseLinks(db: Db, tenantId: string, requestId: string, name: string): Promise<void> {
  await sql`
    update privacy_subject_links l set name = ${name}, email = null, phone = null, context = null, ref = 'erased-' || x.n
    from (select module_id, ref, row_number() over (order by created_at, module_id, ref) as n
          from privacy_subject_links where tenant_id = ${tenantId} and request_id = ${requestId}) x
    where l.tenant_id = ${tenantId} and l.request_id = ${requestId} and l.module_id = x.module_id and l.ref = x.ref`.execute(db);
}
