import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../audit/audit-log.js';
import { auditView } from '../audit/record-history.js';
import { inTransaction } from '../db/transaction.js';
import { companyProfileSchema, sizeClassOf } from '../profile/company-profile.js';
import { getCompany, updateCompany } from '../tenancy/company-store.js';
import { requirePermission, tenantOf } from './guards.js';
import { ProblemError, notFound } from './problem.js';

export const companyParams = z.object({ companyId: z.uuid() });

export const companyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry, access } = app.wv;

  app.get('/companies/:companyId', {
    onRequest: requirePermission('company.read'),
    schema: { tags: ['companies'], summary: 'Company name and profile', params: companyParams },
  }, async (request) => {
    const company = await getCompany(db, tenantOf(request).tenantId);
    if (!company) throw notFound('company');
    return { ...company, sizeClass: company.profile.employees ? sizeClassOf(company.profile.employees) : null };
  });

  app.patch('/companies/:companyId', {
    onRequest: requirePermission('company.update'),
    schema: {
      tags: ['companies'],
      summary: 'Change name and profile (the profile is replaced as a whole)',
      params: companyParams,
      body: z.object({ name: z.string().trim().min(1).max(200).optional(), profile: companyProfileSchema.strict().optional() }),
    },
  }, async (request) => {
    const t = tenantOf(request);
    await inTransaction(db, async (trx) => {
      await updateCompany(trx, t.tenantId, request.body);
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'company.updated', details: request.body });
    });
    access.invalidateAccess();
    const company = await getCompany(db, t.tenantId);
    return { ...company!, sizeClass: company!.profile.employees ? sizeClassOf(company!.profile.employees) : null };
  });

  app.get('/companies/:companyId/modules', {
    onRequest: requirePermission('company.read'),
    schema: { tags: ['modules'], summary: 'Modules and whether they are switched on', params: companyParams },
  }, async (request) => {
    const states = await registry.states(db, tenantOf(request).tenantId);
    return states.map((s) => {
      const m = registry.get(s.id)!;
      return { id: m.id, name: m.name, description: m.description, core: m.core ?? false, dependsOn: m.dependsOn, enabled: s.enabled };
    });
  });

  app.put('/companies/:companyId/modules/:moduleId', {
    onRequest: requirePermission('modules.manage'),
    schema: {
      tags: ['modules'],
      summary: 'Switch a module on or off',
      params: companyParams.extend({ moduleId: z.string().max(60) }),
      body: z.object({ enabled: z.boolean() }),
    },
  }, async (request) => {
    const t = tenantOf(request);
    const module = registry.get(request.params.moduleId);
    if (!module) throw new ProblemError(404, 'module_unknown');
    if (module.core) throw new ProblemError(409, 'module_core');
    const states = await registry.states(db, t.tenantId);
    const blockers = registry.blockers(states, module.id, request.body.enabled);
    if (blockers.length > 0) throw new ProblemError(409, 'module_dependency', { modules: blockers.join(', ') }, { modules: blockers });
    await inTransaction(db, async (trx) => {
      await trx
        .insertInto('tenant_modules')
        .values({ tenant_id: t.tenantId, module_id: module.id, enabled: request.body.enabled, changed_by: t.userId })
        .onConflict((oc) => oc.columns(['tenant_id', 'module_id']).doUpdateSet({ enabled: request.body.enabled, changed_by: t.userId, changed_at: new Date() }))
        .execute();
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: request.body.enabled ? 'module.enabled' : 'module.disabled', target: module.id });
    });
    access.invalidateAccess();
    return { id: module.id, enabled: request.body.enabled };
  });

  app.get('/companies/:companyId/audit', {
    onRequest: requirePermission('audit.read'),
    schema: {
      tags: ['audit'],
      summary: 'Audit log, newest first; `text` says what happened as a sentence in the reader\'s language; `target` narrows it to one record (its id)',
      params: companyParams,
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        before: z.uuid().optional(),
        target: z.uuid({ error: 'must be the id of a record' }).optional(),
        lang: z.enum(['de', 'en']).optional(),
      }),
    },
  }, async (request) => auditView(db, registry, tenantOf(request).tenantId, request.query.lang ?? request.locale, request.query));
};
