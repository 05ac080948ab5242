import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import type { CustomersContext } from './customers.service.js';
import { cancelOrderBody, newOrderBody } from './order-entry.schemas.js';
import { cancelOrder, enterOrder } from './order-entry.service.js';
import { customerOrderParams } from './quotes.schemas.js';

/** Customer orders taken without a quote, and cancelling an order. */
export const orderEntryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.wv;
  const ctx = (request: FastifyRequest): CustomersContext => ({ db, tenant: tenantOf(request) });
  const base = '/companies/:companyId';
  const tags = ['customers'];
  const sales = requirePermission('customers.sales');

  app.post(`${base}/customer-orders`, {
    onRequest: sales,
    schema: { tags, summary: 'Take a customer order without a quote (number AB-YYYY-nnnnn): positions as in a quote, deliveryDate is the promised date', params: companyParams, body: newOrderBody },
  }, async (request, reply) => reply.status(201).send(await enterOrder(ctx(request), request.body)));

  app.post(`${base}/customer-orders/:customerOrderId/cancel`, {
    onRequest: sales,
    schema: { tags, summary: 'Cancel an order not delivered from, with the reason; names its production orders not finished (they stay Shop floor\'s)', params: customerOrderParams, body: cancelOrderBody },
  }, async (request) => cancelOrder(ctx(request), request.params.customerOrderId, request.body.reason));
};
