import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditView, historyQuery } from '../../kernel/audit/record-history.js';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import * as service from './invest.service.js';
import { compareQuery, evaluationBody, evaluationParams } from './schemas.js';

export const investRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry } = app.wv;
  const ctx = (request: FastifyRequest): service.InvestContext => ({ db, tenant: tenantOf(request) });
  const base = '/companies/:companyId/invest';
  const tags = ['invest'];

  app.get(`${base}/evaluations`, {
    onRequest: requirePermission('invest.read'),
    schema: { tags, summary: 'Investment evaluations with the figures of the expected case, newest first', params: companyParams },
  }, async (request) => service.listEvaluations(ctx(request)));

  app.post(`${base}/evaluations`, {
    onRequest: requirePermission('invest.edit'),
    schema: { tags, summary: 'Create an evaluation (defaults: 5 years, 8 %, default deviations and criteria)', params: companyParams, body: evaluationBody },
  }, async (request, reply) => reply.status(201).send(await service.createEvaluation(ctx(request), request.body)));

  app.get(`${base}/evaluations/:evaluationId`, {
    onRequest: requirePermission('invest.read'),
    schema: { tags, summary: 'An evaluation with its inputs, yearly cash flows, figures per scenario and utility score', params: evaluationParams },
  }, async (request) => service.getEvaluation(ctx(request), request.params.evaluationId));

  app.get(`${base}/evaluations/:evaluationId/history`, {
    onRequest: requirePermission('invest.read'),
    schema: { tags, summary: 'Who created and changed the evaluation, and when (newest first, as sentences); whoever may read it sees it', params: evaluationParams, querystring: historyQuery },
  }, async (request) => {
    await service.getEvaluation(ctx(request), request.params.evaluationId);
    return auditView(db, registry, tenantOf(request).tenantId, request.query.lang ?? request.locale, { ...request.query, target: request.params.evaluationId });
  });

  app.put(`${base}/evaluations/:evaluationId`, {
    onRequest: requirePermission('invest.edit'),
    schema: { tags, summary: 'Replace an evaluation\'s inputs, scenarios and criteria', params: evaluationParams, body: evaluationBody },
  }, async (request) => service.updateEvaluation(ctx(request), request.params.evaluationId, request.body));

  app.delete(`${base}/evaluations/:evaluationId`, {
    onRequest: requirePermission('invest.edit'),
    schema: { tags, summary: 'Delete an evaluation', params: evaluationParams },
  }, async (request, reply) => {
    await service.deleteEvaluation(ctx(request), request.params.evaluationId);
    return reply.status(204).send();
  });

  app.get(`${base}/compare`, {
    onRequest: requirePermission('invest.read'),
    schema: { tags, summary: 'Compare 2–4 evaluations: money figures and utility score on common weights', params: companyParams, querystring: compareQuery },
  }, async (request) => service.compareEvaluations(ctx(request), request.query.ids));
};
