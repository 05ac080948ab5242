import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { sql } from 'kysely';
import { writeAudit } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { uuidv7 } from '../db/uuid-v7.js';
import type { ModuleRegistry } from '../modules/module-registry.js';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportManifest, derivedTablesOf } from './company-export.js';
import { IdMapping, UUID_PATTERN } from './id-mapping.js';
import { insertExpression } from './row-codec.js';
import { dependencyOrder, describeTables, describeTenantTables } from './tenant-schema.js';
import { ArchiveError, ZipFileReader } from './zip-file-reader.js';
import { collect, rows } from './import-archive-rows.js';
import { ImportProblem } from './import-problem.js';
import { checkPerson, column, decodeRow, insertRows } from './import-rows.js';


export interface ImportProgress {
  phase: 'checking' | 'importing' | 'done';
  table?: string;
  rowsDone: number;
  rowsTotal: number;
}

export interface ImportOptions {
  /** The person importing: becomes owner of the new company. */
  ownerId: string;
  /** A name for the new company instead of the exported one. */
  name?: string;
  /** Unpacked size the archive may declare (default 20 GiB). */
  maxUnpackedBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Run the modules' preparations (creating partitions) in a pass before the import's transaction:
   * right on a database server, where DDL inside the transaction would lock the partitioned table
   * until it ends; wrong on the embedded database, whose one connection the transaction holds.
   * Partitions so created stay when the import fails (they are empty and dropped by retention).
   */
  hooksOutsideTransaction?: boolean;
  /** The secret from which new ids are derived; random unless a test must reproduce the mapping. */
  idSalt?: Buffer;
}

export interface ImportResult {
  tenantId: string;
  name: string;
  /** Whether the company's ids were replaced (it exists on this instance already). */
  newIds: boolean;
  people: { linked: number; created: number };
  /** Exported person id → account id here. */
  personIds: Record<string, string>;
  rows: number;
}


/**
 * Creates a new company from an export archive (format 1 or 2) in one transaction: everything
 * or nothing. Tables are read in dependency order (referenced rows first, derived tables last),
 * each as a stream of rows inserted in batches, so memory stays constant.
 *
 * People: someone whose e-mail address has an account here is linked to that account (it is not
 * changed); anyone else gets a new account without password (and, for PIN-only workers, without
 * e-mail address), who cannot sign in until a password (or PIN) is set. The importing person becomes
 * owner. Secrets that are never exported (PIN hashes, token hashes of terminals, devices and
 * invitations, connection passwords, webhook secrets) are empty or replaced by random values:
 * PINs, terminals, device tokens, connection passwords and webhook secrets must be set again.
 */
export async function importCompanyFromFile(db: Db, registry: ModuleRegistry, path: string, options: ImportOptions): Promise<ImportResult> {
  let archive: ZipFileReader;
  try {
    archive = await ZipFileReader.open(path, { maxUnpackedBytes: options.maxUnpackedBytes ?? 20 * 1024 ** 3 });
  } catch (error) {
    throw archiveProblem(error);
  }
  const where = { table: '' };
  try {
    return await importArchive(db, registry, archive, options, where);
  } catch (error) {
    if (error instanceof ImportProblem) throw error;
    if (error instanceof ArchiveError) throw archiveProblem(error);
    throw databaseProblem(error, where.table) ?? error;
  } finally {
    archive.close();
  }
}

function archiveProblem(error: unknown): ImportProblem {
  if (error instanceof ArchiveError) {
    if (error.reason === 'not_zip') return new ImportProblem('import_not_zip', {}, error.message);
    if (error.reason === 'too_large') return new ImportProblem('import_too_large', {}, error.message);
    return new ImportProblem('import_corrupt', {}, error.message);
  }
  return new ImportProblem('import_corrupt', {}, (error as Error).message);
}

/** Rows the database refuses (wrong type, broken reference, duplicate, check) are bad input. */
function databaseProblem(error: unknown, table: string): ImportProblem | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !/^(22|23)/.test(code)) return undefined;
  return new ImportProblem('import_rows_refused', { table: (error as { table?: string }).table || table }, (error as Error).message);
}

async function readManifest(archive: ZipFileReader): Promise<ExportManifest> {
  if (!archive.has('manifest.json')) throw new ImportProblem('import_not_export');
  let manifest: ExportManifest;
  try {
    manifest = JSON.parse(await archive.text('manifest.json', 16 * 1024 * 1024)) as ExportManifest;
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ImportProblem('import_not_export', {}, (error as Error).message);
  }
  if (!manifest || typeof manifest !== 'object' || manifest.format !== EXPORT_FORMAT) throw new ImportProblem('import_not_export');
  if (manifest.formatVersion !== 1 && manifest.formatVersion !== EXPORT_FORMAT_VERSION) {
    throw new ImportProblem('import_version', { version: String(manifest.formatVersion), supported: EXPORT_FORMAT_VERSION });
  }
  if (typeof manifest.company?.id !== 'string' || !UUID_PATTERN.test(manifest.company.id) || !Array.isArray(manifest.tables)) {
    throw new ImportProblem('import_not_export', {}, 'manifest without company id or tables');
  }
  for (const t of manifest.tables) {
    if (!t || typeof t.name !== 'string' || typeof t.file !== 'string' || !archive.has(t.file)) {
      throw new ImportProblem('import_missing_file', { file: String(t?.file ?? t?.name) });
    }
  }
  return manifest;
}

async function importArchive(db: Db, registry: ModuleRegistry, archive: ZipFileReader, options: ImportOptions, current: { table: string }): Promise<ImportResult> {
  const report = options.onProgress ?? (() => undefined);
  const manifest = await readManifest(archive);
  const byName = new Map(manifest.tables.map((t) => [t.name, t]));
  const rowsTotal = manifest.tables.reduce((sum, t) => sum + (Number(t.rows) || 0), 0);
  let rowsDone = 0;
  report({ phase: 'checking', rowsDone, rowsTotal });

  const schema = await describeTenantTables(db);
  for (const t of manifest.tables) {
    if (t.name !== 'tenants' && t.name !== 'users' && !schema.has(t.name)) throw new ImportProblem('import_unknown_table', { table: t.name });
  }
  if (!byName.has('tenants') || !byName.has('users')) throw new ImportProblem('import_missing_file', { file: 'tables/tenants' });
  const oldCompanyId = manifest.company.id.toLowerCase();
  const secrets = new Map<string, Set<string>>();
  for (const m of registry.modules) {
    for (const c of m.secretColumns ?? []) {
      const [table, column] = c.split('.') as [string, string];
      if (!secrets.has(table)) secrets.set(table, new Set());
      secrets.get(table)!.add(column);
    }
  }
  const hooks = new Map<string, NonNullable<(typeof registry.modules)[number]['beforeImportRows']>>();
  for (const m of registry.modules) for (const t of m.tables) if (m.beforeImportRows) hooks.set(t, m.beforeImportRows);
  const derived = derivedTablesOf(registry);
  if (options.hooksOutsideTransaction) {
    // a pass of its own before the transaction: DDL inside it (a new partition) would wait for
    // locks the transaction holds, or hold them until it ends
    for (const [table, hook] of hooks) {
      const entry = byName.get(table);
      if (!entry) continue;
      let batch: Array<Record<string, unknown>> = [];
      for await (const raw of rows(archive, manifest, entry)) {
        if (raw && typeof raw === 'object') batch.push(raw as Record<string, unknown>);
        if (batch.length >= 5000) {
          await hook(db, table, batch);
          batch = [];
        }
      }
      if (batch.length) await hook(db, table, batch);
    }
  }

  const result = await db.transaction().execute(async (trx) => {
    // the company: a copy gets new ids throughout, a move keeps them
    const tenantsInfo = (await describeTables(trx, ['tenants'])).get('tenants')!;
    const companyRows = await collect(archive, manifest, byName.get('tenants')!, 2);
    const exported = companyRows[0];
    if (companyRows.length !== 1 || !exported || String(exported.id).toLowerCase() !== oldCompanyId) {
      throw new ImportProblem('import_foreign_row', { table: 'tenants', row: 1 });
    }
    const exists = await trx.selectFrom('tenants').select('id').where('id', '=', oldCompanyId).executeTakeFirst();
    const fresh = exists !== undefined;
    const ids = new IdMapping(oldCompanyId, fresh ? uuidv7() : oldCompanyId, fresh, options.idSalt);
    const name = options.name ?? String(exported.name ?? '');
    current.table = 'tenants';
    await insertRows(trx, tenantsInfo, [{ ...decodeRow(tenantsInfo, exported, ids, 'tenants', 1, new Set()), id: ids.newCompanyId, name }]);

    // people: linked by e-mail address, or new accounts without password
    const people = { linked: 0, created: 0 };
    const users = await collect(archive, manifest, byName.get('users')!, 100_000);
    for (const [i, raw] of users.entries()) {
      const row = checkPerson(raw, i + 1);
      const existing = row.email
        ? await trx.selectFrom('users').select('id').where(sql`lower(email)`, '=', row.email.toLowerCase()).executeTakeFirst()
        : undefined;
      if (existing) {
        ids.people.set(row.id, existing.id);
        people.linked++;
        continue;
      }
      const taken = fresh || (await trx.selectFrom('users').select('id').where('id', '=', row.id).executeTakeFirst());
      const id = taken ? uuidv7() : row.id;
      await trx.insertInto('users').values({
        id, email: row.email?.toLowerCase() ?? null, name: row.name, locale: row.locale, password_hash: null,
        created_at: sql`${row.created_at}::text::timestamptz`,
      }).execute();
      ids.people.set(row.id, id);
      people.created++;
    }
    rowsDone += companyRows.length + users.length;
    report({ phase: 'importing', table: 'users', rowsDone, rowsTotal });

    for (const tableName of dependencyOrder(schema, derived)) {
      const entry = byName.get(tableName);
      if (!entry) continue;
      const info = schema.get(tableName)!;
      current.table = tableName;
      const secret = secrets.get(tableName) ?? new Set<string>();
      const selfRefs = info.foreignKeys.filter((fk) => fk.table === tableName).flatMap((fk) => fk.columns.filter((c) => c !== 'tenant_id'));
      const pending: Array<Record<string, unknown>> = [];
      if (derived.has(tableName)) await sql`delete from ${sql.id(tableName)} where tenant_id = ${ids.newCompanyId}`.execute(trx);
      const perBatch = 500;
      let batch: Array<Record<string, unknown>> = [];
      const flush = async () => {
        if (batch.length === 0) return;
        if (!options.hooksOutsideTransaction) await hooks.get(tableName)?.(trx, tableName, batch);
        await insertRows(trx, info, batch);
        rowsDone += batch.length;
        batch = [];
        report({ phase: 'importing', table: tableName, rowsDone, rowsTotal });
        await yieldToEventLoop();
      };
      let line = 0;
      for await (const raw of rows(archive, manifest, entry)) {
        line++;
        const row = decodeRow(info, raw, ids, tableName, line, secret);
        if (tableName === 'memberships' && row.user_id === options.ownerId) row.role = 'owner';
        if (selfRefs.some((c) => row[c] !== null && row[c] !== undefined)) {
          pending.push(Object.fromEntries([...info.primaryKey, ...selfRefs].map((c) => [c, row[c]])));
          for (const c of selfRefs) row[c] = null;
        }
        batch.push(row);
        if (batch.length >= perBatch) await flush();
      }
      await flush();
      for (const p of pending) {
        const set = sql.join(selfRefs.map((c) => sql`${sql.id(c)} = ${insertExpression(column(info, c), p[c])}`));
        const where = sql.join(info.primaryKey.map((c) => sql`${sql.id(c)} = ${insertExpression(column(info, c), p[c])}`), sql` and `);
        await sql`update ${sql.id(tableName)} set ${set} where ${where}`.execute(trx);
      }
    }

    current.table = 'memberships';
    const owner = await trx.selectFrom('memberships').select('role').where('tenant_id', '=', ids.newCompanyId).where('user_id', '=', options.ownerId).executeTakeFirst();
    if (!owner) await trx.insertInto('memberships').values({ tenant_id: ids.newCompanyId, user_id: options.ownerId, role: 'owner' }).execute();
    await writeAudit(trx, {
      tenantId: ids.newCompanyId, actorId: options.ownerId, action: 'company.imported', target: name,
      details: { exportedAt: manifest.exportedAt, fromVersion: manifest.application?.version, newIds: fresh, people, rows: rowsDone },
    });
    return { tenantId: ids.newCompanyId, name, newIds: fresh, people, personIds: Object.fromEntries(ids.people), rows: rowsDone };
  });
  report({ phase: 'done', rowsDone, rowsTotal });
  return result;
}
