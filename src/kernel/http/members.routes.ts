import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../audit/audit-log.js';
import { pinLockOf } from '../auth/pin-lockout.js';
import { inTransaction } from '../db/transaction.js';
import type { Db } from '../db/database.js';
import { ADMIN_GRANTABLE_ROLES, ROLES, type Role } from '../tenancy/roles.js';
import type { TenantContext } from './app-context.js';
import { companyParams } from './company.routes.js';
import { requirePermission, tenantOf } from './guards.js';
import { ProblemError, notFound } from './problem.js';

const memberParams = companyParams.extend({ userId: z.uuid() });

async function ownerCount(db: Db, tenantId: string) {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function findMember(db: Db, tenantId: string, userId: string): Promise<{ role: Role; name: string }> {
  const row = await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['role', 'users.name']).where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('member');
  return { role: row.role as Role, name: row.name };
}

/** Owners may change anyone; admins may not touch owners nor create them. */
export function assertMayGrant(actor: TenantContext, currentRole: Role | undefined, newRole: Role | undefined) {
  if (actor.role === 'owner') return;
  if (currentRole === 'owner') throw new ProblemError(403, 'role_not_allowed');
  if (newRole && !ADMIN_GRANTABLE_ROLES.includes(newRole)) throw new ProblemError(403, 'role_not_allowed');
}

export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, access } = app.wv;

  app.get('/companies/:companyId/members', {
    onRequest: requirePermission('members.read'),
    schema: { tags: ['members'], summary: 'People with access to the company', params: companyParams },
  }, async (request) => {
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.name', 'u.email', 'm.role', 'm.created_at', 'm.personnel_number', 'm.pin_hash', 'm.pin_locked_until', 'm.pin_budget_failures', 'm.pin_budget_since'])
      .where('m.tenant_id', '=', tenantOf(request).tenantId)
      .orderBy('u.name')
      .execute();
    return rows.map((r) => ({
      userId: r.id, name: r.name, email: r.email, role: r.role, since: r.created_at,
      personnelNumber: r.personnel_number, hasPin: r.pin_hash !== null, pinLockedUntil: pinLockOf(r, new Date())?.until.toISOString() ?? null,
    }));
  });

  app.patch('/companies/:companyId/members/:userId', {
    onRequest: requirePermission('members.manage'),
    schema: { tags: ['members'], summary: 'Change a member\'s role', params: memberParams, body: z.object({ role: z.enum(ROLES) }) },
  }, async (request) => {
    const t = tenantOf(request);
    const target = await findMember(db, t.tenantId, request.params.userId);
    const role = request.body.role;
    assertMayGrant(t, target.role, role);
    if (target.role === 'owner' && role !== 'owner' && (await ownerCount(db, t.tenantId)) <= 1) throw new ProblemError(409, 'last_owner');
    await inTransaction(db, async (trx) => {
      await trx.updateTable('memberships').set({ role }).where('tenant_id', '=', t.tenantId).where('user_id', '=', request.params.userId).execute();
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'member.role_changed', target: request.params.userId, details: { name: target.name, from: target.role, to: role } });
    });
    access.invalidateAccess();
    return { userId: request.params.userId, role };
  });

  app.delete('/companies/:companyId/members/:userId', {
    onRequest: requirePermission('members.manage'),
    schema: { tags: ['members'], summary: 'Revoke a member\'s or advisor\'s access', params: memberParams },
  }, async (request, reply) => {
    const t = tenantOf(request);
    const target = await findMember(db, t.tenantId, request.params.userId);
    assertMayGrant(t, target.role, undefined);
    if (target.role === 'owner' && (await ownerCount(db, t.tenantId)) <= 1) throw new ProblemError(409, 'last_owner');
    await inTransaction(db, async (trx) => {
      await trx.deleteFrom('memberships').where('tenant_id', '=', t.tenantId).where('user_id', '=', request.params.userId).execute();
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'member.removed', target: request.params.userId, details: { name: target.name, role: target.role } });
    });
    access.invalidateAccess();
    return reply.status(204).send();
  });
};
