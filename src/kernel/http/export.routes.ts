import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeAudit } from '../audit/audit-log.js';
import { exportCompany } from '../export/company-export.js';
import { APP_VERSION } from '../version.js';
import { companyParams } from './company.routes.js';
import { requirePermission, tenantOf } from './guards.js';

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry } = app.wv;
  app.get('/companies/:companyId/export', {
    onRequest: requirePermission('export.download'),
    schema: { tags: ['export'], summary: 'All company data as a ZIP of JSON files with a manifest', params: companyParams },
  }, async (request, reply) => {
    const t = tenantOf(request);
    const { zip, manifest } = await exportCompany(db, registry, t.tenantId, APP_VERSION);
    await writeAudit(db, { tenantId: t.tenantId, actorId: t.userId, action: 'company.exported', details: { tables: manifest.tables.length } });
    const day = manifest.exportedAt.slice(0, 10);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="werkverbund-export-${day}.zip"`)
      .send(Buffer.from(zip));
  });
};
