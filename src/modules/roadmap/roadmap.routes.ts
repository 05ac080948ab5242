import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditView, historyQuery } from '../../kernel/audit/record-history.js';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import * as funding from './funding.service.js';
import * as plan from './plan.service.js';
import { planCsv, planJson, planTable } from './plan-export.js';
import { XLSX_CONTENT_TYPE, writeXlsx } from '../../kernel/tabular/index.js';
import { getProgress } from './progress.service.js';
import type { RoadmapContext } from './roadmap-context.js';
import {
  acceptBody, addItemBody, fundingBody, fundingParams, fundingPatchBody, planItemParams, reportQuery, scheduleBody, updateItemBody,
} from './schemas.js';
import { listSuggestions } from './suggestions.service.js';

export const roadmapRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry, access } = app.wv;
  const ctx = (request: FastifyRequest, lang?: 'de' | 'en'): RoadmapContext => {
    const tenant = tenantOf(request);
    return {
      db,
      tenant,
      lang: lang ?? (request.locale === 'en' ? 'en' : 'de'),
      isModuleEnabled: async (moduleId) => (await access.moduleStates(db, registry, tenant.tenantId)).some((m) => m.id === moduleId && m.enabled),
    };
  };
  const base = '/companies/:companyId/roadmap';
  const tags = ['roadmap'];
  const read = requirePermission('roadmap.read');
  const write = requirePermission('roadmap.plan');

  app.get(`${base}/suggestions`, {
    onRequest: read,
    schema: { tags, summary: 'Measures suggested by the latest completed check, with reasons, quadrant and funding', params: companyParams },
  }, async (request) => listSuggestions(ctx(request)));

  app.get(`${base}/plan`, {
    onRequest: read,
    schema: { tags, summary: 'The plan: measures with owner, quarters, status, micro-goal and KPI; re-evaluation dates', params: companyParams },
  }, async (request) => plan.getPlan(ctx(request)));

  app.post(`${base}/plan/accept`, {
    onRequest: write,
    schema: { tags, summary: 'Take one or several catalogue measures, or suggestions of other modules (by ref), into the plan', params: companyParams, body: acceptBody },
  }, async (request) => plan.acceptMeasures(ctx(request), request.body.measureIds, request.body.suggestionRefs));

  app.post(`${base}/plan/items`, {
    onRequest: write,
    schema: { tags, summary: 'Add an own measure to the plan', params: companyParams, body: addItemBody },
  }, async (request, reply) => reply.status(201).send(await plan.addOwnMeasure(ctx(request), request.body)));

  app.patch(`${base}/plan/items/:itemId`, {
    onRequest: write,
    schema: { tags, summary: 'Change status (drop: "dropped"), owner, quarters, micro-goal or KPI of a plan measure', params: planItemParams, body: updateItemBody },
  }, async (request) => plan.updateItem(ctx(request), request.params.itemId, request.body));

  app.delete(`${base}/plan/items/:itemId`, {
    onRequest: write,
    schema: { tags, summary: 'Remove a measure from the plan', params: planItemParams },
  }, async (request, reply) => {
    await plan.removeItem(ctx(request), request.params.itemId);
    return reply.status(204).send();
  });

  app.get(`${base}/plan/items/:itemId/history`, {
    onRequest: read,
    schema: { tags, summary: 'Who changed the plan measure, and when (newest first, as sentences); whoever may read the plan sees it', params: planItemParams, querystring: historyQuery },
  }, async (request) => {
    await plan.requireItem(ctx(request), request.params.itemId);
    return auditView(db, registry, tenantOf(request).tenantId, request.query.lang ?? request.locale, { ...request.query, target: request.params.itemId });
  });

  app.post(`${base}/plan/schedule`, {
    onRequest: write,
    schema: { tags, summary: 'Place the planned measures in quarters by prerequisites and the firm\'s size', params: companyParams, body: scheduleBody },
  }, async (request) => plan.schedulePlan(ctx(request), request.body.startQuarter));

  app.get(`${base}/plan.json`, {
    onRequest: read,
    schema: { tags, summary: 'The plan as JSON', params: companyParams },
  }, async (request, reply) => {
    reply.header('content-disposition', 'attachment; filename="roadmap-plan.json"');
    return planJson(await plan.getPlan(ctx(request)));
  });

  app.get(`${base}/plan.csv`, {
    onRequest: read,
    schema: { tags, summary: 'The plan as CSV', params: companyParams, querystring: reportQuery },
  }, async (request, reply) => {
    const c = ctx(request, request.query.lang);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="roadmap-plan.csv"')
      .send(planCsv(await plan.getPlan(c), c.lang));
  });

  app.get(`${base}/plan.xlsx`, {
    onRequest: read,
    schema: { tags, summary: 'The plan as an XLSX workbook (same columns as the CSV)', params: companyParams, querystring: reportQuery },
  }, async (request, reply) => {
    const c = ctx(request, request.query.lang);
    const table = planTable(await plan.getPlan(c), c.lang);
    return reply
      .type(XLSX_CONTENT_TYPE)
      .header('content-disposition', 'attachment; filename="roadmap-plan.xlsx"')
      .send(await writeXlsx([{ name: 'Roadmap', ...table }], c.lang));
  });

  app.get(`${base}/progress`, {
    onRequest: read,
    schema: { tags, summary: 'Change per dimension between the two newest checks and the measures finished in between', params: companyParams },
  }, async (request) => getProgress(ctx(request)));

  app.get(`${base}/report.pdf`, {
    onRequest: read,
    schema: { tags, summary: 'Board report (PDF, A4): profile, check results, benchmarks, measures, matrix and plan', params: companyParams, querystring: reportQuery },
  }, async (request, reply) => {
    const c = ctx(request, request.query.lang);
    // loaded on first use: the PDF and chart libraries would add about a second to every start
    const { buildReport } = await import('./report/report.service.js');
    const pdf = await buildReport(c);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${c.lang === 'en' ? 'roadmap-report' : 'roadmap-bericht'}.pdf"`)
      .send(pdf);
  });

  app.get(`${base}/funding`, {
    onRequest: read,
    schema: { tags, summary: 'The company\'s funding programmes (seeded with historical examples)', params: companyParams },
  }, async (request) => funding.listFunding(ctx(request)));

  app.post(`${base}/funding`, {
    onRequest: write,
    schema: { tags, summary: 'Add a funding programme', params: companyParams, body: fundingBody },
  }, async (request, reply) => reply.status(201).send(await funding.addFunding(ctx(request), request.body)));

  app.patch(`${base}/funding/:programmeId`, {
    onRequest: write,
    schema: { tags, summary: 'Change a funding programme', params: fundingParams, body: fundingPatchBody },
  }, async (request) => funding.updateFunding(ctx(request), request.params.programmeId, request.body));

  app.delete(`${base}/funding/:programmeId`, {
    onRequest: write,
    schema: { tags, summary: 'Delete a funding programme', params: fundingParams },
  }, async (request, reply) => {
    await funding.deleteFunding(ctx(request), request.params.programmeId);
    return reply.status(204).send();
  });
};
