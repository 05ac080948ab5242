import type { Db, Row } from '../db/database.js';
import { uuidv7 } from '../db/uuid-v7.js';
import type { CompanyProfile } from '../profile/company-profile.js';
import type { ModuleRegistry } from '../modules/module-registry.js';

const PROFILE_COLUMNS = {
  employees: 'employees',
  industry: 'industry',
  valueChain: 'value_chain',
  series: 'series',
  complexity: 'complexity',
  state: 'state',
  region: 'region',
} as const;

export interface Company {
  id: string;
  name: string;
  profile: CompanyProfile;
}

/**
 * Creates a company with its first owner and switches on the modules enabled by default; inside the
 * caller's transaction when `db` is one, else in its own.
 */
export async function createCompany(db: Db, registry: ModuleRegistry, input: { name: string; ownerId: string; profile?: CompanyProfile }) {
  const id = uuidv7();
  const inTransaction = (work: (trx: Db) => Promise<void>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
  await inTransaction(async (trx) => {
    await trx.insertInto('tenants').values({ id, name: input.name, ...profileToRow(input.profile ?? {}) }).execute();
    await trx.insertInto('memberships').values({ tenant_id: id, user_id: input.ownerId, role: 'owner' }).execute();
    const defaults = registry.modules.filter((m) => !m.core && m.enabledByDefault);
    if (defaults.length > 0) {
      await trx
        .insertInto('tenant_modules')
        .values(defaults.map((m) => ({ tenant_id: id, module_id: m.id, enabled: true, changed_by: input.ownerId })))
        .execute();
    }
  });
  return id;
}

export async function getCompany(db: Db, tenantId: string): Promise<Company | undefined> {
  const row = await db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
  return row ? rowToCompany(row) : undefined;
}

export async function updateCompany(db: Db, tenantId: string, patch: { name?: string; profile?: CompanyProfile }) {
  const values: Record<string, unknown> = { updated_at: new Date() };
  if (patch.name !== undefined) values.name = patch.name;
  if (patch.profile) Object.assign(values, profileToRow(patch.profile, true));
  await db.updateTable('tenants').set(values).where('id', '=', tenantId).execute();
}

function profileToRow(profile: CompanyProfile, includeEmpty = false): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(PROFILE_COLUMNS)) {
    const value = profile[key as keyof CompanyProfile];
    if (value !== undefined || includeEmpty) row[column] = value ?? null;
  }
  return row;
}

function rowToCompany(row: Row<'tenants'>): Company {
  const profile: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(PROFILE_COLUMNS)) {
    if (row[column] !== null) profile[key] = row[column];
  }
  // the profile columns are written only through companyProfileSchema (profileToRow) or a checked import
  return { id: row.id, name: row.name, profile: profile as CompanyProfile };
}

/** Size and industry of companies (the grouping keys of anonymous comparisons), by company id. */
export async function companyGroupingKeys(db: Db, tenantIds: readonly string[]): Promise<Map<string, { employees: number | null; industry: string | null }>> {
  if (tenantIds.length === 0) return new Map();
  const rows = await db.selectFrom('tenants').select(['id', 'employees', 'industry']).where('id', 'in', [...tenantIds]).execute();
  return new Map(rows.map((r) => [r.id, { employees: r.employees, industry: r.industry }]));
}
