import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { companyParams } from '../http/company.routes.js';
import { requirePermission, tenantOf } from '../http/guards.js';
import { rankHits } from './rank-hits.js';
import type { SearchHit } from './search-provider.js';

const searchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(20).default(5),
  /** The language of kinds and subtitles when not the account's (the page's language just switched). */
  lang: z.enum(['de', 'en']).optional(),
});

const searchResult = z.object({
  query: z.string(),
  hits: z.array(z.object({ kind: z.string(), kindLabel: z.string(), id: z.string(), title: z.string(), subtitle: z.string().optional(), path: z.string() })),
});

/**
 * The global search: asks every switched-on module with a `search` whose permission the caller
 * holds, and ranks all hits together (equal, then starting with the query, then a word starting
 * with it, then containing it).
 */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry, access } = app.wv;

  app.get('/companies/:companyId/search', {
    onRequest: requirePermission('company.read'),
    schema: {
      tags: ['search'],
      summary: 'Find orders, parts, machines, measures, customers, people … of the company by number or name',
      params: companyParams,
      querystring: searchQuery,
      response: { 200: searchResult },
    },
  }, async (request) => {
    const t = tenantOf(request);
    const { q, limit } = request.query;
    const locale = request.query.lang ?? request.locale;
    const states = await access.moduleStates(db, registry, t.tenantId);
    const permissions = new Set(registry.permissionsOf(t.role));
    const providers = registry.modules.filter((m) => m.search && states.some((s) => s.id === m.id && s.enabled) && permissions.has(m.search.permission));
    const found: Array<SearchHit & { kindLabel: string }> = [];
    for (const m of providers) {
      const provider = m.search!;
      const hits = await provider.find(db, { tenantId: t.tenantId, userId: t.userId, role: t.role, permissions, query: q, limit, locale });
      const perKind = new Map<string, number>();
      for (const hit of hits) {
        const label = provider.kinds[hit.kind];
        if (!label) throw new Error(`search of ${m.id} returned the undeclared kind ${hit.kind}`);
        const n = (perKind.get(hit.kind) ?? 0) + 1;
        perKind.set(hit.kind, n);
        if (n <= limit) found.push({ ...hit, kind: `${m.id}.${hit.kind}`, kindLabel: label[locale] });
      }
    }
    const kindOrder = providers.flatMap((m) => Object.keys(m.search!.kinds).map((k) => `${m.id}.${k}`));
    const ranked = rankHits(found, q, kindOrder, locale);
    return { query: q, hits: ranked.map(({ kind, kindLabel, id, title, subtitle, path }) => ({ kind, kindLabel, id, title, subtitle, path })) };
  });
};
