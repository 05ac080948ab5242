import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { ImportMode } from './domain/import-plan.js';
import type { RowProblem } from './import-rows.js';

export type ImportKind = 'customers' | 'contacts' | 'orders';
export type ImportState = 'uploaded' | 'checked' | 'done';

export interface ImportRun {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileHash: string;
  fileFormat: 'csv' | 'xlsx';
  numberLocale: 'de' | 'en';
  header: string[];
  rowCount: number;
  mapping: Array<string | null>;
  mode: ImportMode | null;
  state: ImportState;
  savedCount: number | null;
  rejectedCount: number | null;
  problems: Array<{ line: number; problems: RowProblem[] }> | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = [
  'id', 'kind', 'file_name', 'file_hash', 'file_format', 'number_locale', 'header', 'row_count', 'mapping', 'mode', 'state', 'saved_count', 'rejected_count',
  'problems', 'created_at', 'finished_at',
] as const;

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

type Row = {
  id: string; kind: string; file_name: string; file_hash: string; file_format: string; number_locale: string; header: unknown; row_count: number; mapping: unknown;
  mode: string | null; state: string; saved_count: number | null; rejected_count: number | null; problems: unknown; created_at: Date; finished_at: Date | null;
};

const toRun = (r: Row): ImportRun => ({
  id: r.id,
  kind: r.kind as ImportKind,
  fileName: r.file_name,
  fileHash: r.file_hash,
  fileFormat: r.file_format as 'csv' | 'xlsx',
  numberLocale: r.number_locale as 'de' | 'en',
  header: json(r.header),
  rowCount: Number(r.row_count),
  mapping: json(r.mapping),
  mode: r.mode as ImportMode | null,
  state: r.state as ImportState,
  savedCount: r.saved_count === null ? null : Number(r.saved_count),
  rejectedCount: r.rejected_count === null ? null : Number(r.rejected_count),
  problems: r.problems === null ? null : json(r.problems),
  createdAt: new Date(r.created_at),
  finishedAt: r.finished_at === null ? null : new Date(r.finished_at),
});

export interface NewImportRun {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileHash: string;
  fileFormat: 'csv' | 'xlsx';
  numberLocale: 'de' | 'en';
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
  mapping: Array<string | null>;
  createdBy: string | null;
}

export async function insertRun(db: Db, tenantId: string, run: NewImportRun): Promise<void> {
  await db
    .insertInto('customer_import_runs')
    .values({
      tenant_id: tenantId, id: run.id, kind: run.kind, file_name: run.fileName, file_hash: run.fileHash, file_format: run.fileFormat, number_locale: run.numberLocale,
      header: JSON.stringify(run.header), rows: JSON.stringify(run.rows), row_count: run.rows.length, mapping: JSON.stringify(run.mapping), state: 'uploaded', created_by: run.createdBy,
    })
    .execute();
}

export async function findRun(db: Db, tenantId: string, id: string): Promise<ImportRun | undefined> {
  const row = await db.selectFrom('customer_import_runs').select(COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toRun(row as Row) : undefined;
}

/** The run's rows, locked against a second run at the same time. */
export async function lockRows(db: Db, tenantId: string, id: string): Promise<{ state: ImportState; rows: Array<{ line: number; cells: string[] }> }> {
  const row = await db.selectFrom('customer_import_runs').select(['state', 'rows']).where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  return { state: row.state as ImportState, rows: json(row.rows) };
}

export async function readRows(db: Db, tenantId: string, id: string, limit?: number): Promise<Array<{ line: number; cells: string[] }>> {
  const row = await db.selectFrom('customer_import_runs').select('rows').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirstOrThrow();
  const rows = json<Array<{ line: number; cells: string[] }>>(row.rows);
  return limit === undefined ? rows : rows.slice(0, limit);
}

export async function updateRun(
  db: Db,
  tenantId: string,
  id: string,
  set: Partial<{ mapping: Array<string | null>; state: ImportState; mode: ImportMode; savedCount: number; rejectedCount: number; problems: unknown; dropRows: boolean }>,
): Promise<void> {
  await db
    .updateTable('customer_import_runs')
    .set({
      ...(set.mapping ? { mapping: JSON.stringify(set.mapping) } : {}),
      ...(set.state ? { state: set.state } : {}),
      ...(set.mode ? { mode: set.mode } : {}),
      ...(set.savedCount !== undefined ? { saved_count: set.savedCount } : {}),
      ...(set.rejectedCount !== undefined ? { rejected_count: set.rejectedCount } : {}),
      ...(set.problems !== undefined ? { problems: JSON.stringify(set.problems) } : {}),
      ...(set.dropRows ? { rows: '[]', finished_at: new Date() } : {}),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Earlier imports of the same file (by hash) that saved something. */
export async function sameFileRuns(db: Db, tenantId: string, hash: string, exceptId: string): Promise<Array<{ id: string; finishedAt: Date; savedCount: number }>> {
  const rows = await db
    .selectFrom('customer_import_runs')
    .select(['id', 'finished_at', 'saved_count'])
    .where('tenant_id', '=', tenantId)
    .where('file_hash', '=', hash)
    .where('state', '=', 'done')
    .where('id', '!=', exceptId)
    .orderBy('finished_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, finishedAt: new Date(r.finished_at!), savedCount: Number(r.saved_count ?? 0) }));
}

export async function listRuns(db: Db, tenantId: string, limit = 20): Promise<ImportRun[]> {
  const rows = await db.selectFrom('customer_import_runs').select(COLUMNS).where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map((r) => toRun(r as Row));
}

/** Numbers and former numbers of the customers not merged away → id. */
export async function customerNumbers(db: Db, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('customers').select(['id', 'number', 'aliases']).where('tenant_id', '=', tenantId).where('merged_into', 'is', null).execute();
  const map = new Map<string, string>();
  for (const r of rows) {
    map.set(r.number, r.id);
    for (const alias of r.aliases) if (!map.has(alias)) map.set(alias, r.id);
  }
  return map;
}

/** Reserves `count` numbers of a counter at once; returns the first. */
export async function reserveCounter(db: Db, tenantId: string, kind: string, count: number, scope = ''): Promise<number> {
  const row = await db
    .insertInto('customer_counters')
    .values({ tenant_id: tenantId, kind, scope, last_value: count })
    .onConflict((oc) => oc.columns(['tenant_id', 'kind', 'scope']).doUpdateSet({ last_value: sql<number>`customer_counters.last_value + ${count}` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value) - count + 1;
}

/** "customer id|customer reference" of the company's orders with a reference (an order imported twice is named). */
export async function orderReferences(db: Db, tenantId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('customer_orders').select(['customer_id', 'customer_reference']).where('tenant_id', '=', tenantId).where('customer_reference', '!=', '').execute();
  return new Set(rows.map((r) => `${r.customer_id}|${r.customer_reference}`));
}
