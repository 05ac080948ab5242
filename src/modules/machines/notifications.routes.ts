import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import type { MachinesContext } from './machines.service.js';
import { deliveriesQuery, markReadBody, notificationSettingsBody, notificationsQuery } from './notifications.schemas.js';
import * as service from './notifications.service.js';

/**
 * In-app notifications of alarms, who gets them by e-mail, and the delivery log. Webhooks of
 * alarms are the kernel's webhook subscriptions to `machines.alarm.*` (company settings, Webhooks).
 */
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

  app.get(`${company}/machine-notification-deliveries`, {
    ...manage,
    schema: { tags, summary: 'Delivery log of the alarm e-mails (and of webhook calls made before alarm webhooks moved to the kernel outbox), newest first', params: companyParams, querystring: deliveriesQuery },
  }, async (request) => service.listDeliveries(ctx(request), request.query.limit));
};
