import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { storedChoice } from '../../kernel/db/stored-choice.js';
import { storedJson } from '../../kernel/db/stored-json.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { companyMembers, personNames } from '../../kernel/tenancy/members.js';
import { PLAN_STATUSES, type PlanStatus } from './schemas.js';

export interface PlanItemRow {
  id: string;
  measure_id: string | null;
  title: string | null;
  description: string | null;
  status: PlanStatus;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_text: string | null;
  start_quarter: string | null;
  end_quarter: string | null;
  micro_goal: string | null;
  kpi_name: string | null;
  kpi_target: string | null;
  kpi_unit: string | null;
  source_check_id: string | null;
  accepted_at: Date;
  done_at: Date | null;
  /** "<module>:<key>" of the other module's suggestion it was taken from. */
  source_ref: string | null;
}

export type PlanItemPatch = Partial<Omit<PlanItemRow, 'id' | 'owner_name' | 'accepted_at' | 'measure_id' | 'source_check_id'>>;

export async function listPlanItems(db: Db, tenantId: string): Promise<PlanItemRow[]> {
  const rows = await db
    .selectFrom('roadmap_plan_items as p')
    .select([
      'p.id', 'p.measure_id', 'p.title', 'p.description', 'p.status', 'p.owner_user_id', 'p.owner_text',
      'p.start_quarter', 'p.end_quarter', 'p.micro_goal', 'p.kpi_name', 'p.kpi_target', 'p.kpi_unit', 'p.source_check_id',
      'p.accepted_at', 'p.done_at', 'p.source_ref',
    ])
    .where('p.tenant_id', '=', tenantId)
    .orderBy('p.accepted_at')
    .orderBy('p.id')
    .execute();
  const names = await personNames(db, rows.map((r) => r.owner_user_id));
  return rows.map((r) => ({ ...r, status: storedChoice(PLAN_STATUSES, r.status), owner_name: (r.owner_user_id ? names.get(r.owner_user_id) : undefined) ?? null }));
}

export async function findPlanItem(db: Db, tenantId: string, id: string): Promise<PlanItemRow | undefined> {
  return (await listPlanItems(db, tenantId)).find((r) => r.id === id);
}

export async function insertPlanItems(
  db: Db,
  tenantId: string,
  items: Array<{ measure_id?: string; source_ref?: string; title?: string; description?: string | null; micro_goal?: string | null; source_check_id?: string | null; start_quarter?: string | null; end_quarter?: string | null }>,
): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = items.map((item) => ({ tenant_id: tenantId, id: uuidv7(), ...item }));
  await db.insertInto('roadmap_plan_items').values(rows).execute();
  return rows.map((r) => r.id);
}

export async function updatePlanItem(db: Db, tenantId: string, id: string, patch: PlanItemPatch) {
  await db.updateTable('roadmap_plan_items').set({ ...patch, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Dates when a measure was taken into the plan; only for demo data that is set in the past. */
export async function setPlanItemAcceptedAt(db: Db, tenantId: string, id: string, acceptedAt: Date) {
  await db.updateTable('roadmap_plan_items').set({ accepted_at: acceptedAt }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deletePlanItem(db: Db, tenantId: string, id: string) {
  await db.deleteFrom('roadmap_plan_items').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export interface SettingsRow {
  start_quarter: string | null;
  scheduled_at: Date | null;
  reviews: string[];
  funding_seeded_at: Date | null;
}

export async function getSettings(db: Db, tenantId: string): Promise<SettingsRow> {
  const row = await db.selectFrom('roadmap_settings').select(['start_quarter', 'scheduled_at', 'reviews', 'funding_seeded_at']).where('tenant_id', '=', tenantId).executeTakeFirst();
  return row ? { ...row, reviews: storedJson<string[]>(row.reviews) } : { start_quarter: null, scheduled_at: null, reviews: [], funding_seeded_at: null };
}

export async function saveSchedule(db: Db, tenantId: string, startQuarter: string, reviews: string[]) {
  const values = { start_quarter: startQuarter, scheduled_at: new Date(), reviews: JSON.stringify(reviews) };
  await db
    .insertInto('roadmap_settings')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}

/** Marks the funding catalogue as seeded; true only for the one call that did it. */
export async function claimFundingSeed(db: Db, tenantId: string): Promise<boolean> {
  await db.insertInto('roadmap_settings').values({ tenant_id: tenantId }).onConflict((oc) => oc.column('tenant_id').doNothing()).execute();
  const claimed = await db
    .updateTable('roadmap_settings')
    .set({ funding_seeded_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('funding_seeded_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export async function listMembers(db: Db, tenantId: string): Promise<Array<{ id: string; name: string }>> {
  return (await companyMembers(db, tenantId)).map((m) => ({ id: m.userId, name: m.name }));
}

export interface FundingRow {
  id: string;
  seed_id: string | null;
  name: string;
  provider: string;
  regions: string[];
  kinds: string[];
  percent_max: number | string | null;
  rate_text: { de: string; en: string };
  valid_from: string | null;
  valid_until: string | null;
  link: string | null;
  historical: boolean;
  note: { de: string; en: string };
}

export type FundingValues = Omit<FundingRow, 'id'>;

const FUNDING_COLUMNS = [
  'id', 'seed_id', 'name', 'provider', 'regions', 'kinds', 'percent_max', 'rate_text', 'link', 'historical', 'note',
  sql<string | null>`valid_from::text`.as('valid_from'),
  sql<string | null>`valid_until::text`.as('valid_until'),
] as const;

type FundingSelected = Awaited<ReturnType<ReturnType<typeof selectFunding>['executeTakeFirstOrThrow']>>;

const selectFunding = (db: Db, tenantId: string) => db.selectFrom('roadmap_funding').select(FUNDING_COLUMNS).where('tenant_id', '=', tenantId);

const fundingOf = (r: FundingSelected): FundingRow => ({
  ...r,
  regions: storedJson<string[]>(r.regions),
  kinds: storedJson<string[]>(r.kinds),
  rate_text: storedJson<FundingRow['rate_text']>(r.rate_text),
  note: storedJson<FundingRow['note']>(r.note),
});

// json columns are written as their JSON text
const toDb = ({ regions, kinds, rate_text, note, ...plain }: Partial<FundingValues>) => ({
  ...plain,
  ...(regions !== undefined ? { regions: JSON.stringify(regions) } : {}),
  ...(kinds !== undefined ? { kinds: JSON.stringify(kinds) } : {}),
  ...(rate_text !== undefined ? { rate_text: JSON.stringify(rate_text) } : {}),
  ...(note !== undefined ? { note: JSON.stringify(note) } : {}),
});

export async function listFunding(db: Db, tenantId: string): Promise<FundingRow[]> {
  return (await selectFunding(db, tenantId).orderBy('position').orderBy('id').execute()).map(fundingOf);
}

export async function findFunding(db: Db, tenantId: string, id: string): Promise<FundingRow | undefined> {
  const row = await selectFunding(db, tenantId).where('id', '=', id).executeTakeFirst();
  return row ? fundingOf(row) : undefined;
}

export async function insertFunding(db: Db, tenantId: string, values: FundingValues[]): Promise<string[]> {
  if (values.length === 0) return [];
  const last = await db.selectFrom('roadmap_funding').select((eb) => eb.fn.max('position').as('p')).where('tenant_id', '=', tenantId).executeTakeFirst();
  const first = Number(last?.p ?? -1) + 1;
  const rows = values.map((v, i) => ({
    tenant_id: tenantId, id: uuidv7(), position: first + i,
    ...v, regions: JSON.stringify(v.regions), kinds: JSON.stringify(v.kinds), rate_text: JSON.stringify(v.rate_text), note: JSON.stringify(v.note),
  }));
  await db.insertInto('roadmap_funding').values(rows).execute();
  return rows.map((r) => r.id);
}

export async function updateFunding(db: Db, tenantId: string, id: string, values: Partial<FundingValues>) {
  await db.updateTable('roadmap_funding').set(toDb(values)).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteFunding(db: Db, tenantId: string, id: string) {
  await db.deleteFrom('roadmap_funding').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
