import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../audit/audit-log.js';
import { hashPin, personnelNumberSchema, pinSchema } from '../auth/pin.js';
import { PIN_UNLOCKED } from '../auth/pin-lockout.js';
import type { Db } from '../db/database.js';
import { uuidv7 } from '../db/uuid-v7.js';
import type { Role } from '../tenancy/roles.js';
import type { AppContext } from './app-context.js';
import { personNameSchema } from './auth.routes.js';
import { companyParams } from './company.routes.js';
import { requirePermission, tenantOf } from './guards.js';
import { assertMayGrant } from './members.routes.js';
import { ProblemError, notFound } from './problem.js';

const memberParams = companyParams.extend({ userId: z.uuid() });

async function personnelNumberTaken(db: Db, tenantId: string, personnelNumber: string, exceptUserId?: string) {
  let query = db.selectFrom('memberships').select('user_id').where('tenant_id', '=', tenantId).where('personnel_number', '=', personnelNumber);
  if (exceptUserId) query = query.where('user_id', '!=', exceptUserId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Ends the person's PIN sessions in this company (after a PIN change or removal). */
async function endPinSessions(ctx: AppContext, tenantId: string, userId: string) {
  await ctx.db.deleteFrom('sessions').where('user_id', '=', userId).where('scope_tenant_id', '=', tenantId).execute();
  ctx.access.dropSessions((auth) => auth.user.id === userId && auth.terminal?.tenantId === tenantId);
}

/**
 * Shop-floor workers: accounts without e-mail address that only sign in with a PIN on a
 * registered terminal, and the PIN of any member. Managed by owners and admins.
 */
export const workersRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.wv;
  const { db } = ctx;

  app.post('/companies/:companyId/workers', {
    onRequest: requirePermission('members.manage'),
    schema: {
      tags: ['members'],
      summary: 'Create a shop-floor worker (no e-mail address) who signs in with a PIN on terminals',
      params: companyParams,
      body: z.object({ name: personNameSchema, personnelNumber: personnelNumberSchema, pin: pinSchema }),
    },
  }, async (request, reply) => {
    const t = tenantOf(request);
    const { name, personnelNumber, pin } = request.body;
    if (await personnelNumberTaken(db, t.tenantId, personnelNumber)) throw new ProblemError(409, 'personnel_number_taken');
    const pinHash = await hashPin(pin);
    const userId = uuidv7();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values({ id: userId, email: null, name, password_hash: null, locale: request.locale }).execute();
      await trx.insertInto('memberships').values({ tenant_id: t.tenantId, user_id: userId, role: 'shopfloor', personnel_number: personnelNumber, pin_hash: pinHash }).execute();
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'member.worker_created', target: userId, details: { name, personnelNumber } });
    });
    ctx.access.invalidateAccess();
    return reply.status(201).send({ userId, name, personnelNumber, role: 'shopfloor' as Role });
  });

  app.put('/companies/:companyId/members/:userId/pin', {
    onRequest: requirePermission('members.manage'),
    schema: {
      tags: ['members'],
      summary: 'Set or reset a member\'s PIN (and personnel number) for terminal sign-in',
      params: memberParams,
      body: z.object({ pin: pinSchema, personnelNumber: personnelNumberSchema.optional() }),
    },
  }, async (request) => {
    const t = tenantOf(request);
    const { userId } = request.params;
    const member = await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['role', 'personnel_number', 'users.name']).where('tenant_id', '=', t.tenantId).where('user_id', '=', userId).executeTakeFirst();
    if (!member) throw notFound('member');
    assertMayGrant(t, member.role as Role, undefined);
    const personnelNumber = request.body.personnelNumber ?? member.personnel_number;
    if (!personnelNumber) throw new ProblemError(400, 'pin_without_personnel_number');
    if (await personnelNumberTaken(db, t.tenantId, personnelNumber, userId)) throw new ProblemError(409, 'personnel_number_taken');
    const pinHash = await hashPin(request.body.pin);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('memberships')
        .set({ pin_hash: pinHash, personnel_number: personnelNumber, ...PIN_UNLOCKED })
        .where('tenant_id', '=', t.tenantId).where('user_id', '=', userId).execute();
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'member.pin_set', target: userId, details: { name: member.name, personnelNumber } });
    });
    await endPinSessions(ctx, t.tenantId, userId);
    return { userId, personnelNumber, hasPin: true };
  });

  app.delete('/companies/:companyId/members/:userId/pin', {
    onRequest: requirePermission('members.manage'),
    schema: { tags: ['members'], summary: 'Remove a member\'s PIN: no more terminal sign-in', params: memberParams },
  }, async (request, reply) => {
    const t = tenantOf(request);
    const { userId } = request.params;
    const member = await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['role', 'users.name']).where('tenant_id', '=', t.tenantId).where('user_id', '=', userId).executeTakeFirst();
    if (!member) throw notFound('member');
    assertMayGrant(t, member.role as Role, undefined);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('memberships').set({ pin_hash: null, ...PIN_UNLOCKED }).where('tenant_id', '=', t.tenantId).where('user_id', '=', userId).execute();
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'member.pin_removed', target: userId, details: { name: member.name } });
    });
    await endPinSessions(ctx, t.tenantId, userId);
    return reply.status(204).send();
  });

  app.delete('/companies/:companyId/members/:userId/pin-lock', {
    onRequest: requirePermission('members.manage'),
    schema: { tags: ['members'], summary: 'Unlock a member\'s PIN sign-in after wrong PINs (pause and daily limit)', params: memberParams },
  }, async (request, reply) => {
    const t = tenantOf(request);
    const { userId } = request.params;
    const member = await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['role', 'users.name']).where('tenant_id', '=', t.tenantId).where('user_id', '=', userId).executeTakeFirst();
    if (!member) throw notFound('member');
    assertMayGrant(t, member.role as Role, undefined);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('memberships').set({ ...PIN_UNLOCKED }).where('tenant_id', '=', t.tenantId).where('user_id', '=', userId).execute();
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'member.pin_unlocked', target: userId, details: { name: member.name } });
    });
    return reply.status(204).send();
  });
};
