import { sql, type RawBuilder } from 'kysely';
import type { ColumnInfo } from './tenant-schema.js';

/**
 * How a column travels in the archive (format version 2): numbers, booleans and JSON as
 * themselves; bytea as base64; timestamps with time zone as ISO 8601 in UTC with microseconds;
 * everything else (uuid, text, date, numeric, bigint, arrays, …) as PostgreSQL prints it, so
 * nothing is rounded on the way (a JavaScript Date would cut microseconds, a Number a bigint).
 */
type Kind = 'plain' | 'json' | 'bytea' | 'timestamptz' | 'float' | 'text';

export function kindOf(type: string): Kind {
  if (type === 'boolean' || type === 'integer' || type === 'smallint') return 'plain';
  if (type === 'json' || type === 'jsonb') return 'json';
  if (type === 'bytea') return 'bytea';
  if (type === 'timestamp with time zone') return 'timestamptz';
  if (type === 'double precision' || type === 'real') return 'float';
  return 'text';
}

const ident = (name: string) => sql.id(name);

/** The select expression that reads a column in its archive form. */
export function selectExpression(column: ColumnInfo): RawBuilder<unknown> {
  const c = ident(column.name);
  switch (kindOf(column.type)) {
    case 'plain':
    case 'json':
      return sql`${c}`;
    case 'bytea':
      return sql`translate(encode(${c}, 'base64'), E'\n', '')`;
    case 'timestamptz':
      return sql`case when isfinite(${c}) then to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') else ${c}::text end`;
    default:
      return sql`${c}::text`;
  }
}

/** A value read by `selectExpression`, as it is written to the archive. */
export function toArchiveValue(column: ColumnInfo, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kindOf(column.type) === 'float') {
    const n = Number(value);
    return Number.isFinite(n) ? n : String(value);
  }
  return value;
}

/**
 * The SQL expression that turns a parameter from the archive into the column's value. Every value
 * is sent as text and cast by the database, so both drivers (pg, PGlite) treat it the same way.
 */
export function insertExpression(column: ColumnInfo, value: unknown): RawBuilder<unknown> {
  if (value === null || value === undefined) return sql`null`;
  const kind = kindOf(column.type);
  if (kind === 'bytea') return sql`decode(${byteaBase64(value)}::text, 'base64')`;
  if (kind !== 'json' && typeof value === 'object') throw new TypeError(`column ${column.name} holds an object`);
  const text = kind === 'json' ? JSON.stringify(value) : String(value);
  return sql`${text}::text::${sql.raw(column.type)}`;
}

/** A value from the archive as the text the database casts into the column (null stays null). */
export function insertText(column: ColumnInfo, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const kind = kindOf(column.type);
  if (kind === 'bytea') return byteaBase64(value);
  if (kind !== 'json' && typeof value === 'object') throw new TypeError(`column ${column.name} holds an object`);
  return kind === 'json' ? JSON.stringify(value) : String(value);
}

/** Base64 of a bytea value; exports of format version 1 wrote Node Buffers as `{type: 'Buffer', data: […]}`. */
function byteaBase64(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) {
    return Buffer.from((value as { data: number[] }).data).toString('base64');
  }
  throw new TypeError('bytea value is neither base64 text nor a Buffer object');
}
