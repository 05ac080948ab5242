import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../audit/audit-log.js';
import { inTransaction } from '../db/transaction.js';
import { companyParams } from '../http/company.routes.js';
import { requirePermission, tenantOf } from '../http/guards.js';
import { dashboardFor } from './dashboard.service.js';
import { readStartPathChoice, writeStartPathChoice } from './start-path-store.js';

const startPathBody = z.strictObject({
  /** Hide the start path on the home page (or show it again). */
  hidden: z.boolean().optional(),
  /** Steps (`<module>.<step>`) to skip; replaces the list. */
  skipped: z.array(z.string().trim().min(1).max(100).regex(/^[a-z][a-z0-9-]*\.[a-zA-Z][a-zA-Z0-9-]*$/)).max(50).optional(),
});

/** The home page: tiles of every switched-on module and the start path of the first hour. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const read = requirePermission('company.read');

  app.get('/companies/:companyId/dashboard', {
    onRequest: read,
    schema: { tags: ['companies'], summary: 'Home page: tiles of every switched-on module the caller may see, the start path and what to do next', params: companyParams },
  }, async (request) => dashboardFor(app.wv, tenantOf(request), { log: request.log }));

  app.put('/companies/:companyId/start-path', {
    onRequest: read,
    schema: { tags: ['companies'], summary: 'Hide or show the start path, or skip steps of it (for the caller only)', params: companyParams, body: startPathBody },
  }, async (request) => {
    const t = tenantOf(request);
    await inTransaction(app.wv.db, async (trx) => {
      const current = await readStartPathChoice(trx, t.tenantId, t.userId);
      const next = {
        hidden: request.body.hidden ?? current.hidden,
        skipped: request.body.skipped ? [...new Set(request.body.skipped)] : current.skipped,
      };
      await writeStartPathChoice(trx, t.tenantId, t.userId, next);
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'start_path.changed', details: next });
    });
    return dashboardFor(app.wv, t, { log: request.log });
  });
};
