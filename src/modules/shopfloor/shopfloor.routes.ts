import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import * as bookings from './bookings.service.js';
import { controlling } from './controlling.service.js';
import { controllingReportRoutes } from './controlling-reports.routes.js';
import { shopfloorReasonRoutes } from './reasons.routes.js';
import { shopfloorTerminalRoutes } from './terminals.routes.js';
import { shopfloorHistoryRoutes } from './record-history.routes.js';
import {
  bookingBatchBody,
  bookingListQuery,
  controllingQuery,
  csvImportBody,
  icalImportBody,
  orderBody,
  orderParams,
  orderPatch,
  orderSearchQuery,
  partBody,
  partParams,
  workCentreBody,
  settingsBody,
  workCentreParams,
} from './schemas.js';
import * as store from './shopfloor.store.js';
import { writeAudit } from '../../kernel/audit/audit-log.js';
import * as service from './shopfloor.service.js';
import { importOrdersCsv } from './orders-csv.service.js';
import { searchOrders } from './order-list.service.js';

export const shopfloorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.wv;
  const ctx = (request: FastifyRequest): service.ShopfloorContext => ({ db, tenant: tenantOf(request), locale: request.locale });
  const base = '/companies/:companyId/shopfloor';
  const tags = ['shopfloor'];
  const read = requirePermission('shopfloor.read');
  const plan = requirePermission('shopfloor.plan');
  const book = requirePermission('shopfloor.book');

  app.get(`${base}/work-centres`, { onRequest: read, schema: { tags, summary: 'Work centres with their shift calendars', params: companyParams } },
    async (request) => service.listWorkCentres(ctx(request)));
  app.post(`${base}/work-centres`, { onRequest: plan, schema: { tags, summary: 'Create a work centre with its shift calendar', params: companyParams, body: workCentreBody } },
    async (request, reply) => reply.status(201).send(await service.createWorkCentre(ctx(request), request.body)));
  app.get(`${base}/work-centres/:workCentreId`, { onRequest: read, schema: { tags, summary: 'A work centre', params: workCentreParams } },
    async (request) => service.getWorkCentre(ctx(request), request.params.workCentreId));
  app.put(`${base}/work-centres/:workCentreId`, { onRequest: plan, schema: { tags, summary: 'Replace code, name and shift calendar of a work centre', params: workCentreParams, body: workCentreBody } },
    async (request) => service.updateWorkCentre(ctx(request), request.params.workCentreId, request.body));
  app.post(`${base}/work-centres/:workCentreId/holidays/ical`, {
    onRequest: plan,
    schema: { tags, summary: 'Import holidays from an iCalendar file (all-day events), added to or replacing the calendar\'s holidays', params: workCentreParams, body: icalImportBody },
  }, async (request) => service.importHolidays(ctx(request), request.params.workCentreId, request.body));

  app.get(`${base}/parts`, { onRequest: read, schema: { tags, summary: 'Parts with their routings', params: companyParams } },
    async (request) => service.listParts(ctx(request)));
  app.post(`${base}/parts`, { onRequest: plan, schema: { tags, summary: 'Create a part with its routing', params: companyParams, body: partBody } },
    async (request, reply) => reply.status(201).send(await service.createPart(ctx(request), request.body)));
  app.get(`${base}/parts/:partId`, { onRequest: read, schema: { tags, summary: 'A part with its routing', params: partParams } },
    async (request) => service.getPart(ctx(request), request.params.partId));
  app.put(`${base}/parts/:partId`, { onRequest: plan, schema: { tags, summary: 'Replace a part and its routing (existing orders keep their operations)', params: partParams, body: partBody } },
    async (request) => service.updatePart(ctx(request), request.params.partId, request.body));

  app.get(`${base}/orders`, { onRequest: read, schema: { tags, summary: 'Production orders with their operations and progress', params: companyParams } },
    async (request) => service.listOrders(ctx(request)));
  app.post(`${base}/orders`, { onRequest: plan, schema: { tags, summary: 'Create a production order; its operations are copied from the part\'s routing', params: companyParams, body: orderBody } },
    async (request, reply) => reply.status(201).send(await service.createOrder(ctx(request), request.body)));
  app.post(`${base}/orders/import`, {
    onRequest: plan,
    schema: { tags, summary: 'Import production orders from CSV: all lines or none; errors name line and column', params: companyParams, body: csvImportBody },
  }, async (request, reply) => reply.status(201).send(await importOrdersCsv(ctx(request), request.body.csv)));
  app.get(`${base}/orders/search`, {
    onRequest: read,
    schema: { tags, summary: 'Production orders found by number, part or customer, in one state (open by default), sorted and paged, with counts per state', params: companyParams, querystring: orderSearchQuery },
  }, async (request) => searchOrders(ctx(request), request.query));
  app.get(`${base}/orders/:orderId`, { onRequest: read, schema: { tags, summary: 'A production order with its operations and progress', params: orderParams } },
    async (request) => service.getOrder(ctx(request), request.params.orderId));
  app.patch(`${base}/orders/:orderId`, { onRequest: plan, schema: { tags, summary: 'Change number, quantity, due date, customer reference, priority or release', params: orderParams, body: orderPatch } },
    async (request) => service.updateOrder(ctx(request), request.params.orderId, request.body));

  app.post(`${base}/bookings`, {
    onRequest: book,
    schema: { tags, summary: 'Deliver terminal bookings: each is applied exactly once and answered applied, duplicate, conflict or waiting', params: companyParams, body: bookingBatchBody },
  }, async (request) => bookings.syncBookings(ctx(request), request.body.bookings));
  app.get(`${base}/bookings`, {
    onRequest: read,
    schema: { tags, summary: 'Stored bookings (also refused and waiting ones), in the order received', params: companyParams, querystring: bookingListQuery },
  }, async (request) => bookings.listBookings(ctx(request), request.query));

  app.get(`${base}/settings`, {
    onRequest: read,
    schema: { tags, summary: 'Shop-floor settings: the margin above the remaining quantity from which a quantity booking needs confirmation', params: companyParams },
  }, async (request) => store.readSettings(db, tenantOf(request).tenantId));
  app.put(`${base}/settings`, {
    onRequest: plan,
    schema: { tags, summary: 'Change the shop-floor settings', params: companyParams, body: settingsBody },
  }, async (request) => {
    const tenant = tenantOf(request);
    // the change and its audit entry in one transaction: a failing audit stores nothing
    return db.transaction().execute(async (trx) => {
      const before = await store.readSettings(trx, tenant.tenantId);
      await store.writeSettings(trx, tenant.tenantId, request.body);
      await writeAudit(trx, { tenantId: tenant.tenantId, actorId: tenant.userId, action: 'shopfloor.settings_changed', details: { before, after: request.body } });
      return store.readSettings(trx, tenant.tenantId);
    });
  });

  app.get(`${base}/controlling`, {
    onRequest: read,
    schema: { tags, summary: 'OEE, availability, performance, quality, scrap rate, utilisation per work centre and day or month; lead time and on-time delivery', params: companyParams, querystring: controllingQuery },
  }, async (request) => controlling(ctx(request), request.query));

  await app.register(shopfloorReasonRoutes);
  await app.register(shopfloorTerminalRoutes);
  await app.register(shopfloorHistoryRoutes);
  await app.register(controllingReportRoutes);
};
