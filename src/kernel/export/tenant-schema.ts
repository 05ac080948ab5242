import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** One column of a tenant table as the database declares it. */
export interface ColumnInfo {
  name: string;
  /** `format_type` of the column, e.g. `uuid`, `timestamp with time zone`, `numeric`, `text[]`. */
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

export interface ForeignKeyInfo {
  columns: string[];
  table: string;
}

export interface TenantTableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Foreign keys to other tables, except the company itself (tenants). */
  foreignKeys: ForeignKeyInfo[];
}

/**
 * Every table of the schema that carries a tenant_id column: base tables and partitioned parents
 * (their partitions live in other schemas and are reached through the parent).
 */
export async function tenantTables(db: Db): Promise<string[]> {
  // the catalogue itself, not information_schema: its views cost the embedded database a few hundred ms
  const result = await sql<{ table_name: string }>`
    select c.relname as table_name from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where n.nspname = current_schema() and c.relkind in ('r', 'p')
    order by c.relname`.execute(db);
  return result.rows.map((r) => r.table_name);
}

/** Columns, primary key and foreign keys of the tenant tables, read from the catalogue. */
export async function describeTenantTables(db: Db): Promise<Map<string, TenantTableInfo>> {
  return describeTables(db, await tenantTables(db));
}

/** Columns, primary key and foreign keys (except those to tenants) of these tables. */
export async function describeTables(db: Db, names: string[]): Promise<Map<string, TenantTableInfo>> {
  const tables = new Map<string, TenantTableInfo>();
  for (const name of names) tables.set(name, { name, columns: [], primaryKey: [], foreignKeys: [] });
  const columns = await sql<{ table_name: string; name: string; type: string; notnull: boolean; hasdefault: boolean }>`
    select c.relname as table_name, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
      a.attnotnull as notnull, a.atthasdef as hasdefault
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relname = any(${names}::text[]) and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  for (const c of columns.rows) {
    tables.get(c.table_name)?.columns.push({ name: c.name, type: c.type, nullable: !c.notnull, hasDefault: c.hasdefault });
  }
  // the embedded database answers in the event loop's thread: let other requests in between
  await yieldToEventLoop();
  const constraints = await sql<{ table_name: string; contype: string; columns: string[]; ref_table: string | null }>`
    select c.relname as table_name, k.contype,
      array(select a.attname from unnest(k.conkey) with ordinality u(attnum, i)
            join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum order by u.i)::text[] as columns,
      r.relname as ref_table
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_class r on r.oid = k.confrelid
    where n.nspname = current_schema() and c.relname = any(${names}::text[]) and k.contype in ('p', 'f') and k.conparentid = 0
    order by c.relname, k.conname`.execute(db);
  for (const k of constraints.rows) {
    const table = tables.get(k.table_name);
    if (!table) continue;
    const cols = typeof k.columns === 'string' ? parseTextArray(k.columns) : k.columns;
    if (k.contype === 'p') table.primaryKey = cols;
    else if (k.ref_table && k.ref_table !== 'tenants') table.foreignKeys.push({ columns: cols, table: k.ref_table });
  }
  return tables;
}

/** `{a,b}` as PostgreSQL prints a text array (a driver without an array parser). */
function parseTextArray(text: string): string[] {
  return text.replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((s) => s.replace(/^"|"$/g, ''));
}

/**
 * The tables in an order in which every row's references are inserted before it: referenced
 * tables first (references within a table are resolved by the importer), `last` at the end
 * (derived tables that triggers clear while their sources are written). Ties by name.
 */
export function dependencyOrder(tables: Map<string, TenantTableInfo>, last: ReadonlySet<string> = new Set()): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`foreign keys form a cycle through ${name}`);
    state.set(name, 'visiting');
    const table = tables.get(name)!;
    for (const fk of [...table.foreignKeys].sort((a, b) => a.table.localeCompare(b.table))) {
      if (fk.table !== name && tables.has(fk.table)) visit(fk.table);
    }
    state.set(name, 'done');
    order.push(name);
  };
  const names = [...tables.keys()].sort();
  for (const name of names) if (!last.has(name)) visit(name);
  for (const name of names) if (last.has(name)) visit(name);
  return order;
}
