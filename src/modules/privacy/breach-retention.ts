import type { PeriodRule } from '../../kernel/modules/retention-rule.js';

/** A closed breach and its notices are deleted once its documentation need not be shown any more. */
export const closedBreachRetention: PeriodRule = {
  kind: 'period',
  key: 'closed-breaches',
  from: { de: 'ab dem Abschluss des Vorfalls', en: 'from the closing of the breach' },
  months: 36,
  action: 'delete',
  async due(db, tenantId, cutoff, sampleSize) {
    const closed = db.selectFrom('privacy_breaches').where('tenant_id', '=', tenantId).where('closed_at', '<', cutoff);
    const [{ count }] = await closed.select((eb) => eb.fn.countAll<string>().as('count')).execute();
    const oldest = await closed.select(['title', 'closed_at']).orderBy('closed_at').limit(sampleSize).execute();
    return { count: Number(count), sample: oldest.map((r) => ({ what: { de: `Datenschutzvorfall „${r.title}“`, en: `Data breach “${r.title}”` }, at: new Date(r.closed_at!).toISOString() })) };
  },
  async apply(db, tenantId, cutoff) {
    // the notices go with their breach (foreign key on delete cascade)
    const result = await db.deleteFrom('privacy_breaches').where('tenant_id', '=', tenantId).where('closed_at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
