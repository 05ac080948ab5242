import { rm } from 'node:fs/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { ModuleRegistry } from '../modules/module-registry.js';
import { toArchiveValue } from './row-codec.js';
import { type PageReader, type PagedSource, keysetPages, pagesOf } from './table-pages.js';
import { type ColumnInfo, type TenantTableInfo, dependencyOrder, describeTables, describeTenantTables } from './tenant-schema.js';
import { ZipFileWriter } from './zip-file-writer.js';

export { tenantTables } from './tenant-schema.js';

export const EXPORT_FORMAT = 'werkverbund-company-export' as const;
/** 1: one JSON array per table (until 2026-12); 2: JSON lines, bytea as base64, exact timestamps. */
export const EXPORT_FORMAT_VERSION = 2;

export interface ManifestTable {
  name: string;
  module: string;
  file: string;
  rows: number;
  columns?: Array<{ name: string; type: string }>;
}

export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  encoding?: 'json-lines';
  application: { name: string; version: string };
  exportedAt: string;
  company: { id: string; name?: string };
  modules: string[];
  tables: ManifestTable[];
}

/** Account fields of the people in an export; never the password hash (nor anything added later by accident). */
export const USER_COLUMNS: ColumnInfo[] = [
  { name: 'id', type: 'uuid', nullable: false, hasDefault: false },
  { name: 'name', type: 'text', nullable: false, hasDefault: false },
  { name: 'email', type: 'text', nullable: true, hasDefault: false },
  { name: 'locale', type: 'text', nullable: false, hasDefault: true },
  { name: 'created_at', type: 'timestamp with time zone', nullable: false, hasDefault: true },
];

export interface ExportOptions {
  /** Rows read per query (keyset pagination through the primary key). */
  batchSize?: number;
  onProgress?: (progress: { table: string; rows: number }) => void;
  /** How pages are read; the primary-key index range unless a benchmark compares another way. */
  pages?: PageReader;
}

/** Tables computed from others, which the modules ask to be written (and imported) after everything else. */
export function derivedTablesOf(registry: ModuleRegistry): Set<string> {
  return new Set(registry.modules.flatMap((m) => m.derivedTables ?? []));
}

/** Secret columns per table (never exported) and the module owning each table. */
function declarations(registry: ModuleRegistry) {
  const declared = new Map<string, { moduleId: string; secret: Set<string> }>();
  for (const m of registry.modules) {
    for (const table of m.tables) {
      const secret = (m.secretColumns ?? []).filter((c) => c.startsWith(`${table}.`)).map((c) => c.slice(table.length + 1));
      declared.set(table, { moduleId: m.id, secret: new Set(secret) });
    }
  }
  return declared;
}

/**
 * All of a company's data as a ZIP file at `path`: `manifest.json` plus one JSON-lines file per
 * table (`tables/<table>.jsonl`, one row per line), `tenants` and `users` (the people who are or
 * were members, without password) first, then the tables in dependency order. Tables are found
 * in the schema, not only in the manifests, so a table a module forgets to declare is still
 * exported. Rows are read in batches inside one repeatable-read transaction (a consistent
 * snapshot) and compressed as they come: memory stays constant and the event loop free.
 */
export async function exportCompanyToFile(db: Db, registry: ModuleRegistry, tenantId: string, appVersion: string, path: string, options: ExportOptions = {}): Promise<ExportManifest> {
  const batchSize = options.batchSize ?? 1000;
  const declared = declarations(registry);
  const writer = new ZipFileWriter(path);
  try {
    const manifest = await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const pages = options.pages ?? keysetPages;
      await pages.prepare(trx);
      const schema = await describeTenantTables(trx);
      const tenantsInfo = (await describeTables(trx, ['tenants'])).get('tenants')!;
      const tables: ManifestTable[] = [];
      const dump = async (name: string, moduleId: string, columns: ColumnInfo[], key: ColumnInfo[], from: RawBuilder<unknown>, tenantTable = true) => {
        const file = `tables/${name}.jsonl`;
        const entry = writer.entry(file);
        const source: PagedSource = { table: name, columns, key, from, tenantId: tenantTable ? tenantId : undefined };
        let rows = 0;
        for await (const page of pagesOf(trx, source, batchSize, pages)) {
          let text = '';
          for (const row of page) {
            const out: Record<string, unknown> = {};
            for (const c of columns) out[c.name] = toArchiveValue(c, row[c.name]);
            text += `${JSON.stringify(out)}\n`;
          }
          await entry.write(text);
          rows += page.length;
          options.onProgress?.({ table: name, rows });
          // other requests are served between two pages (the embedded database blocks while it reads)
          await yieldToEventLoop();
        }
        await entry.end();
        tables.push({ name, module: moduleId, file, rows, columns: columns.map((c) => ({ name: c.name, type: c.type })) });
      };

      await dump('tenants', 'platform', tenantsInfo.columns, [], sql`from tenants where id = ${tenantId}`, false);
      const company = await trx.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst();
      // everyone the company's rows point at: members, and former members still named in the history
      const people = [...schema.values()].flatMap((t) =>
        t.foreignKeys.filter((fk) => fk.table === 'users' && fk.columns.length === 1).map((fk) =>
          sql`select ${sql.id(fk.columns[0]!)} from ${sql.id(t.name)} where tenant_id = ${tenantId}`));
      const userKey = USER_COLUMNS.filter((c) => c.name === 'id');
      await dump('users', 'platform', USER_COLUMNS, userKey, sql`from users where id in (${sql.join(people, sql` union `)})`, false);

      for (const name of dependencyOrder(schema, derivedTablesOf(registry))) {
        const info = schema.get(name)!;
        const decl = declared.get(name) ?? { moduleId: 'undeclared', secret: new Set<string>() };
        const columns = info.columns.filter((c) => !decl.secret.has(c.name));
        await dump(name, decl.moduleId, columns, keyColumns(info), sql`from ${sql.id(name)} where tenant_id = ${tenantId}`);
      }
      return {
        format: EXPORT_FORMAT,
        formatVersion: EXPORT_FORMAT_VERSION,
        encoding: 'json-lines' as const,
        application: { name: 'Werkverbund', version: appVersion },
        exportedAt: new Date().toISOString(),
        company: { id: tenantId, name: company?.name },
        modules: registry.modules.map((m) => m.id),
        tables,
      };
    });
    const entry = writer.entry('manifest.json');
    await entry.write(JSON.stringify(manifest, null, 2));
    await entry.end();
    await writer.close();
    return manifest;
  } catch (error) {
    writer.abort();
    await rm(path, { force: true });
    throw error;
  }
}

/** The primary key without tenant_id: what orders a company's rows for keyset pagination. */
function keyColumns(table: TenantTableInfo): ColumnInfo[] {
  if (table.primaryKey.length === 0) throw new Error(`table ${table.name} has no primary key`);
  return table.primaryKey.filter((k) => k !== 'tenant_id').map((k) => table.columns.find((c) => c.name === k)!);
}
