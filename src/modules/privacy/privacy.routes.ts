import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import * as service from './breaches.service.js';
import * as record from './processing-record.service.js';
import { skillsRoutes } from './skills.routes.js';
import { securityRoutes } from './security.routes.js';
import { retentionRoutes } from './retention.routes.js';
import { subjectRequestRoutes } from './subject-requests.routes.js';
import { activityParams, breachBody, breachParams, completionBody, controllerBody, langQuery, noticeBody, recordVersionParams } from './schemas.js';

export const privacyRoutes: FastifyPluginAsyncZod = async (app, options) => {
  await retentionRoutes(app, options);
  const { db } = app.wv;
  const ctx = (request: FastifyRequest): service.PrivacyContext => ({ db, tenant: tenantOf(request) });
  const base = '/companies/:companyId/privacy';
  const tags = ['privacy'];

  app.get(`${base}/breaches`, {
    onRequest: requirePermission('privacy.read'),
    schema: { tags, summary: 'Personal-data breaches, open ones first, each with its 72-hour clock and open duties', params: companyParams },
  }, async (request) => service.listBreaches(ctx(request)));

  app.post(`${base}/breaches`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Record a breach with the moment it became known (the 72 hours run from then)', params: companyParams, body: breachBody },
  }, async (request, reply) => reply.status(201).send(await service.recordBreach(ctx(request), request.body)));

  app.get(`${base}/breaches/:breachId`, {
    onRequest: requirePermission('privacy.read'),
    schema: { tags, summary: 'A breach with its clock, duties, the drafted notice (Art. 33 (3)) and the notices given', params: breachParams },
  }, async (request) => service.getBreach(ctx(request), request.params.breachId));

  app.put(`${base}/breaches/:breachId`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Correct or complete an open breach (the audit log keeps which fields changed)', params: breachParams, body: breachBody },
  }, async (request) => service.updateBreach(ctx(request), request.params.breachId, request.body));

  app.post(`${base}/breaches/:breachId/notices`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Record a notice given to the authority or to the people concerned, with its content at that moment', params: breachParams, body: noticeBody },
  }, async (request, reply) => reply.status(201).send(await service.giveNotice(ctx(request), request.params.breachId, request.body)));

  app.post(`${base}/breaches/:breachId/close`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Close a breach once every duty is met or documented (409 lists the open ones)', params: breachParams },
  }, async (request) => service.closeBreach(ctx(request), request.params.breachId));

  app.post(`${base}/breaches/:breachId/reopen`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Reopen a closed breach', params: breachParams },
  }, async (request) => service.reopenBreach(ctx(request), request.params.breachId));

  // the PDF library is loaded on first use: it would add to every start
  app.get(`${base}/breaches/:breachId/report.pdf`, {
    onRequest: requirePermission('privacy.read'),
    schema: { tags, summary: 'The breach documentation (Art. 33 (5)) with the drafted notice, as PDF', params: breachParams, querystring: langQuery },
  }, async (request, reply) => {
    const breach = await service.getBreach(ctx(request), request.params.breachId);
    const lang = request.query.lang ?? request.locale;
    const { breachReport } = await import('./breach-report.js');
    const pdf = await breachReport(breach, lang);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${lang === 'en' ? 'breach-report' : 'datenschutzvorfall'}.pdf"`)
      .send(pdf);
  });

  const recordCtx = (request: FastifyRequest): record.RecordContext => ({ db, tenant: tenantOf(request), registry: app.wv.registry });

  app.get(`${base}/record`, {
    onRequest: requirePermission('privacy.read'),
    schema: { tags, summary: 'The record of processing activities (Art. 30) as it stands, the changes since the last confirmed version, what is missing, and the versions', params: companyParams },
  }, async (request) => record.getRecord(recordCtx(request)));

  app.put(`${base}/record/controller`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'The controller, its representative and data protection officer (a), and the technical and organisational measures (g)', params: companyParams, body: controllerBody },
  }, async (request) => record.updateController(recordCtx(request), request.body));

  app.put(`${base}/record/activities/:activityKey`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Complete an activity: recipients, processors (d) and transfers to third countries (e)', params: activityParams, body: completionBody },
  }, async (request) => record.completeActivity(recordCtx(request), request.params.activityKey, request.body));

  app.post(`${base}/record/versions`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Confirm the record as it stands as a new version (409 when nothing changed since the last one)', params: companyParams },
  }, async (request, reply) => reply.status(201).send(await record.confirmVersion(recordCtx(request))));

  app.get(`${base}/record/versions/:recordVersion`, {
    onRequest: requirePermission('privacy.read'),
    schema: { tags, summary: 'A confirmed version of the record, as it was confirmed (JSON export)', params: recordVersionParams },
  }, async (request) => record.getVersion(recordCtx(request), request.params.recordVersion));

  app.get(`${base}/record.pdf`, {
    onRequest: requirePermission('privacy.read'),
    schema: { tags, summary: 'The record of processing activities as it stands, as PDF', params: companyParams, querystring: langQuery },
  }, async (request, reply) => {
    const current = await record.getRecord(recordCtx(request));
    const lang = request.query.lang ?? request.locale;
    const { recordReport } = await import('./record-report.js');
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${lang === 'en' ? 'processing-record' : 'verarbeitungsverzeichnis'}.pdf"`)
      .send(await recordReport(current, lang));
  });

  await app.register(skillsRoutes);
  await app.register(securityRoutes);
  await app.register(subjectRequestRoutes);
};
