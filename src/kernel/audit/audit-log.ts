import type { Db } from '../db/database.js';
import { uuidv7 } from '../db/uuid-v7.js';

export interface AuditEntry {
  tenantId: string;
  actorId: string | null;
  /** Dotted action name, e.g. `member.role_changed`, `check.answers_saved`. */
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: entry.tenantId,
      id: uuidv7(),
      actor_id: entry.actorId,
      action: entry.action,
      target: entry.target ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** The log, newest first; `target` narrows it to the entries about one record (its id). */
export async function readAudit(db: Db, tenantId: string, options: { limit: number; before?: string; target?: string }) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.action', 'a.target', 'a.details', 'a.actor_id', 'u.name as actor_name'])
    .where('a.tenant_id', '=', tenantId)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(options.limit);
  if (options.before) q = q.where('a.id', '<', options.before);
  if (options.target) q = q.where('a.target', '=', options.target);
  return q.execute();
}
