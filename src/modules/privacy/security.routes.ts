import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import * as check from './security-check.service.js';
import * as concept from './security-concept.service.js';
import { answerBody, conceptSectionParams, sectionBody, securityRequirementParams } from './security-schemas.js';
import { langQuery } from './schemas.js';

export const securityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry } = app.wv;
  const ctx = (request: FastifyRequest): check.SecurityContext => ({ db, tenant: tenantOf(request), registry });
  const base = '/companies/:companyId/privacy/security';
  const tags = ['privacy'];

  app.get(`${base}/check`, {
    onRequest: requirePermission('privacy.read'),
    schema: { tags, summary: 'The IT-security self-check (after the structure of DIN SPEC 27076): requirements, answers, status with the gaps', params: companyParams },
  }, async (request) => check.getCheck(ctx(request)));

  app.put(`${base}/check/answers/:securityRequirementId`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Answer one requirement (met, partly, not_met, not_applicable where allowed; null makes it open again) with a note', params: securityRequirementParams, body: answerBody },
  }, async (request) => check.answer(ctx(request), request.params.securityRequirementId, request.body));

  app.get(`${base}/concept`, {
    onRequest: requirePermission('privacy.read'),
    schema: { tags, summary: 'The security concept: the adopted version, the draft, the versions and who has acknowledged the current one', params: companyParams },
  }, async (request) => concept.getConcept(ctx(request)));

  app.post(`${base}/concept/draft`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: '(Re)generate the draft from the answers, members, roles and modules; the firm\'s edits stay, changed sections are named', params: companyParams },
  }, async (request, reply) => reply.status(201).send(await concept.generateDraft(ctx(request))));

  app.put(`${base}/concept/draft/sections/:sectionKey`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'The firm\'s own text of a draft section (null: back to the generated text)', params: conceptSectionParams, body: sectionBody },
  }, async (request) => concept.editDraftSection(ctx(request), request.params.sectionKey, request.body.text));

  app.post(`${base}/concept/adopt`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Adopt the draft: review due in a year; every member acknowledges the new version', params: companyParams },
  }, async (request) => concept.adoptDraft(ctx(request)));

  app.get(`${base}/concept/mine`, {
    onRequest: requirePermission('privacy.acknowledge'),
    schema: { tags, summary: 'The adopted security concept as every member reads it, with the caller\'s acknowledgement', params: companyParams },
  }, async (request) => concept.myConcept(ctx(request)));

  app.post(`${base}/concept/acknowledge`, {
    onRequest: requirePermission('privacy.acknowledge'),
    schema: { tags, summary: 'The caller confirms knowing the adopted security concept (any member, for themselves)', params: companyParams },
  }, async (request) => concept.acknowledgeConcept(ctx(request)));

  app.get(`${base}/concept.pdf`, {
    onRequest: requirePermission('privacy.acknowledge'),
    schema: { tags, summary: 'The adopted security concept (or the draft for those who keep it) as PDF', params: companyParams, querystring: langQuery },
  }, async (request, reply) => {
    const lang = request.query.lang ?? (request.locale === 'en' ? 'en' : 'de');
    const tenant = tenantOf(request);
    const full = registry.roleHas(tenant.role, 'privacy.read') ? await concept.getConcept(ctx(request)) : null;
    const { conceptReport } = await import('./concept-report.js');
    const pdf = await conceptReport(db, tenant.tenantId, full, await concept.myConcept(ctx(request)), lang);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${lang === 'en' ? 'security-concept' : 'sicherheitskonzept'}.pdf"`)
      .send(pdf);
  });
};
