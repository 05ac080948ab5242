import type { PeriodRule } from '../../kernel/modules/retention-rule.js';

/** The view log of customer links: who opened a link (shortened address, browser family) goes after three months. */
export const shareLinkViewRetention: PeriodRule = {
  kind: 'period',
  key: 'share-link-views',
  from: { de: 'ab dem Aufruf', en: 'from the view' },
  months: 3,
  action: 'delete',
  async due(db, tenantId, cutoff, sampleSize) {
    const views = db.selectFrom('customer_share_link_views as v').where('v.tenant_id', '=', tenantId).where('v.viewed_at', '<', cutoff);
    const [{ count }] = await views.select((eb) => eb.fn.countAll<string>().as('count')).execute();
    const oldest = await views
      .innerJoin('customer_share_links as l', (j) => j.onRef('l.tenant_id', '=', 'v.tenant_id').onRef('l.id', '=', 'v.link_id'))
      .innerJoin('customer_orders as o', (j) => j.onRef('o.tenant_id', '=', 'l.tenant_id').onRef('o.id', '=', 'l.order_id'))
      .select(['v.viewed_at', 'o.number'])
      .orderBy('v.viewed_at')
      .limit(sampleSize)
      .execute();
    return {
      count: Number(count),
      sample: oldest.map((r) => ({
        what: { de: `Aufruf des Kundenlinks zu Auftrag ${r.number}`, en: `View of the customer link to order ${r.number}` },
        at: new Date(r.viewed_at).toISOString(),
      })),
    };
  },
  async apply(db, tenantId, cutoff) {
    const deleted = await db.deleteFrom('customer_share_link_views').where('tenant_id', '=', tenantId).where('viewed_at', '<', cutoff).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  },
};
