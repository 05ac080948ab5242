import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { ProblemError } from '../../kernel/http/problem.js';
import { getCompany } from '../../kernel/tenancy/company-store.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import { CSV_BOM, XLSX_CONTENT_TYPE, csvFormat, toCsv, writeXlsx } from '../../kernel/tabular/index.js';
import { machineNames } from '../machines/index.js';
import { toleratedParameters } from '../shopfloor/index.js';
import { type RecordSelector, productionRecordOf } from './production-record.js';
import { type ProductionRecordQuery, productionRecordPdfQuery, productionRecordQuery, recallExportQuery, recallQuery } from './production-records.schemas.js';
import { recall } from './recall.js';
import { recallTable } from './recall-table.js';

/** Exactly one of order, position, lot and serial; 400 naming the field otherwise. */
function selectorOf(query: ProductionRecordQuery): RecordSelector {
  const named = (['order', 'position', 'lot', 'serial'] as const).filter((k) => query[k] !== undefined);
  if (named.length === 1) {
    const key = named[0]!;
    return { [key]: query[key]! } as RecordSelector;
  }
  throw new ProblemError(400, 'customers_record_one_selector', {}, { errors: [{ path: `querystring.${named[1] ?? 'order'}`, message: 'name one customer order, position, lot or serial' }] });
}

/** Production records of customer orders and the recall question (issue 16, item 5). */
export const productionRecordsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry } = app.wv;
  const base = '/companies/:companyId';
  const tags = ['customers'];
  const read = requirePermission('customers.read');
  const modules = async (request: FastifyRequest) => {
    const { tenantId } = tenantOf(request);
    const [shopfloorOn, machinesOn] = await Promise.all([registry.isEnabled(db, tenantId, 'shopfloor'), registry.isEnabled(db, tenantId, 'machines')]);
    return { shopfloorOn, machinesOn };
  };
  const langOf = (request: FastifyRequest, lang: 'de' | 'en' | undefined) => lang ?? (request.locale === 'en' ? 'en' : 'de');

  app.get(`${base}/production-records`, {
    onRequest: read,
    schema: { tags, summary: 'The production record of a customer order, one position, or a lot or serial (its production order): per production order every operation with work centre, times, quantities, scrap by reason, process parameters with tolerance checks, photos, bookings, and the machine signals during its production (min / mean / max, time outside limits, alarms)', params: companyParams, querystring: productionRecordQuery },
  }, async (request) => productionRecordOf(db, tenantOf(request), selectorOf(request.query), await modules(request)));

  // The PDF library is loaded on first use: it would add to every start.
  app.get(`${base}/production-records/pdf`, {
    onRequest: read,
    schema: { tags, summary: 'The production record as a PDF for the customer (A4), in German or English (lang, else the reader\'s)', params: companyParams, querystring: productionRecordPdfQuery },
  }, async (request, reply) => {
    const { lang: asked, ...query } = request.query;
    const lang = langOf(request, asked);
    const record = await productionRecordOf(db, tenantOf(request), selectorOf(query), await modules(request));
    const [{ renderProductionRecordPdf }, company] = await Promise.all([import('./production-record-pdf.js'), getCompany(db, tenantOf(request).tenantId)]);
    const pdf = await renderProductionRecordPdf(record, lang, company?.name ?? '');
    const selector = selectorOf(query);
    const position = 'order' in selector ? '' : `-${record.positions[0]?.number ?? ''}`;
    return reply.type('application/pdf')
      .header('content-disposition', `attachment; filename="${lang === 'en' ? 'production-record' : 'fertigungsnachweis'}-${record.order.number}${position}.pdf"`)
      .send(pdf);
  });

  app.get(`${base}/recall-filters`, {
    onRequest: read,
    schema: { tags, summary: 'What the recall question can ask about: the company\'s machines and the number parameters with a tolerance on its routings', params: companyParams },
  }, async (request) => {
    const { tenantId } = tenantOf(request);
    const on = await modules(request);
    return {
      machines: on.machinesOn ? await machineNames(db, tenantId) : [],
      parameters: on.shopfloorOn ? await toleratedParameters(db, tenantOf(request)) : [],
      ...on,
    };
  });

  app.get(`${base}/recall`, {
    onRequest: read,
    schema: { tags, summary: 'The recall question: which production orders, customer orders and customers got parts made on a machine (machineId) or with a parameter out of tolerance (parameter) in [from, to) — at most 366 days', params: companyParams, querystring: recallQuery },
  }, async (request) => recall(db, tenantOf(request), request.query, await modules(request)));

  app.get(`${base}/recall.csv`, {
    onRequest: read,
    schema: { tags, summary: 'The recall answer as CSV (UTF-8 with BOM; German: ";" and decimal comma, English: "," and decimal point)', params: companyParams, querystring: recallExportQuery },
  }, async (request, reply) => {
    const { lang: asked, ...query } = request.query;
    const lang = langOf(request, asked);
    const answer = await recall(db, tenantOf(request), query, await modules(request));
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${lang === 'en' ? 'recall' : 'rueckverfolgung'}.csv"`)
      .send(CSV_BOM + toCsv(recallTable(answer, lang), csvFormat(lang)));
  });

  app.get(`${base}/recall.xlsx`, {
    onRequest: read,
    schema: { tags, summary: 'The recall answer as an XLSX workbook (the CSV\'s columns, figures as numbers)', params: companyParams, querystring: recallExportQuery },
  }, async (request, reply) => {
    const { lang: asked, ...query } = request.query;
    const lang = langOf(request, asked);
    const answer = await recall(db, tenantOf(request), query, await modules(request));
    return reply.type(XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${lang === 'en' ? 'recall' : 'rueckverfolgung'}.xlsx"`)
      .send(await writeXlsx([{ name: lang === 'en' ? 'Recall' : 'Rückverfolgung', ...recallTable(answer, lang) }], lang));
  });
};
