import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import type { CustomersContext } from './customers.service.js';
import { deliveryBody, deliveryParams, deliveryPdfQuery } from './deliveries.schemas.js';
import * as deliveries from './deliveries.service.js';
import { customerOrderParams } from './quotes.schemas.js';

/** Deliveries of customer orders with their lots, and the delivery note as PDF (issue 16, item 3). */
export const deliveriesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.wv;
  const ctx = (request: FastifyRequest): CustomersContext => ({ db, tenant: tenantOf(request) });
  const base = '/companies/:companyId';
  const tags = ['customers'];
  const ship = requirePermission('customers.ship');

  app.get(`${base}/customer-orders/:customerOrderId/deliveries`, {
    onRequest: ship,
    schema: { tags, summary: 'Deliveries of a customer order with their lines, and per position ordered, delivered, finished, the suggested next quantity and the lots and serials from Shop floor', params: customerOrderParams },
  }, async (request) => deliveries.listDeliveries(ctx(request), request.params.customerOrderId));

  app.post(`${base}/customer-orders/:customerOrderId/deliveries`, {
    onRequest: ship,
    schema: { tags, summary: 'Record a (partial) delivery LS-YYYY-nnnnn: quantities per position with lots and serials; more than open beyond the margin needs confirmOverDelivery; the order becomes partly delivered or delivered', params: customerOrderParams, body: deliveryBody },
  }, async (request, reply) => reply.status(201).send(await deliveries.recordDelivery(ctx(request), request.params.customerOrderId, request.body)));

  // The PDF library is loaded on first use: it would add to every start.
  app.get(`${base}/deliveries/:customerDeliveryId/pdf`, {
    onRequest: ship,
    schema: { tags, summary: 'The delivery note as PDF (A4) in German or English (lang, else the reader\'s), with lot and serial numbers', params: deliveryParams, querystring: deliveryPdfQuery },
  }, async (request, reply) => {
    const { deliveryNotePdf } = await import('./delivery-note.service.js');
    const { pdf, filename } = await deliveryNotePdf(ctx(request), request.params.customerDeliveryId, request.query.lang ?? (request.locale === 'en' ? 'en' : 'de'));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
  });
};
