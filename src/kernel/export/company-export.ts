import { strToU8, zipSync } from 'fflate';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ModuleRegistry } from '../modules/module-registry.js';

export const EXPORT_FORMAT = 'werkverbund-company-export';
export const EXPORT_FORMAT_VERSION = 1;

/** Every table of the schema that carries a tenant_id column. */
export async function tenantTables(db: Db): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(db);
  return result.rows.map((r) => r.table_name);
}

/**
 * All of a company's data as a ZIP: `manifest.json` plus one JSON file per table. Tables are
 * found in the schema, not only in the manifests, so a table a module forgets to declare is
 * still exported (and a test insists that each one is declared).
 */
export async function exportCompany(db: Db, registry: ModuleRegistry, tenantId: string, appVersion: string) {
  const declared = new Map<string, { moduleId: string; secret: string[] }>();
  for (const m of registry.modules) {
    for (const table of m.tables) {
      const secret = (m.secretColumns ?? []).filter((c) => c.startsWith(`${table}.`)).map((c) => c.slice(table.length + 1));
      declared.set(table, { moduleId: m.id, secret });
    }
  }
  const files: Record<string, Uint8Array> = {};
  const tables: Array<{ name: string; module: string; file: string; rows: number }> = [];
  const put = (name: string, moduleId: string, rows: unknown[]) => {
    const file = `tables/${name}.json`;
    files[file] = strToU8(JSON.stringify(rows, null, 2));
    tables.push({ name, module: moduleId, file, rows: rows.length });
  };

  const company = await db.selectFrom('tenants').selectAll().where('id', '=', tenantId).execute();
  put('tenants', 'platform', company);
  const people = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale', 'u.created_at'])
    .where('m.tenant_id', '=', tenantId)
    .execute();
  put('users', 'platform', people);

  for (const table of await tenantTables(db)) {
    const info = declared.get(table) ?? { moduleId: 'undeclared', secret: [] };
    const rows = await db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).execute();
    const cleaned = rows.map((row) => {
      const copy = { ...row };
      for (const column of info.secret) delete copy[column];
      return copy;
    });
    put(table, info.moduleId, cleaned);
  }
  const manifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    application: { name: 'Werkverbund', version: appVersion },
    exportedAt: new Date().toISOString(),
    company: { id: tenantId, name: company[0]?.name },
    modules: registry.modules.map((m) => m.id),
    tables,
  };
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return { zip: zipSync(files, { level: 6 }), manifest };
}
