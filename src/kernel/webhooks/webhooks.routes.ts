import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { writeAudit } from '../audit/audit-log.js';
import { newSecretToken } from '../auth/secret-token.js';
import { uuidv7 } from '../db/uuid-v7.js';
import { companyParams } from '../http/company.routes.js';
import { requirePermission, tenantOf } from '../http/guards.js';
import { ProblemError, notFound } from '../http/problem.js';
import { OutboundBlockedError, outboundPolicy, resolveAllowed } from '../net/outbound-policy.js';
import { testSubscription } from './event-delivery.js';
import * as store from './subscriptions.store.js';
import { sealSubscriptionSecret } from './webhook-secrets.js';
import { deliveryParams, subscriptionBody, subscriptionParams, webhookDeliveriesQuery } from './webhooks.schemas.js';

const outboundBlocked = (error: OutboundBlockedError) =>
  new ProblemError(400, 'webhook_outbound_blocked', { target: error.host === error.address ? error.address : `${error.host} (${error.address})` }, { errors: [{ path: 'body.url', message: error.message }] });

const newSecret = () => `whsec_${newSecretToken().token}`;

/** The company's webhook subscriptions to the events modules emit, with the delivery log. Every change is audited with it. */
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

  app.get(`${base}/event-types`, {
    ...manage,
    schema: { tags, summary: 'The event types the modules emit, to subscribe to, with their names and the payload fields a filter can choose values of', params: companyParams },
  }, async () => ({
    eventTypes: eventTypes(),
    labels: Object.assign({}, ...registry.modules.map((m) => m.eventLabels ?? {})),
    filters: registry.modules.flatMap((m) => m.eventFilters ?? []),
  }));

  app.get(base, { ...manage, schema: { tags, summary: 'Webhook subscriptions (without secrets)', params: companyParams } }, async (request) => store.listSubscriptions(db, tenantOf(request).tenantId));

  app.post(base, {
    ...manage,
    schema: { tags, summary: 'Subscribe a URL to event types (optionally filtered by payload values); the signing secret is shown in this answer only', params: companyParams, body: subscriptionBody },
  }, async (request, reply) => {
    const { tenantId, userId } = tenantOf(request);
    await checkInput(request.body);
    const id = uuidv7();
    const secret = newSecret();
    await db.transaction().execute(async (trx) => {
      await store.insertSubscription(trx, tenantId, id, request.body, sealSubscriptionSecret(config, tenantId, id, secret));
      await writeAudit(trx, { tenantId, actorId: userId, action: 'webhook.created', target: request.body.url, details: { eventTypes: request.body.eventTypes } });
    });
    return reply.status(201).send({ ...(await store.listSubscriptions(db, tenantId, id))[0], secret });
  });

  app.put(`${base}/:subscriptionId`, {
    ...manage,
    schema: { tags, summary: 'Change a subscription (URL, description, event types, filter, active)', params: subscriptionParams, body: subscriptionBody },
  }, async (request) => {
    const { tenantId, userId } = tenantOf(request);
    await checkInput(request.body);
    await db.transaction().execute(async (trx) => {
      if (!(await store.updateSubscription(trx, tenantId, request.params.subscriptionId, request.body))) throw notFound('webhook');
      await writeAudit(trx, { tenantId, actorId: userId, action: 'webhook.updated', target: request.body.url, details: { eventTypes: request.body.eventTypes, active: request.body.active } });
    });
    return (await store.listSubscriptions(db, tenantId, request.params.subscriptionId))[0];
  });

  app.delete(`${base}/:subscriptionId`, { ...manage, schema: { tags, summary: 'Delete a subscription (its delivery log stays)', params: subscriptionParams } }, async (request, reply) => {
    const { tenantId, userId } = tenantOf(request);
    await db.transaction().execute(async (trx) => {
      const [subscription] = await store.listSubscriptions(trx, tenantId, request.params.subscriptionId);
      if (!subscription || !(await store.deleteSubscription(trx, tenantId, subscription.id))) throw notFound('webhook');
      await writeAudit(trx, { tenantId, actorId: userId, action: 'webhook.deleted', target: subscription.url });
    });
    return reply.status(204).send();
  });

  app.post(`${base}/:subscriptionId/secret`, {
    ...manage,
    schema: { tags, summary: 'Replace the signing secret; the new one is shown in this answer only, the old one stops working at once', params: subscriptionParams },
  }, async (request) => {
    const { tenantId, userId } = tenantOf(request);
    const id = request.params.subscriptionId;
    const secret = newSecret();
    await db.transaction().execute(async (trx) => {
      const [subscription] = await store.listSubscriptions(trx, tenantId, id);
      if (!subscription || !(await store.replaceSecret(trx, tenantId, id, sealSubscriptionSecret(config, tenantId, id, secret)))) throw notFound('webhook');
      await writeAudit(trx, { tenantId, actorId: userId, action: 'webhook.secret_rotated', target: subscription.url });
    });
    return { ...(await store.listSubscriptions(db, tenantId, id))[0], secret };
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

  app.post(`${base}/deliveries/:deliveryId/retry`, {
    ...manage,
    schema: { tags, summary: 'Send a failed or waiting delivery again at the next run of the delivery job (within seconds)', params: deliveryParams },
  }, async (request) => {
    const { tenantId, userId } = tenantOf(request);
    const id = request.params.deliveryId;
    await db.transaction().execute(async (trx) => {
      if (!(await store.retryDelivery(trx, tenantId, id))) {
        if (await store.deliveryExists(trx, tenantId, id)) throw new ProblemError(409, 'webhook_delivery_delivered', {});
        throw notFound('webhook_delivery');
      }
      await writeAudit(trx, { tenantId, actorId: userId, action: 'webhook.delivery_retried', target: id });
    });
    return (await store.listDeliveries(db, tenantId, 1, id))[0];
  });
};
