import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import type { MachinesContext } from './machines.service.js';
import { deliveriesQuery, markReadBody, notificationSettingsBody, notificationsQuery, webhookBody, webhookParams } from './notifications.schemas.js';
import * as service from './notifications.service.js';

/** In-app notifications of alarms, and where else they go (e-mail, webhooks) with the delivery log. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.wv;
  const ctx = (request: FastifyRequest): MachinesContext => ({ db, tenant: tenantOf(request), config });
  const tags = ['machines'];
  const read = { onRequest: requirePermission('machines.read') };
  const manage = { onRequest: requirePermission('machines.manage') };
  const company = '/companies/:companyId';

  app.get(`${company}/machine-notifications`, {
    ...read,
    schema: { tags, summary: 'Alarm notifications (raised, acknowledged, cleared), newest first, with the unread count of the signed-in person', params: companyParams, querystring: notificationsQuery },
  }, async (request) => service.listNotifications(ctx(request), request.query.limit));

  app.post(`${company}/machine-notifications/read`, {
    ...read,
    schema: { tags, summary: 'Mark the notifications as read (up to "until", default now)', params: companyParams, body: markReadBody },
  }, async (request) => service.markRead(ctx(request), request.body));

  app.get(`${company}/machine-notification-settings`, {
    ...manage,
    schema: { tags, summary: 'Who is notified by e-mail and about which severities, with the members to choose from', params: companyParams },
  }, async (request) => service.getSettings(ctx(request)));

  app.put(`${company}/machine-notification-settings`, {
    ...manage,
    schema: { tags, summary: 'Change the notification settings', params: companyParams, body: notificationSettingsBody },
  }, async (request) => service.putSettings(ctx(request), request.body));

  app.get(`${company}/machine-webhooks`, { ...manage, schema: { tags, summary: 'Webhooks (without secrets)', params: companyParams } }, async (request) => service.listWebhooks(ctx(request)));

  app.post(`${company}/machine-webhooks`, {
    ...manage,
    schema: { tags, summary: 'Create a webhook; the signing secret is shown in this answer only', params: companyParams, body: webhookBody },
  }, async (request, reply) => reply.status(201).send(await service.createWebhook(ctx(request), request.body)));

  app.put(`${company}/machine-webhooks/:webhookId`, { ...manage, schema: { tags, summary: 'Change a webhook (URL, description, enabled)', params: webhookParams, body: webhookBody } }, async (request) =>
    service.updateWebhook(ctx(request), request.params.webhookId, request.body),
  );

  app.delete(`${company}/machine-webhooks/:webhookId`, { ...manage, schema: { tags, summary: 'Delete a webhook (its delivery log stays)', params: webhookParams } }, async (request, reply) => {
    await service.deleteWebhook(ctx(request), request.params.webhookId);
    return reply.status(204).send();
  });

  app.post(`${company}/machine-webhooks/:webhookId/test`, {
    ...manage,
    schema: { tags, summary: 'Send a signed test message (type webhook.test) now and report the receiver\'s answer', params: webhookParams },
  }, async (request) => service.testWebhook(ctx(request), request.params.webhookId));

  app.get(`${company}/machine-notification-deliveries`, {
    ...manage,
    schema: { tags, summary: 'Delivery log of webhooks and e-mails, newest first', params: companyParams, querystring: deliveriesQuery },
  }, async (request) => service.listDeliveries(ctx(request), request.query.limit));
};
