import { randomBytes } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import { USER_COLUMNS } from './company-export.js';
import { type IdMapping, UUID_PATTERN } from './id-mapping.js';
import { ImportProblem } from './import-problem.js';
import { insertExpression, insertText, kindOf } from './row-codec.js';
import type { ColumnInfo, TenantTableInfo } from './tenant-schema.js';

export function column(info: TenantTableInfo, name: string): ColumnInfo {
  return info.columns.find((c) => c.name === name)!;
}

interface Person {
  id: string;
  name: string;
  email: string | null;
  locale: string;
  created_at: string;
}

export function checkPerson(raw: Record<string, unknown>, row: number): Person {
  const bad = (why: string) => new ImportProblem('import_bad_row', { table: 'users', row }, why);
  for (const key of Object.keys(raw)) if (!USER_COLUMNS.some((c) => c.name === key)) throw new ImportProblem('import_unknown_column', { table: 'users', column: key });
  if (typeof raw.id !== 'string' || !UUID_PATTERN.test(raw.id)) throw bad('id');
  if (typeof raw.name !== 'string' || raw.name.trim() === '' || raw.name.length > 200) throw bad('name');
  if (raw.email !== null && raw.email !== undefined && (typeof raw.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(raw.email) || raw.email.length > 320)) throw bad('email');
  const locale = raw.locale === 'en' ? 'en' : 'de';
  const createdAt = typeof raw.created_at === 'string' && !Number.isNaN(Date.parse(raw.created_at)) ? raw.created_at : new Date().toISOString();
  return { id: raw.id.toLowerCase(), name: raw.name, email: typeof raw.email === 'string' ? raw.email : null, locale, created_at: createdAt };
}

const shapes = new WeakMap<TenantTableInfo, { personColumns: Set<string>; names: Set<string> }>();

/** A table's column names and the columns naming a person, worked out once per table, not per row. */
function shapeOf(info: TenantTableInfo) {
  let shape = shapes.get(info);
  if (!shape) {
    shape = {
      personColumns: new Set(info.foreignKeys.filter((fk) => fk.table === 'users' && fk.columns.length === 1).map((fk) => fk.columns[0]!)),
      names: new Set(info.columns.map((c) => c.name)),
    };
    shapes.set(info, shape);
  }
  return shape;
}

/**
 * One exported row checked and translated for this company: known columns only, the company's
 * own tenant_id, every id mapped (people to their accounts here), secrets filled.
 */
export function decodeRow(info: TenantTableInfo, raw: unknown, ids: IdMapping, table: string, row: number, secret: Set<string>): Record<string, unknown> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ImportProblem('import_bad_row', { table, row }, 'not an object');
  const source = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const { personColumns, names } = shapeOf(info);
  for (const key of Object.keys(source)) {
    if (!names.has(key)) throw new ImportProblem('import_unknown_column', { table, column: key });
  }
  for (const c of info.columns) {
    if (secret.has(c.name)) {
      // never exported: empty, the default, or an unguessable value nobody knows
      out[c.name] = c.nullable ? null : c.hasDefault ? undefined : randomBytes(32).toString('hex');
      continue;
    }
    if (!(c.name in source)) continue;
    const value = source[c.name];
    if (value === null) {
      out[c.name] = null;
      continue;
    }
    if (c.name === 'tenant_id' && table !== 'tenants') {
      if (typeof value !== 'string' || value.toLowerCase() !== ids.oldCompanyId) throw new ImportProblem('import_foreign_row', { table, row });
      out[c.name] = ids.newCompanyId;
      continue;
    }
    const kind = kindOf(c.type);
    if (c.type === 'uuid') {
      if (typeof value !== 'string' || !UUID_PATTERN.test(value)) throw new ImportProblem('import_bad_row', { table, row }, `${c.name} is not a UUID`);
      if (personColumns.has(c.name) && !ids.people.has(value.toLowerCase())) throw new ImportProblem('import_unknown_person', { table, row });
      out[c.name] = ids.map(value);
    } else if (kind === 'json') {
      out[c.name] = ids.mapJson(value);
    } else if (typeof value === 'string' && UUID_PATTERN.test(value)) {
      out[c.name] = ids.map(value);
    } else if (typeof value === 'object' && kind !== 'bytea') {
      throw new ImportProblem('import_bad_row', { table, row }, `${c.name} holds an object`);
    } else {
      out[c.name] = value;
    }
  }
  return out;
}

/**
 * One INSERT per batch: each column travels as one text array (unnest), so the statement stays
 * small and quick to plan however many rows it carries. A column some rows lack takes its default
 * (then one multi-row VALUES list).
 */
export async function insertRows(db: Db, info: TenantTableInfo, rows: Array<Record<string, unknown>>): Promise<void> {
  const columns = info.columns.filter((c) => rows.some((r) => r[c.name] !== undefined));
  if (!columns.some((c) => rows.some((r) => r[c.name] === undefined))) {
    const alias = (i: number) => sql.id(`c${i}`);
    const casts = columns.map((c, i) => (kindOf(c.type) === 'bytea' ? sql`decode(${alias(i)}, 'base64')` : sql`${alias(i)}::${sql.raw(c.type)}`));
    const arrays = columns.map((c) => sql`${rows.map((r) => insertText(c, r[c.name]))}::text[]`);
    await sql`insert into ${sql.id(info.name)} (${sql.join(columns.map((c) => sql.id(c.name)))})
      select ${sql.join(casts)} from unnest(${sql.join(arrays)}) as u(${sql.join(columns.map((_, i) => alias(i)))})`.execute(db);
    return;
  }
  const values = rows.map((r) => sql`(${sql.join(columns.map((c): RawBuilder<unknown> => (r[c.name] === undefined ? sql`default` : insertExpression(c, r[c.name]))))})`);
  await sql`insert into ${sql.id(info.name)} (${sql.join(columns.map((c) => sql.id(c.name)))}) values ${sql.join(values)}`.execute(db);
}
