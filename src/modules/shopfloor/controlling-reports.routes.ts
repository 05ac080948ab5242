import type { FastifyRequest } from 'fastify';
import { XLSX_CONTENT_TYPE } from '../../kernel/tabular/index.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import { companyParams } from '../../kernel/http/company.routes.js';
import { controllingBookings } from './controlling-bookings.service.js';
import { controllingBookingsQuery, monthlyReportQuery, orderPaperParams, orderPaperQuery } from './controlling.schemas.js';
import type { ShopfloorContext } from './shopfloor.service.js';

/** Drill-down to the bookings behind a figure, the monthly controlling report and the order papers. */
export const controllingReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.wv;
  const ctx = (request: FastifyRequest): ShopfloorContext => ({ db, tenant: tenantOf(request), locale: request.locale });
  const base = '/companies/:companyId/shopfloor';
  const tags = ['shopfloor'];
  const read = requirePermission('shopfloor.read');
  const langOf = (request: FastifyRequest, lang?: 'de' | 'en'): 'de' | 'en' => lang ?? (request.locale === 'en' ? 'en' : 'de');

  app.get(`${base}/controlling/bookings`, {
    onRequest: read,
    schema: { tags, summary: 'The bookings behind a controlling figure: by work centre, local dates and shift, with order, operation, quantities, reason and worker', params: companyParams, querystring: controllingBookingsQuery },
  }, async (request) => controllingBookings(ctx(request), request.query));

  // The PDF and chart libraries are loaded on first use: they would add to every start.
  app.get(`${base}/reports/monthly.pdf`, {
    onRequest: read,
    schema: { tags, summary: 'Monthly controlling report (PDF, A4): totals, per work centre, shift and day, orders, definitions; month=YYYY-MM', params: companyParams, querystring: monthlyReportQuery },
  }, async (request, reply) => {
    const lang = langOf(request, request.query.lang);
    const { buildMonthlyReportPdf } = await import('./reports/monthly-report.build.js');
    const pdf = await buildMonthlyReportPdf(ctx(request), request.query, lang);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${lang === 'en' ? 'controlling-report' : 'controlling-bericht'}-${request.query.month}.pdf"`)
      .send(pdf);
  });

  app.get(`${base}/reports/monthly.csv`, {
    onRequest: read,
    schema: { tags, summary: 'Monthly controlling report as CSV (UTF-8 with BOM; German: ";" and decimal comma, English: "," and decimal point)', params: companyParams, querystring: monthlyReportQuery },
  }, async (request, reply) => {
    const lang = langOf(request, request.query.lang);
    const { buildMonthlyReportCsv } = await import('./reports/monthly-report.build.js');
    const csv = await buildMonthlyReportCsv(ctx(request), request.query, lang);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${lang === 'en' ? 'controlling-report' : 'controlling-bericht'}-${request.query.month}.csv"`)
      .send(csv);
  });

  app.get(`${base}/reports/monthly.xlsx`, {
    onRequest: read,
    schema: { tags, summary: 'Monthly controlling report as an XLSX workbook (the CSV\'s table, figures as numbers)', params: companyParams, querystring: monthlyReportQuery },
  }, async (request, reply) => {
    const lang = langOf(request, request.query.lang);
    const { buildMonthlyReportXlsx } = await import('./reports/monthly-report.build.js');
    const xlsx = await buildMonthlyReportXlsx(ctx(request), request.query, lang);
    return reply
      .type(XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${lang === 'en' ? 'controlling-report' : 'controlling-bericht'}-${request.query.month}.xlsx"`)
      .send(xlsx);
  });

  app.get(`${base}/orders/:orderId/paper.pdf`, {
    onRequest: read,
    schema: { tags, summary: 'Printable order paper (PDF, A4): header data and a QR code per operation', params: orderPaperParams, querystring: orderPaperQuery },
  }, async (request, reply) => {
    const lang = langOf(request, request.query.lang);
    const { buildOrderPaper } = await import('./reports/order-paper.service.js');
    const paper = await buildOrderPaper(ctx(request), request.params.orderId, lang);
    const safe = paper.number.replace(/[^A-Za-z0-9._-]+/g, '_');
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${lang === 'en' ? 'order' : 'auftrag'}-${safe}.pdf"`)
      .send(paper.pdf);
  });
};
