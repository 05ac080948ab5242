import type { PeriodRule } from '../modules/retention-rule.js';

/** The audit log is kept for a number of months, then its entries are deleted, oldest first. */
export const auditLogRetention: PeriodRule = {
  kind: 'period',
  key: 'audit-log',
  from: { de: 'ab dem Eintrag', en: 'from the entry' },
  months: 36,
  action: 'delete',
  async due(db, tenantId, cutoff, sampleSize) {
    const [{ count }] = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('count')).where('tenant_id', '=', tenantId).where('at', '<', cutoff).execute();
    const oldest = await db.selectFrom('audit_log').select('at').where('tenant_id', '=', tenantId).where('at', '<', cutoff).orderBy('at').limit(sampleSize).execute();
    return { count: Number(count), sample: oldest.map((r) => ({ what: { de: 'Eintrag im Änderungsprotokoll', en: 'Audit log entry' }, at: new Date(r.at).toISOString() })) };
  },
  async apply(db, tenantId, cutoff) {
    const result = await db.deleteFrom('audit_log').where('tenant_id', '=', tenantId).where('at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
