import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeAudit } from '../../kernel/audit/audit-log.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import * as service from './check.service.js';
import { getQuestionnaire } from './questionnaire/questionnaires.js';
import { checkParams, checkSettingsBody, saveAnswersBody } from './schemas.js';

export const checkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry } = app.wv;
  const ctx = (request: FastifyRequest): service.CheckContext => ({ db, registry, tenant: tenantOf(request) });
  const base = '/companies/:companyId/check';
  const tags = ['check'];

  app.get(`${base}/questionnaire`, {
    onRequest: requirePermission('check.read'),
    schema: { tags, summary: 'The current questionnaire (items, sections, dimensions; German and English)', params: companyParams },
  }, async () => getQuestionnaire());

  app.get(`${base}/runs`, {
    onRequest: requirePermission('check.read'),
    schema: { tags, summary: 'Checks of the company, newest first', params: companyParams },
  }, async (request) => service.listChecks(ctx(request)));

  app.post(`${base}/runs`, {
    onRequest: requirePermission('check.manage'),
    schema: { tags, summary: 'Start a new check (one may be open at a time)', params: companyParams },
  }, async (request, reply) => reply.status(201).send(await service.startCheck(ctx(request))));

  app.get(`${base}/runs/:checkId`, {
    onRequest: requirePermission('check.read'),
    schema: { tags, summary: 'A check with the caller\'s own answers and progress', params: checkParams },
  }, async (request) => service.checkDetail(ctx(request), request.params.checkId));

  app.put(`${base}/runs/:checkId/answers`, {
    onRequest: requirePermission('check.answer'),
    schema: { tags, summary: 'Save some of the caller\'s answers (null removes one)', params: checkParams, body: saveAnswersBody },
  }, async (request) => service.saveAnswers(ctx(request), request.params.checkId, request.body.answers));

  app.post(`${base}/runs/:checkId/complete`, {
    onRequest: requirePermission('check.manage'),
    schema: { tags, summary: 'Combine all respondents\' answers and freeze the result', params: checkParams },
  }, async (request) => service.completeCheck(ctx(request), request.params.checkId));

  app.get(`${base}/runs/:checkId/result`, {
    onRequest: requirePermission('check.read'),
    schema: { tags, summary: 'Scores, classifications, benchmarks, agreement, peers and history', params: checkParams },
  }, async (request) => service.checkResult(ctx(request), request.params.checkId));

  app.get(`${base}/settings`, {
    onRequest: requirePermission('check.read'),
    schema: { tags, summary: 'Whether the company takes part in the anonymous peer comparison', params: companyParams },
  }, async (request) => ({ peerOptIn: await service.getPeerOptIn(db, tenantOf(request).tenantId) }));

  app.put(`${base}/settings`, {
    onRequest: requirePermission('check.settings'),
    schema: { tags, summary: 'Opt in or out of the anonymous peer comparison', params: companyParams, body: checkSettingsBody },
  }, async (request) => {
    const t = tenantOf(request);
    await inTransaction(db, async (trx) => {
      await service.setPeerOptIn(trx, t.tenantId, request.body.peerOptIn);
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'check.peer_opt_in', details: request.body });
    });
    return request.body;
  });
};
