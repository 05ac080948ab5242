import type { SearchProvider } from '../../kernel/search/search-provider.js';
import { textMatch } from '../../kernel/search/text-match.js';

/** Investment evaluations by title and description for the global search (one company's rows, ILIKE-filtered). */
export const investSearch: SearchProvider = {
  permission: 'invest.read',
  kinds: { evaluation: { de: 'Investitionsbewertungen', en: 'Investment evaluations' } },
  async find(db, { tenantId, query, limit }) {
    const match = textMatch(query, ['title', 'description']);
    const rows = await db
      .selectFrom('invest_evaluations')
      .select(['id', 'title', 'description'])
      .where('tenant_id', '=', tenantId)
      .where(match.where)
      .orderBy(match.rank)
      .orderBy('title')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: 'evaluation',
      id: r.id,
      title: r.title,
      subtitle: r.description.length > 80 ? `${r.description.slice(0, 79)}…` : r.description || undefined,
      path: `/invest/${r.id}`,
      matched: [r.title],
    }));
  },
};
