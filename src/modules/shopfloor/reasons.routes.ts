import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import { MAX_PHOTO_BYTES, loadPhoto, storePhoto } from './photos.service.js';
import { photoParams, reasonBody, reasonParams } from './reasons.schemas.js';
import * as reasons from './reasons.service.js';
import type { ShopfloorContext } from './shopfloor.service.js';

/** Downtime and scrap reasons, and the photos of process parameters. */
export const shopfloorReasonRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.wv;
  const ctx = (request: FastifyRequest): ShopfloorContext => ({ db, tenant: tenantOf(request), locale: request.locale });
  const base = '/companies/:companyId/shopfloor';
  const tags = ['shopfloor'];
  const read = requirePermission('shopfloor.read');
  const plan = requirePermission('shopfloor.plan');
  const book = requirePermission('shopfloor.book');

  app.get(`${base}/reasons`, { onRequest: read, schema: { tags, summary: 'Downtime reasons (groups and reasons) and scrap reasons; the defaults are stored on first use', params: companyParams } },
    async (request) => reasons.listReasons(ctx(request)));
  app.post(`${base}/reasons`, { onRequest: plan, schema: { tags, summary: 'Add a downtime group, a downtime reason or a scrap reason', params: companyParams, body: reasonBody } },
    async (request, reply) => reply.status(201).send(await reasons.createReason(ctx(request), request.body)));
  app.put(`${base}/reasons/:reasonId`, { onRequest: plan, schema: { tags, summary: 'Change a reason (label, group, loss class, order, active)', params: reasonParams, body: reasonBody } },
    async (request) => reasons.updateReason(ctx(request), request.params.reasonId, request.body));
  app.delete(`${base}/reasons/:reasonId`, { onRequest: plan, schema: { tags, summary: 'Delete a reason; one that bookings refer to is deactivated instead', params: reasonParams } },
    async (request) => reasons.removeReason(ctx(request), request.params.reasonId));

  // Photos arrive as the image itself (not JSON); the parser only applies inside this plugin.
  app.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 2 * MAX_PHOTO_BYTES }, (_request, body, done) => done(null, body));
  app.put(`${base}/photos/:photoId`, {
    onRequest: book,
    bodyLimit: 2 * MAX_PHOTO_BYTES,
    schema: { tags, summary: 'Upload a process-parameter photo (JPEG, PNG or WebP, at most 2 MB) under the id the device generated; repeating it is answered duplicate', params: photoParams },
  }, async (request, reply) => {
    const result = await storePhoto(ctx(request), request.params.photoId, request.body);
    return reply.status(result.status === 'stored' ? 201 : 200).send(result);
  });
  app.get(`${base}/photos/:photoId`, { onRequest: read, schema: { tags, summary: 'A process-parameter photo', params: photoParams } }, async (request, reply) => {
    const photo = await loadPhoto(ctx(request), request.params.photoId);
    return reply.header('content-type', photo.mediaType).header('cache-control', 'private, max-age=31536000, immutable').send(photo.bytes);
  });
};
