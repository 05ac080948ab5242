import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProblemError } from '../../kernel/http/problem.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import type { CustomersContext } from './customers.service.js';
import { customerOrderParams, emptyBody } from './quotes.schemas.js';
import { createShareLinkBody, publicShareParams, shareLinkParams, shareLinkViewsQuery } from './share-links.schemas.js';
import * as links from './share-links.service.js';

/** Openings of customer links per address and minute: enough for a customer's reloads, not for guessing. */
export const PUBLIC_VIEWS_PER_MINUTE = 60;

/** Links for the customer to one order (issue 16, item 6): the firm's routes and the public one. */
export const shareLinksRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry } = app.wv;
  const ctx = (request: FastifyRequest): CustomersContext => ({ db, tenant: tenantOf(request) });
  const base = '/companies/:companyId';
  const tags = ['customers'];
  const share = requirePermission('customers.share');

  app.get(`${base}/customer-orders/:customerOrderId/share-links`, {
    onRequest: share,
    schema: { tags, summary: 'The customer links of an order, newest first, with state (active, expired, revoked), sections and how often each was opened', params: customerOrderParams },
  }, async (request) => links.listShareLinks(ctx(request), request.params.customerOrderId));

  app.post(`${base}/customer-orders/:customerOrderId/share-links`, {
    onRequest: share,
    schema: { tags, summary: 'Create a customer link (valid 1–180 days, default 30; sections: state and promised date always; operations, parameters, machine signals when ticked); the token is in this answer only', params: customerOrderParams, body: createShareLinkBody },
  }, async (request, reply) => reply.status(201).send(await links.createShareLink(ctx(request), request.params.customerOrderId, request.body)));

  app.post(`${base}/customer-orders/:customerOrderId/share-links/revoke`, {
    onRequest: share,
    schema: { tags, summary: 'Revoke every customer link of the order at once', params: customerOrderParams, body: emptyBody },
  }, async (request) => links.revokeAllShareLinks(ctx(request), request.params.customerOrderId));

  app.post(`${base}/share-links/:shareLinkId/revoke`, {
    onRequest: share,
    schema: { tags, summary: 'Revoke a customer link (final; revoking again changes nothing)', params: shareLinkParams, body: emptyBody },
  }, async (request) => links.revokeShareLink(ctx(request), request.params.shareLinkId));

  app.get(`${base}/share-links/:shareLinkId/views`, {
    onRequest: share,
    schema: { tags, summary: 'When a customer link was opened (newest first): time, shortened address, browser family; kept 90 days', params: shareLinkParams, querystring: shareLinkViewsQuery },
  }, async (request) => links.shareLinkViews(ctx(request), request.params.shareLinkId, request.query));

  // Public: no session needed. Unknown, malformed, revoked and expired tokens all answer the same 404.
  app.get('/p/o/:token', {
    config: { rateLimit: { max: PUBLIC_VIEWS_PER_MINUTE, timeWindow: '1 minute' } },
    schema: { tags, summary: 'The customer link: the order\'s state and promised date, and what the firm ticked; every opening is logged. No session; rate-limited per address', params: publicShareParams },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer');
    const answer = await links.openShareLink(db, request.params.token, { ip: request.ip, userAgent: request.headers['user-agent'] }, (tenantId, moduleId) => registry.isEnabled(db, tenantId, moduleId));
    if (!answer.ok) {
      request.log.info({ refusal: answer.refusal }, 'customer link refused');
      throw new ProblemError(404, 'not_found', { what: 'link' });
    }
    return answer.view;
  });
};
