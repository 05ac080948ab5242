import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import { retentionEnforcementBody, retentionPeriodBody, retentionRuleParams } from './retention.schemas.js';
import * as service from './retention.service.js';

export const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: FastifyRequest): service.RetentionContext => {
    const tenant = tenantOf(request);
    return { db: app.wv.db, tenantId: tenant.tenantId, userId: tenant.userId, registry: app.wv.registry };
  };
  const base = '/companies/:companyId/privacy/retention';
  const tags = ['privacy'];

  app.get(base, {
    onRequest: requirePermission('privacy.read'),
    schema: { tags, summary: 'The retention rule of every declared category, what each would delete or anonymise now (dry run), whether the daily job enforces them, and the log of runs', params: companyParams },
  }, async (request) => service.getRetention(ctx(request)));

  app.put(`${base}/rules/:ruleKey`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'The period of a rule in months (not below a legal minimum)', params: retentionRuleParams, body: retentionPeriodBody },
  }, async (request) => service.setPeriod(ctx(request), request.params.ruleKey, request.body.months));

  app.put(`${base}/enforcement`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Let the daily job enforce the rules, or pause it with a reason (e.g. a legal hold)', params: companyParams, body: retentionEnforcementBody },
  }, async (request) => service.setEnforcement(ctx(request), request.body.enforced, request.body.pauseReason));

  app.post(`${base}/runs`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Delete or anonymise what is due now, and log it', params: companyParams },
  }, async (request, reply) => {
    const run = await service.runRetention(ctx(request), 'manual');
    return reply.status(201).send({ id: run.id, startedAt: run.startedAt.toISOString(), total: run.total, results: run.results });
  });
};
