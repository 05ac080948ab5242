import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import type { Locale } from '../../kernel/i18n/server-messages.js';
import { langQuery } from './schemas.js';
import * as service from './subject-requests.service.js';
import { closeBody, erasureBody, extendBody, linkBody, peopleQuery, requestBody, requestParams, unlinkBody } from './subject-requests.schemas.js';

/** Data-subject requests (GDPR Art. 12, 15–17) under `/companies/:companyId/privacy/requests`. */
export const subjectRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry } = app.wv;
  const ctx = (request: FastifyRequest): service.SubjectRequestContext => ({ db, registry, tenant: tenantOf(request), locale: request.locale as Locale });
  const base = '/companies/:companyId/privacy/requests';
  const tags = ['privacy'];
  const read = { onRequest: requirePermission('privacy.read') };
  const manage = { onRequest: requirePermission('privacy.manage') };

  app.get(base, { ...read, schema: { tags, summary: 'Data-subject requests, open ones first, each with its deadline (Art. 12 (3)) and state', params: companyParams } },
    async (request) => service.listRequests(ctx(request)));

  app.post(base, { ...manage, schema: { tags, summary: 'Record a request (access, erasure or rectification) with the day it arrived; the month runs from then', params: companyParams, body: requestBody } },
    async (request, reply) => reply.status(201).send(await service.createRequest(ctx(request), request.body)));

  app.get(`${base}/:requestId`, { ...read, schema: { tags, summary: 'A request with its deadline, the people linked to it, what its erasure did, and its log', params: requestParams } },
    async (request) => service.getRequest(ctx(request), request.params.requestId));

  app.put(`${base}/:requestId`, { ...manage, schema: { tags, summary: 'Correct an open request (the log keeps which details changed)', params: requestParams, body: requestBody } },
    async (request) => service.updateRequest(ctx(request), request.params.requestId, request.body));

  app.get(`${base}/:requestId/people`, { ...read, schema: { tags, summary: 'Find the person in every switched-on module by name, e-mail address, phone or personnel number', params: requestParams, querystring: peopleQuery } },
    async (request) => service.searchPeople(ctx(request), request.params.requestId, request.query.q));

  app.post(`${base}/:requestId/people`, { ...manage, schema: { tags, summary: 'Link people the search found to the request (looked up again by the same search)', params: requestParams, body: linkBody } },
    async (request) => service.linkPeople(ctx(request), request.params.requestId, request.body.query, request.body.people));

  app.post(`${base}/:requestId/people/unlink`, { ...manage, schema: { tags, summary: 'Unlink a person from the request', params: requestParams, body: unlinkBody } },
    async (request) => service.unlinkPerson(ctx(request), request.params.requestId, request.body.moduleId, request.body.ref));

  app.get(`${base}/:requestId/export`, { ...read, schema: { tags, summary: 'Everything the modules hold about the linked people, as JSON (Art. 15 (3), Art. 20)', params: requestParams } },
    async (request, reply) => reply.header('content-disposition', 'attachment; filename="personal-data.json"').send(await service.exportRequest(ctx(request), request.params.requestId)));

  // the PDF library is loaded on first use: it would add to every start
  app.get(`${base}/:requestId/export.pdf`, { ...read, schema: { tags, summary: 'The same export as a readable PDF', params: requestParams, querystring: langQuery } },
    async (request, reply) => {
      const data = await service.exportRequest(ctx(request), request.params.requestId);
      const lang = request.query.lang ?? (request.locale as Locale);
      const { subjectExportReport } = await import('./subject-export-report.js');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${lang === 'en' ? 'personal-data' : 'personenbezogene-daten'}.pdf"`)
        .send(await subjectExportReport(data, lang));
    });

  app.get(`${base}/:requestId/erasure`, { ...read, schema: { tags, summary: 'What an erasure would do: what goes, what stays and why, and what stands in its way (nothing is changed)', params: requestParams } },
    async (request) => service.previewErasure(ctx(request), request.params.requestId));

  app.post(`${base}/:requestId/erasure`, { ...manage, schema: { tags, summary: 'Erase or anonymise the linked people across modules in one transaction (409 when something stands in the way)', params: requestParams, body: erasureBody } },
    async (request) => service.runErasure(ctx(request), request.params.requestId));

  app.post(`${base}/:requestId/extend`, { ...manage, schema: { tags, summary: 'Extend the deadline by one or two further months in total, with the reason (Art. 12 (3))', params: requestParams, body: extendBody } },
    async (request) => service.extendDeadline(ctx(request), request.params.requestId, request.body.months, request.body.reason));

  app.post(`${base}/:requestId/close`, { ...manage, schema: { tags, summary: 'Close the request as answered, or as refused with the reason', params: requestParams, body: closeBody } },
    async (request) => service.closeRequest(ctx(request), request.params.requestId, request.body.outcome, request.body.note));
};
