import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditView, historyQuery } from '../../kernel/audit/record-history.js';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import * as contacts from './contacts.service.js';
import * as service from './customers.service.js';
import * as interactions from './interactions.service.js';
import * as merges from './merge.service.js';
import { importsRoutes } from './imports.routes.js';
import { listExportsRoutes } from './list-exports.routes.js';
import { orderEntryRoutes } from './order-entry.routes.js';
import { productionRecordsRoutes } from './production-records.routes.js';
import { quotesRoutes } from './quotes.routes.js';
import { shareLinksRoutes } from './share-links.routes.js';
import { deliveriesRoutes } from './deliveries.routes.js';
import {
  consentEventBody,
  contactBody,
  contactParams,
  createCustomerBody,
  customerBody,
  customerListQuery,
  customerParams,
  interactionBody,
  mergeBody,
  mergeParams,
  undoMergeBody,
  withdrawAllBody,
} from './schemas.js';

export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry } = app.wv;
  const ctx = (request: FastifyRequest): service.CustomersContext => ({ db, tenant: tenantOf(request) });
  const base = '/companies/:companyId';
  const tags = ['customers'];

  app.get(`${base}/customers`, {
    onRequest: requirePermission('customers.read'),
    schema: { tags, summary: 'Customers not merged into another: search (name folded, number, city, VAT ID, former numbers), filters, sort, pages', params: companyParams, querystring: customerListQuery },
  }, async (request) => service.listCustomers(ctx(request), request.query));

  app.post(`${base}/customers`, {
    onRequest: requirePermission('customers.write'),
    schema: { tags, summary: 'Create a customer; likely duplicates answer 409 with the candidates unless confirmDuplicate is true', params: companyParams, body: createCustomerBody },
  }, async (request, reply) => reply.status(201).send(await service.createCustomer(ctx(request), request.body)));

  app.get(`${base}/customers/:customerId`, {
    onRequest: requirePermission('customers.read'),
    schema: { tags, summary: 'A customer with contacts, consents and undoable merges; a merged customer redirects (301) to the one it was merged into', params: customerParams },
  }, async (request, reply) => {
    const found = await service.getCustomer(ctx(request), request.params.customerId);
    if (found.merged) return reply.redirect(`/api/v1/companies/${request.params.companyId}/customers/${found.survivorId}`, 301);
    return found.detail;
  });

  // Only entries about the customer itself (created, changed, merged): contacts, consents and interactions are audited under their own ids.
  app.get(`${base}/customers/:customerId/history`, {
    onRequest: requirePermission('customers.read'),
    schema: { tags, summary: 'Who created, changed and merged the customer, and when (newest first, as sentences); whoever may read customers sees it', params: customerParams, querystring: historyQuery },
  }, async (request) => {
    await service.getCustomer(ctx(request), request.params.customerId);
    return auditView(db, registry, tenantOf(request).tenantId, request.query.lang ?? request.locale, { ...request.query, target: request.params.customerId });
  });

  app.put(`${base}/customers/:customerId`, {
    onRequest: requirePermission('customers.write'),
    schema: { tags, summary: 'Change a customer (a merged one answers 409 naming the survivor)', params: customerParams, body: customerBody },
  }, async (request) => service.updateCustomer(ctx(request), request.params.customerId, request.body));

  app.post(`${base}/customers/:customerId/contacts`, {
    onRequest: requirePermission('customers.write'),
    schema: { tags, summary: 'Add a contact to a customer', params: customerParams, body: contactBody },
  }, async (request, reply) => reply.status(201).send(await contacts.addContact(ctx(request), request.params.customerId, request.body)));

  app.put(`${base}/contacts/:contactId`, {
    onRequest: requirePermission('customers.write'),
    schema: { tags, summary: 'Change a contact', params: contactParams, body: contactBody },
  }, async (request) => contacts.updateContact(ctx(request), request.params.contactId, request.body));

  app.get(`${base}/contacts/:contactId/consents`, {
    onRequest: requirePermission('customers.read'),
    schema: { tags, summary: 'A contact\'s consent state per channel and purpose, and the full history', params: contactParams },
  }, async (request) => contacts.consents(ctx(request), request.params.contactId));

  app.post(`${base}/contacts/:contactId/consent-events`, {
    onRequest: requirePermission('customers.write'),
    schema: { tags, summary: 'Record a consent (with evidence), a decline or a withdrawal (also back-dated)', params: contactParams, body: consentEventBody },
  }, async (request, reply) => reply.status(201).send(await contacts.recordConsent(ctx(request), request.params.contactId, request.body)));

  app.post(`${base}/contacts/:contactId/withdraw-all`, {
    onRequest: requirePermission('customers.write'),
    schema: { tags, summary: 'Withdraw every consent of a contact in one step', params: contactParams, body: withdrawAllBody },
  }, async (request) => contacts.withdrawAll(ctx(request), request.params.contactId, request.body.source));

  app.get(`${base}/customers/:customerId/interactions`, {
    onRequest: requirePermission('customers.read'),
    schema: { tags, summary: 'The customer\'s interactions, newest first', params: customerParams },
  }, async (request) => interactions.interactions(ctx(request), request.params.customerId));

  app.post(`${base}/customers/:customerId/interactions`, {
    onRequest: requirePermission('customers.write'),
    schema: { tags, summary: 'Record a call, visit, e-mail or note', params: customerParams, body: interactionBody },
  }, async (request, reply) => reply.status(201).send(await interactions.addInteraction(ctx(request), request.params.customerId, request.body)));

  app.post(`${base}/customers/:customerId/merge-plan`, {
    onRequest: requirePermission('customers.merge'),
    schema: { tags, summary: 'Both customers side by side, field by field, and what would move (nothing is changed)', params: customerParams, body: mergeBody },
  }, async (request) => merges.mergePlan(ctx(request), request.params.customerId, request.body));

  app.post(`${base}/customers/:customerId/merges`, {
    onRequest: requirePermission('customers.merge'),
    schema: { tags, summary: 'Merge absorbedId into this customer (one transaction, audit entry, undo record)', params: customerParams, body: mergeBody },
  }, async (request, reply) => reply.status(201).send(await merges.merge(ctx(request), request.params.customerId, request.body)));

  app.post(`${base}/customer-merges/:mergeId/undo`, {
    onRequest: requirePermission('customers.merge'),
    schema: { tags, summary: 'Undo a merge exactly; 409 with the conflicts when something moved on since', params: mergeParams, body: undoMergeBody },
  }, async (request) => merges.undoMerge(ctx(request), request.params.mergeId, request.body.discardEdits));

  await app.register(quotesRoutes);
  await app.register(importsRoutes);
  await app.register(listExportsRoutes);
  await app.register(productionRecordsRoutes);
  await app.register(shareLinksRoutes);
  await app.register(deliveriesRoutes);
  // last: the input walk cancels the fixture order, after every other example has used it
  await app.register(orderEntryRoutes);
};
