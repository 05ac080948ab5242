import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../audit/audit-log.js';
import { inTransaction } from '../db/transaction.js';
import { hashToken, newSecretToken } from '../auth/secret-token.js';
import { uuidv7 } from '../db/uuid-v7.js';
import { translate } from '../i18n/server-messages.js';
import { ROLES, type Role } from '../tenancy/roles.js';
import { emailSchema, insertNewUser, newUserSchema, prepareUser, startSession } from './auth.routes.js';
import { companyParams } from './company.routes.js';
import { requireAccount, requirePermission, tenantOf } from './guards.js';
import { assertMayGrant } from './members.routes.js';
import { loadMe } from './me.js';
import { ProblemError } from './problem.js';

const INVITATION_DAYS = 14;
const tokenSchema = z.string().min(20).max(100);

export const invitationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.wv;
  const { db } = ctx;

  async function findOpenInvitation(token: string) {
    const row = await db
      .selectFrom('invitations as i')
      .innerJoin('tenants as t', 't.id', 'i.tenant_id')
      .select(['i.tenant_id', 'i.id', 'i.email', 'i.role', 'i.expires_at', 't.name as company_name'])
      .where('i.token_hash', '=', hashToken(token))
      .where('i.accepted_at', 'is', null)
      .where('i.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row || new Date(row.expires_at) < new Date()) throw new ProblemError(404, 'invitation_invalid');
    return row;
  }

  app.get('/companies/:companyId/invitations', {
    onRequest: requirePermission('members.manage'),
    schema: { tags: ['members'], summary: 'Open invitations', params: companyParams },
  }, async (request) => {
    const rows = await db
      .selectFrom('invitations')
      .select(['id', 'email', 'role', 'created_at', 'expires_at'])
      .where('tenant_id', '=', tenantOf(request).tenantId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date())
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, createdAt: r.created_at, expiresAt: r.expires_at }));
  });

  app.post('/companies/:companyId/invitations', {
    onRequest: requirePermission('members.manage'),
    schema: {
      tags: ['members'],
      summary: 'Invite a person (or grant an advisor access); returns the link once',
      params: companyParams,
      body: z.object({ email: emailSchema.optional(), role: z.enum(ROLES) }),
    },
  }, async (request, reply) => {
    const t = tenantOf(request);
    assertMayGrant(t, undefined, request.body.role as Role);
    const { token, hash } = newSecretToken();
    const id = uuidv7();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    await inTransaction(db, async (trx) => {
      await trx
        .insertInto('invitations')
        .values({ tenant_id: t.tenantId, id, email: request.body.email ?? null, role: request.body.role, token_hash: hash, created_by: t.userId, expires_at: expiresAt })
        .execute();
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'invitation.created', target: request.body.email ?? id, details: { role: request.body.role } });
    });
    const link = `${ctx.config.publicUrl}/invite#${token}`;
    let mailed = false;
    if (request.body.email) {
      const company = await db.selectFrom('tenants').select('name').where('id', '=', t.tenantId).executeTakeFirstOrThrow();
      const locale = request.locale;
      mailed = await ctx.mailer
        .send({
          to: request.body.email,
          subject: translate(locale, 'mail.invitation_subject', { company: company.name }),
          text: translate(locale, 'mail.invitation_text', { company: company.name, inviter: request.auth!.user.name, link }),
        })
        .catch((error: Error) => {
          request.log.warn({ err: error.message }, 'invitation mail not sent');
          return false;
        });
    }
    return reply.status(201).send({ id, role: request.body.role, email: request.body.email ?? null, link, expiresAt, mailed });
  });

  app.delete('/companies/:companyId/invitations/:invitationId', {
    onRequest: requirePermission('members.manage'),
    schema: { tags: ['members'], summary: 'Withdraw an invitation', params: companyParams.extend({ invitationId: z.uuid() }) },
  }, async (request, reply) => {
    const t = tenantOf(request);
    await inTransaction(db, async (trx) => {
      const result = await trx
        .updateTable('invitations')
        .set({ revoked_at: new Date() })
        .where('tenant_id', '=', t.tenantId)
        .where('id', '=', request.params.invitationId)
        .where('accepted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new ProblemError(404, 'not_found', { what: 'invitation' });
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'invitation.revoked', target: request.params.invitationId });
    });
    return reply.status(204).send();
  });

  app.post('/invitations/lookup', {
    config: { rateLimit: { max: ctx.config.signInRateLimit * 3, timeWindow: '1 minute' } },
    schema: { tags: ['members'], summary: 'What an invitation link grants', body: z.object({ token: tokenSchema }) },
  }, async (request) => {
    const inv = await findOpenInvitation(request.body.token);
    return { companyName: inv.company_name, role: inv.role, email: inv.email };
  });

  app.post('/invitations/accept', {
    config: { rateLimit: { max: ctx.config.signInRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags: ['members'],
      summary: 'Accept an invitation, signed in or with a new account',
      body: z.object({ token: tokenSchema, user: newUserSchema.optional() }),
    },
  }, async (request, reply) => {
    await findOpenInvitation(request.body.token);
    if (request.auth) requireAccount(request);
    let csrfToken = request.auth?.csrfToken;
    if (!request.auth && !request.body.user) throw new ProblemError(401, 'unauthenticated');
    const prepared = request.auth ? undefined : await prepareUser(request.body.user!, request.locale);
    // one transaction, and the invitation is claimed by a single conditional UPDATE: of parallel
    // accepts with the same token exactly one finds it open; the others change nothing (not even an account)
    const { inv, user } = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('invitations')
        .set({ accepted_at: new Date() })
        .where('token_hash', '=', hashToken(request.body.token))
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', new Date())
        .returning(['tenant_id', 'id', 'role'])
        .executeTakeFirst();
      if (!claimed) throw new ProblemError(404, 'invitation_invalid');
      const user = request.auth?.user ?? { id: await insertNewUser(trx, prepared!), email: prepared!.email, name: prepared!.name, locale: request.locale };
      const existing = await trx.selectFrom('memberships').select('role').where('tenant_id', '=', claimed.tenant_id).where('user_id', '=', user.id).executeTakeFirst();
      if (existing) throw new ProblemError(409, 'already_member');
      await trx.insertInto('memberships').values({ tenant_id: claimed.tenant_id, user_id: user.id, role: claimed.role }).execute();
      await trx.updateTable('invitations').set({ accepted_by: user.id }).where('tenant_id', '=', claimed.tenant_id).where('id', '=', claimed.id).execute();
      await writeAudit(trx, { tenantId: claimed.tenant_id, actorId: user.id, action: 'invitation.accepted', target: user.email ?? undefined, details: { role: claimed.role } });
      return { inv: claimed, user };
    });
    ctx.access.invalidateAccess();
    if (!csrfToken) csrfToken = await startSession(ctx, reply, user.id);
    return { companyId: inv.tenant_id, me: await loadMe(app, user, csrfToken) };
  });
};
