import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { ProblemError } from '../../kernel/http/problem.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import { searchParts } from '../shopfloor/index.js';
import * as orders from './customer-orders.service.js';
import type { CustomersContext } from './customers.service.js';
import {
  copyQuoteBody,
  createQuoteBody,
  customerOrderListQuery,
  customerOrderParams,
  emptyBody,
  loseQuoteBody,
  orderFromQuoteBody,
  orderPositionParams,
  partSearchQuery,
  productionOrderBody,
  quoteListQuery,
  quoteParams,
  quotePdfQuery,
  quoteVersionParams,
  sendQuoteBody,
  updateQuoteBody,
} from './quotes.schemas.js';
import * as quotes from './quotes.service.js';

/** Quotes, customer orders and production orders for their positions (issue 16, item 2). */
// Registered in the order of a quote's life (revise → edit → send → win → order): the input walk
// sends the valid examples in this order to one fixture quote.
export const quotesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.wv;
  const ctx = (request: FastifyRequest): CustomersContext => ({ db, tenant: tenantOf(request) });
  const base = '/companies/:companyId';
  const tags = ['customers'];
  const sales = requirePermission('customers.sales');

  app.get(`${base}/quote-parts`, {
    onRequest: sales,
    schema: { tags, summary: 'Shop floor\'s parts for quote positions (number or name contains q), through Shop floor\'s door', params: companyParams, querystring: partSearchQuery },
  }, async (request) => searchParts(db, tenantOf(request).tenantId, request.query.q, 20));

  app.get(`${base}/quotes`, {
    onRequest: sales,
    schema: { tags, summary: 'Quotes with net and gross of the current version: search (number, subject, customer), state and customer filter, pages', params: companyParams, querystring: quoteListQuery },
  }, async (request) => quotes.listQuotes(ctx(request), request.query));

  app.post(`${base}/quotes`, {
    onRequest: sales,
    schema: { tags, summary: 'Create a draft quote (number A-YYYY-nnnnn) with positions: a Shop floor part or a free text each', params: companyParams, body: createQuoteBody },
  }, async (request, reply) => reply.status(201).send(await quotes.createQuote(ctx(request), request.body)));

  app.get(`${base}/quotes/:quoteId`, {
    onRequest: sales,
    schema: { tags, summary: 'A quote with every version, positions, totals with VAT per rate, the actions that apply and its order', params: quoteParams },
  }, async (request) => quotes.getQuote(ctx(request), request.params.quoteId));

  app.post(`${base}/quotes/:quoteId/revise`, {
    onRequest: sales,
    schema: { tags, summary: 'Revise a sent quote into a new draft version (the sent one stays as the customer saw it)', params: quoteParams, body: emptyBody },
  }, async (request) => quotes.reviseQuote(ctx(request), request.params.quoteId));

  app.put(`${base}/quotes/:quoteId`, {
    onRequest: sales,
    schema: { tags, summary: 'Replace contact, subject, validity and positions of the draft version (a sent version is frozen: 409)', params: quoteParams, body: updateQuoteBody },
  }, async (request) => quotes.updateQuote(ctx(request), request.params.quoteId, request.body));

  app.post(`${base}/quotes/:quoteId/send`, {
    onRequest: sales,
    schema: { tags, summary: 'Mark the draft version as sent in a language; it is frozen from now on', params: quoteParams, body: sendQuoteBody },
  }, async (request) => quotes.sendQuote(ctx(request), request.params.quoteId, request.body.language));

  app.post(`${base}/quotes/:quoteId/win`, {
    onRequest: sales,
    schema: { tags, summary: 'The customer accepted the sent quote (final)', params: quoteParams, body: emptyBody },
  }, async (request) => quotes.winQuote(ctx(request), request.params.quoteId));

  app.post(`${base}/quotes/:quoteId/order`, {
    onRequest: sales,
    schema: { tags, summary: 'Turn a won quote into a customer order (number AB-YYYY-nnnnn) in one step; one order per quote', params: quoteParams, body: orderFromQuoteBody },
  }, async (request, reply) => reply.status(201).send(await orders.orderFromQuote(ctx(request), request.params.quoteId, request.body.customerReference)));

  app.post(`${base}/quotes/:quoteId/lose`, {
    onRequest: sales,
    schema: { tags, summary: 'The customer declined the sent quote, with a reason (final)', params: quoteParams, body: loseQuoteBody },
  }, async (request) => quotes.loseQuote(ctx(request), request.params.quoteId, request.body.reason, request.body.note));

  app.post(`${base}/quotes/:quoteId/copy`, {
    onRequest: sales,
    schema: { tags, summary: 'A new draft quote with the subject and positions of this quote\'s latest version, for its customer or another (customerId); past delivery dates are left out and counted', params: quoteParams, body: copyQuoteBody },
  }, async (request, reply) => reply.status(201).send(await quotes.copyQuote(ctx(request), request.params.quoteId, request.body)));

  // The PDF library is loaded on first use: it would add to every start.
  app.get(`${base}/quotes/:quoteId/versions/:version/pdf`, {
    onRequest: sales,
    schema: { tags, summary: 'A quote version as PDF (A4) in German or English: lang, else the language it was sent in, else the reader\'s', params: quoteVersionParams, querystring: quotePdfQuery },
  }, async (request, reply) => {
    const { quotePdf } = await import('./quote-pdf.service.js');
    const { pdf, filename } = await quotePdf(ctx(request), request.params.quoteId, request.params.version, request.query.lang, request.locale === 'en' ? 'en' : 'de');
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
  });

  app.get(`${base}/customer-orders`, {
    onRequest: requirePermission('customers.read'),
    schema: { tags, summary: 'Customer orders: search (number, customer reference, customer), state and customer filter, pages', params: companyParams, querystring: customerOrderListQuery },
  }, async (request) => orders.listOrders(ctx(request), request.query));

  app.get(`${base}/customer-orders/:customerOrderId`, {
    onRequest: requirePermission('customers.read'),
    schema: { tags, summary: 'A customer order with positions, totals and the production orders behind each position with their progress', params: customerOrderParams },
  }, async (request) => orders.getOrder(ctx(request), request.params.customerOrderId));

  app.post(`${base}/customer-order-positions/:orderPositionId/production-orders`, {
    onRequest: requirePermission('customers.plan'),
    schema: { tags, summary: 'Create a production order for a producible position through Shop floor\'s door (quantity and due date default to what is open and the promised date); the link is kept here', params: orderPositionParams, body: productionOrderBody },
  }, async (request, reply) => {
    // customers may be on by default where the shop floor is not: its orders would be invisible
    if (!(await app.wv.registry.isEnabled(db, tenantOf(request).tenantId, 'shopfloor'))) throw new ProblemError(409, 'customers_shopfloor_off');
    return reply.status(201).send(await orders.createProductionOrderForPosition(ctx(request), request.params.orderPositionId, request.body));
  });
};
