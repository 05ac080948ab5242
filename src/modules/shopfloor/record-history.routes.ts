import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditView, historyQuery } from '../../kernel/audit/record-history.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import { partParams, workCentreParams } from './schemas.js';
import * as service from './shopfloor.service.js';

/**
 * The history of a part or a work centre on its detail page: the audit entries about it, as
 * sentences. Whoever may see the record sees who changed it (the whole log stays with `audit.read`).
 */
export const shopfloorHistoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry } = app.wv;
  const base = '/companies/:companyId/shopfloor';
  const tags = ['shopfloor'];
  const read = requirePermission('shopfloor.read');

  app.get(`${base}/parts/:partId/history`, {
    onRequest: read,
    schema: { tags, summary: 'Who changed the part and its routing, and when (newest first, as sentences)', params: partParams, querystring: historyQuery },
  }, async (request) => {
    const tenant = tenantOf(request);
    await service.getPart({ db, tenant, locale: request.locale }, request.params.partId);
    return auditView(db, registry, tenant.tenantId, request.query.lang ?? request.locale, { ...request.query, target: request.params.partId });
  });

  app.get(`${base}/work-centres/:workCentreId/history`, {
    onRequest: read,
    schema: { tags, summary: 'Who changed the work centre, its shift calendar and holidays, and when (newest first, as sentences)', params: workCentreParams, querystring: historyQuery },
  }, async (request) => {
    const tenant = tenantOf(request);
    await service.getWorkCentre({ db, tenant, locale: request.locale }, request.params.workCentreId);
    return auditView(db, registry, tenant.tenantId, request.query.lang ?? request.locale, { ...request.query, target: request.params.workCentreId });
  });
};
