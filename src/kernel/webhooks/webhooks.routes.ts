import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { newSecretToken } from '../auth/secret-token.js';
import { uuidv7 } from '../db/uuid-v7.js';
import { companyParams } from '../http/company.routes.js';
import { requirePermission, tenantOf } from '../http/guards.js';
import { ProblemError, notFound } from '../http/problem.js';
import { OutboundBlockedError, outboundPolicy, resolveAllowed } from '../net/outbound-policy.js';
import { testSubscription } from './event-delivery.js';
import * as store from './subscriptions.store.js';
import { sealSubscriptionSecret } from './webhook-secrets.js';
import { subscriptionBody, subscriptionParams, webhookDeliveriesQuery } from './webhooks.schemas.js';

const outboundBlocked = (error: OutboundBlockedError) =>
  new ProblemError(400, 'webhook_outbound_blocked', { target: error.host === error.address ? error.address : `${error.host} (${error.address})` }, { errors: [{ path: 'body.url', message: error.message }] });

/** The company's webhook subscriptions to the events modules emit, with the delivery log. */
export const webhooksRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config, registry } = app.wv;
  const tags = ['webhooks'];
  const manage = { onRequest: requirePermission('webhooks.manage') };
  const base = '/companies/:companyId/webhooks';
  /** Every event type a module declares, sorted. */
  const eventTypes = () => [...new Set(registry.modules.flatMap((m) => m.events ?? []))].sort();

  async function checkInput(body: z.output<typeof subscriptionBody>) {
    const known = new Set(eventTypes());
    const unknown = body.eventTypes.map((type, i) => ({ type, i })).filter(({ type }) => !known.has(type));
    if (unknown.length > 0) throw new ProblemError(400, 'validation', {}, { errors: unknown.map(({ i }) => ({ path: `body.eventTypes.${i}`, message: 'unknown event type' })) });
    try {
      await resolveAllowed(outboundPolicy(config), new URL(body.url).hostname);
    } catch (error) {
      if (error instanceof OutboundBlockedError) throw outboundBlocked(error);
      throw error;
    }
  }

  app.get(`${base}/event-types`, { ...manage, schema: { tags, summary: 'The event types the modules emit, to subscribe to', params: companyParams } }, async () => ({ eventTypes: eventTypes() }));

  app.get(base, { ...manage, schema: { tags, summary: 'Webhook subscriptions (without secrets)', params: companyParams } }, async (request) => store.listSubscriptions(db, tenantOf(request).tenantId));

  app.post(base, {
    ...manage,
    schema: { tags, summary: 'Subscribe a URL to event types; the signing secret is shown in this answer only', params: companyParams, body: subscriptionBody },
  }, async (request, reply) => {
    const { tenantId } = tenantOf(request);
    await checkInput(request.body);
    const id = uuidv7();
    const secret = `whsec_${newSecretToken().token}`;
    await store.insertSubscription(db, tenantId, id, request.body, sealSubscriptionSecret(config, tenantId, id, secret));
    return reply.status(201).send({ ...(await store.listSubscriptions(db, tenantId, id))[0], secret });
  });

  app.put(`${base}/:subscriptionId`, {
    ...manage,
    schema: { tags, summary: 'Change a subscription (URL, description, event types, active)', params: subscriptionParams, body: subscriptionBody },
  }, async (request) => {
    const { tenantId } = tenantOf(request);
    await checkInput(request.body);
    if (!(await store.updateSubscription(db, tenantId, request.params.subscriptionId, request.body))) throw notFound('webhook');
    return (await store.listSubscriptions(db, tenantId, request.params.subscriptionId))[0];
  });

  app.delete(`${base}/:subscriptionId`, { ...manage, schema: { tags, summary: 'Delete a subscription (its delivery log stays)', params: subscriptionParams } }, async (request, reply) => {
    if (!(await store.deleteSubscription(db, tenantOf(request).tenantId, request.params.subscriptionId))) throw notFound('webhook');
    return reply.status(204).send();
  });

  app.post(`${base}/:subscriptionId/test`, {
    ...manage,
    schema: { tags, summary: 'Send a signed test message (type webhook.test) now and report the receiver\'s answer', params: subscriptionParams },
  }, async (request) => {
    const result = await testSubscription({ db, config }, tenantOf(request).tenantId, request.params.subscriptionId).catch((error: unknown) => {
      if (error instanceof OutboundBlockedError) throw outboundBlocked(error);
      throw error;
    });
    if (!result) throw notFound('webhook');
    return result;
  });

  app.get(`${base}/deliveries`, {
    ...manage,
    schema: { tags, summary: 'Delivery log of the events sent to the subscriptions, newest first', params: companyParams, querystring: webhookDeliveriesQuery },
  }, async (request) => store.listDeliveries(db, tenantOf(request).tenantId, request.query.limit));
};
