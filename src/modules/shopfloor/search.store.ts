import { translate } from '../../kernel/i18n/server-messages.js';
import type { SearchHit, SearchProvider } from '../../kernel/search/search-provider.js';
import { textMatch } from '../../kernel/search/text-match.js';

/**
 * Production orders (number, customer reference, part), parts (number, name) and work centres
 * (code, name) for the global search. Each query reads one company's rows through the primary
 * key's `tenant_id`; the ILIKE filters them, best matches first, at most `limit`.
 */
export const shopfloorSearch: SearchProvider = {
  permission: 'shopfloor.read',
  kinds: {
    order: { de: 'Fertigungsaufträge', en: 'Production orders' },
    part: { de: 'Teile', en: 'Parts' },
    workCentre: { de: 'Arbeitsplätze', en: 'Work centres' },
  },
  async find(db, { tenantId, query, limit, locale }) {
    const orderMatch = textMatch(query, ['o.number', 'o.customer_reference', 'p.number', 'p.name']);
    const orders = await db
      .selectFrom('shopfloor_orders as o')
      .innerJoin('shopfloor_parts as p', (j) => j.onRef('p.tenant_id', '=', 'o.tenant_id').onRef('p.id', '=', 'o.part_id'))
      .select(['o.id', 'o.number', 'o.customer_reference', 'p.number as part_number', 'p.name as part_name'])
      .where('o.tenant_id', '=', tenantId)
      .where(orderMatch.where)
      .orderBy(textMatch(query, ['o.number']).rank)
      .orderBy(orderMatch.rank)
      .orderBy('o.number', 'desc')
      .limit(limit)
      .execute();
    const partMatch = textMatch(query, ['number', 'name']);
    const parts = await db
      .selectFrom('shopfloor_parts')
      .select(['id', 'number', 'name'])
      .where('tenant_id', '=', tenantId)
      .where(partMatch.where)
      .orderBy(partMatch.rank)
      .orderBy('number')
      .limit(limit)
      .execute();
    const centreMatch = textMatch(query, ['code', 'name']);
    const centres = await db
      .selectFrom('shopfloor_work_centres')
      .select(['id', 'code', 'name'])
      .where('tenant_id', '=', tenantId)
      .where(centreMatch.where)
      .orderBy(centreMatch.rank)
      .orderBy('code')
      .limit(limit)
      .execute();
    const t = (key: string, params: Record<string, string>) => translate(locale, `shopfloorSearch.${key}`, params);
    return [
      ...orders.map((o): SearchHit => ({
        kind: 'order',
        id: o.id,
        title: o.number,
        subtitle: [t('part', { number: o.part_number, name: o.part_name }), o.customer_reference ? t('customerReference', { reference: o.customer_reference }) : ''].filter(Boolean).join(' · '),
        path: `/shopfloor/orders/${o.id}`,
        // found through its part it ranks after orders whose own number or reference matches
        matched: [o.number, o.customer_reference],
      })),
      ...parts.map((p): SearchHit => ({ kind: 'part', id: p.id, title: p.name, subtitle: t('partNumber', { number: p.number }), path: `/shopfloor/parts/${p.id}`, matched: [p.number, p.name] })),
      ...centres.map((w): SearchHit => ({ kind: 'workCentre', id: w.id, title: w.name, subtitle: t('workCentreCode', { code: w.code }), path: `/shopfloor/work-centres/${w.id}`, matched: [w.code, w.name] })),
    ];
  },
};
