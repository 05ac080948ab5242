import type { Db } from '../../kernel/db/database.js';
import { storedJson } from '../../kernel/db/stored-json.js';
import type { ActivityCompletion, Controller, ProcessingRecord, RecordChange } from './domain/processing-record.js';

export async function findController(db: Db, tenantId: string): Promise<Controller | undefined> {
  const row = await db.selectFrom('privacy_record_controller').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  return row && { name: row.name, address: row.address, contact: row.contact, representative: row.representative, dataProtectionOfficer: row.data_protection_officer, measures: row.measures };
}

export async function saveController(db: Db, tenantId: string, c: Controller): Promise<void> {
  const columns = { name: c.name, address: c.address, contact: c.contact, representative: c.representative, data_protection_officer: c.dataProtectionOfficer, measures: c.measures, updated_at: new Date() };
  await db.insertInto('privacy_record_controller').values({ tenant_id: tenantId, ...columns }).onConflict((oc) => oc.column('tenant_id').doUpdateSet(columns)).execute();
}

export async function completions(db: Db, tenantId: string): Promise<Map<string, ActivityCompletion>> {
  const rows = await db.selectFrom('privacy_record_activities').selectAll().where('tenant_id', '=', tenantId).execute();
  return new Map(rows.map((r) => [r.key, { recipients: r.recipients, processors: r.processors, thirdCountries: r.third_countries }]));
}

export async function saveCompletion(db: Db, tenantId: string, key: string, c: ActivityCompletion): Promise<void> {
  const columns = { recipients: c.recipients, processors: c.processors, third_countries: c.thirdCountries, updated_at: new Date() };
  await db.insertInto('privacy_record_activities').values({ tenant_id: tenantId, key, ...columns }).onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet(columns)).execute();
}

export interface StoredVersion {
  version: number;
  confirmedAt: Date;
  confirmedBy: string | null;
  content: ProcessingRecord;
  changes: RecordChange[];
}

const asVersion = (r: { version: number; confirmed_at: Date; confirmed_by: string | null; content: unknown; changes: unknown }): StoredVersion => ({
  version: r.version,
  confirmedAt: new Date(r.confirmed_at),
  confirmedBy: r.confirmed_by,
  content: storedJson<ProcessingRecord>(r.content as never),
  changes: storedJson<RecordChange[]>(r.changes as never),
});

/** Every version, newest first. */
export async function listVersions(db: Db, tenantId: string): Promise<StoredVersion[]> {
  const rows = await db.selectFrom('privacy_record_versions').selectAll().where('tenant_id', '=', tenantId).orderBy('version', 'desc').execute();
  return rows.map(asVersion);
}

export async function findVersion(db: Db, tenantId: string, version: number): Promise<StoredVersion | undefined> {
  const row = await db.selectFrom('privacy_record_versions').selectAll().where('tenant_id', '=', tenantId).where('version', '=', version).executeTakeFirst();
  return row && asVersion(row);
}

export async function insertVersion(db: Db, tenantId: string, v: Omit<StoredVersion, 'confirmedAt'>): Promise<void> {
  await db.insertInto('privacy_record_versions').values({ tenant_id: tenantId, version: v.version, confirmed_by: v.confirmedBy, content: JSON.stringify(v.content), changes: JSON.stringify(v.changes) }).execute();
}
