import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { pointRetentions, setPointRetention } from './sample-retention.store.js';
import { contextQuery, csvQuery, orderParams, orderQuery, pointParams, retentionBody } from './analytics.schemas.js';
import { contextAt } from './domain/order-context.js';
import { effectiveRetention, retentionProblem } from './domain/retention.js';
import { retentionFromEnv } from './maintenance.js';
import * as store from './machines.store.js';
import { machineContext, machineTimeline, orderProcessData } from './order-context.service.js';
import { machineParams } from './schemas.js';
import { readSeries, seriesRange } from './series.service.js';
import { seriesCsv, seriesTable } from './series-csv.js';
import { XLSX_CONTENT_TYPE, writeXlsx } from '../../kernel/tabular/index.js';

/** Aggregated series as CSV, retention per data point and the order context from the shop floor. */
export const machineAnalyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry, access } = app.wv;
  const defaults = retentionFromEnv(process.env);
  const base = '/companies/:companyId/machines';
  const tags = ['machines'];
  const read = { onRequest: requirePermission('machines.read') };
  const manage = { onRequest: requirePermission('machines.manage') };

  /** Order context needs the shop-floor module on and its read permission. */
  const shopfloorOn = async (request: FastifyRequest) => {
    const t = tenantOf(request);
    if (!registry.modules.some((m) => m.id === 'shopfloor') || !registry.roleHas(t.role, 'shopfloor.read')) return false;
    return (await access.moduleStates(db, registry, t.tenantId)).some((s) => s.id === 'shopfloor' && s.enabled);
  };

  for (const kind of ['csv', 'xlsx'] as const) {
    app.get(`${base}/:machineId/series.${kind}`, {
      ...read,
      schema: {
        tags,
        summary: kind === 'csv'
          ? 'A data point\'s samples or aggregates in [from, to) as CSV (UTF-8 with BOM, ";" separated)'
          : 'A data point\'s samples or aggregates in [from, to) as an XLSX workbook (numbers as numbers)',
        params: machineParams,
        querystring: csvQuery,
      },
    }, async (request, reply) => {
      const t = tenantOf(request);
      const now = Date.now();
      const { decimal, ...query } = request.query;
      const machine = await store.findMachine(db, t.tenantId, request.params.machineId);
      if (!machine) throw notFound('machine');
      const series = await readSeries(db, t.tenantId, machine.id, { ...query, limit: 100_000 }, defaults, now);
      const timeline = series.resolution === 'raw' ? await machineTimeline(db, t.tenantId, machine.id, await shopfloorOn(request), now) : undefined;
      const context = timeline && ((ts: string) => {
        const s = contextAt(timeline, Date.parse(ts));
        return s && { orderNumber: s.label.orderNumber, operationName: s.label.operationName, phase: s.phase };
      });
      const { from } = seriesRange(query, now);
      const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 60);
      const filename = `${safe(machine.name)}_${safe(query.point)}_${from.toISOString().slice(0, 10)}_${series.resolution}.${kind}`;
      reply
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('x-resolution', series.resolution)
        .header('x-truncated', String(series.truncated));
      if (kind === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(seriesCsv(series, decimal, context));
      const table = seriesTable(series, context);
      return reply.header('content-type', XLSX_CONTENT_TYPE).send(await writeXlsx([{ name: safe(query.point), ...table }], decimal === 'comma' ? 'de' : 'en'));
    });
  }

  app.get(`${base}/:machineId/order-context`, {
    ...read,
    schema: { tags, summary: 'Which production order ran on the machine\'s work centre in [from, to) (shop-floor bookings)', params: machineParams, querystring: contextQuery },
  }, async (request) => {
    const { from, to } = seriesRange(request.query, Date.now());
    return machineContext(db, tenantOf(request).tenantId, request.params.machineId, from, to, await shopfloorOn(request));
  });

  app.get('/companies/:companyId/machine-orders/:orderId', {
    ...read,
    schema: { tags, summary: 'Process data of a production order: the data points of the machines at its work centres while it ran', params: orderParams, querystring: orderQuery },
  }, async (request) => {
    if (!(await shopfloorOn(request))) throw new ProblemError(404, 'machines_order_context_unavailable');
    return orderProcessData(db, tenantOf(request).tenantId, request.params.orderId, request.query.operationId, defaults);
  });

  const retentionOf = async (request: FastifyRequest<{ Params: { machineId: string; pointId: string } }>) => {
    const [setting] = await pointRetentions(db, { tenantId: tenantOf(request).tenantId, machineId: request.params.machineId, pointId: request.params.pointId });
    if (!setting) throw notFound('data point');
    const own = { rawDays: setting.rawDays, minuteDays: setting.minuteDays, hourDays: setting.hourDays };
    return { pointId: setting.pointId, point: setting.point, setting: own, effective: effectiveRetention(own, defaults), defaults };
  };

  app.get(`${base}/:machineId/points/:pointId/retention`, {
    ...read,
    schema: { tags, summary: 'How long a data point\'s raw samples, 1-minute and 1-hour aggregates are kept (days)', params: pointParams },
  }, async (request) => retentionOf(request));

  app.put(`${base}/:machineId/points/:pointId/retention`, {
    ...manage,
    schema: { tags, summary: 'Set a data point\'s retention (days; null = the default)', params: pointParams, body: retentionBody },
  }, async (request) => {
    await retentionOf(request);
    const problem = retentionProblem(effectiveRetention(request.body, defaults));
    if (problem) throw new ProblemError(400, `machines_retention_${problem}`);
    await setPointRetention(db, tenantOf(request).tenantId, request.params.machineId, request.params.pointId, request.body);
    return retentionOf(request);
  });

  app.get('/companies/:companyId/machine-retention-defaults', {
    ...read,
    schema: { tags, summary: 'Default retention of data points without their own setting (days)', params: companyParams },
  }, async () => defaults);
};
