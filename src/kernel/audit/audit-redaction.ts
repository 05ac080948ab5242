import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { containsPattern } from '../db/like-pattern.js';

/** What a redacted text reads as in the audit log. */
export const REDACTED = '***';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function redactValue(value: unknown, pattern: RegExp): unknown {
  if (typeof value === 'string') return value.replace(pattern, REDACTED);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, pattern));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, pattern)]));
  return value;
}

/**
 * Replaces the texts that identify an erased person (name, e-mail, phone) in the company's audit
 * entries, case-insensitively: the entries stay — who did what and when — without the person.
 * Returns how many entries changed. Runs inside the caller's transaction.
 */
export async function redactAuditLog(db: Db, tenantId: string, texts: readonly string[]): Promise<number> {
  const wanted = [...new Set(texts.map((t) => t.trim()).filter((t) => t.length >= 3))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return 0;
  const pattern = new RegExp(wanted.map(escapeRegExp).join('|'), 'gi');
  const likes = wanted.map((t) => containsPattern(t.toLowerCase()));
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'target', 'details'])
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or(likes.flatMap((like) => [sql<boolean>`lower(details::text) like ${like}`, sql<boolean>`lower(coalesce(target, '')) like ${like}`])))
    .execute();
  let changed = 0;
  for (const row of rows) {
    const details = typeof row.details === 'string' ? JSON.parse(row.details) : row.details;
    const next = { target: row.target === null ? null : String(redactValue(row.target, pattern)), details: redactValue(details, pattern) };
    if (next.target === row.target && JSON.stringify(next.details) === JSON.stringify(details)) continue;
    await db.updateTable('audit_log').set({ target: next.target, details: JSON.stringify(next.details) }).where('tenant_id', '=', tenantId).where('id', '=', row.id).execute();
    changed++;
  }
  return changed;
}
