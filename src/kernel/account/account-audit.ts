import { writeAudit } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';

/** Account events belong to the person, not a company: they are recorded in every company's log. */
export async function auditAccountEvent(db: Db, userId: string, action: string, target?: string, details?: Record<string, unknown>) {
  const companies = await db.selectFrom('memberships').select('tenant_id').where('user_id', '=', userId).execute();
  for (const c of companies) await writeAudit(db, { tenantId: c.tenant_id, actorId: userId, action, target, details });
}
