import { z } from 'zod';
import type { Db } from '../db/database.js';
import type { Locale } from '../i18n/server-messages.js';
import type { ModuleRegistry } from '../modules/module-registry.js';
import { readAudit } from './audit-log.js';
import { auditSentence } from './audit-sentence.js';

export interface AuditView {
  id: string;
  at: Date;
  action: string;
  target: string | null;
  details: unknown;
  /** What happened, as a sentence in the reader's language. */
  text: string;
  actor: { id: string; name: string | null } | null;
}

/**
 * Audit entries as the API answers them: newest first, each with its sentence. With `target`,
 * only the entries about that record — a detail page's history.
 */
export async function auditView(
  db: Db, registry: ModuleRegistry, tenantId: string, locale: Locale,
  options: { limit: number; before?: string; target?: string },
): Promise<AuditView[]> {
  const rows = await readAudit(db, tenantId, options);
  const moduleName = (id: string) => registry.get(id)?.name;
  return rows.map((r) => ({
    id: r.id, at: r.at, action: r.action, target: r.target, details: r.details,
    text: auditSentence(locale, r, moduleName),
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name } : null,
  }));
}

/** Query of a module's `…/:id/history` route: how many entries, older than which, in which language. */
export const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.uuid().optional(),
  lang: z.enum(['de', 'en']).optional(),
});
