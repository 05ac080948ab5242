import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { SESSION_DAYS, createSession, deleteSession } from '../auth/session-store.js';
import { clearSignInFailures, reserveSignInAttempt, signInKey } from '../auth/sign-in-throttle.js';
import { findUserByEmail, insertUser } from '../auth/user-store.js';
import { writeAudit } from '../audit/audit-log.js';
import { inTransaction } from '../db/transaction.js';
import { beginSecondFactor, hasSecondFactor } from '../account/second-factor.js';
import { createCompany } from '../tenancy/company-store.js';
import type { Db } from '../db/database.js';
import type { AppContext } from './app-context.js';
import { requireAccount, requireUser } from './guards.js';
import { loadMe } from './me.js';
import { ProblemError } from './problem.js';
import { SESSION_COOKIE } from './session-hook.js';

export const emailSchema = z.email().max(254).transform((e) => e.toLowerCase());
export const passwordSchema = z.string().min(10).max(200);
export const personNameSchema = z.string().trim().min(1).max(200);
export const localeSchema = z.enum(['de', 'en']);

export const newUserSchema = z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema });

async function startSession(ctx: AppContext, reply: FastifyReply, userId: string) {
  const session = await createSession(ctx.db, userId);
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    path: '/',
    maxAge: SESSION_DAYS * 86_400,
  });
  return session.csrfToken;
}

/** Hashes the password of a new account before any transaction starts (argon2id takes a while). */
export async function prepareUser(input: z.infer<typeof newUserSchema>, locale: string) {
  return { email: input.email, name: input.name, passwordHash: await hashPassword(input.password), locale };
}

/**
 * Inserts a prepared account; pass a transaction as `db` to create it together with what depends
 * on it. A concurrent sign-up with the same address (unique index) answers `email_taken` too.
 */
export async function insertNewUser(db: Db, user: Awaited<ReturnType<typeof prepareUser>>) {
  if (await findUserByEmail(db, user.email)) throw new ProblemError(409, 'email_taken');
  return insertUser(db, user).catch((error: { code?: string }) => {
    throw error.code === '23505' ? new ProblemError(409, 'email_taken') : error;
  });
}

export async function createUser(ctx: AppContext, input: z.infer<typeof newUserSchema>, locale: string) {
  return insertNewUser(ctx.db, await prepareUser(input, locale));
}

export { startSession };

/**
 * A wrong password: in the audit log of every company of the account (its admins see it), and for
 * every address, with or without account, a warning in the server log naming only a hash prefix.
 */
async function recordFailedSignIn(ctx: AppContext, log: FastifyBaseLogger, userId: string | undefined, key: string, attempt: { failures: number; waitSeconds: number }) {
  log.warn({ address: key.slice(0, 12), account: userId !== undefined, failures: attempt.failures, waitSeconds: attempt.waitSeconds }, 'sign-in failed');
  if (!userId) return;
  const companies = await ctx.db.selectFrom('memberships').select('tenant_id').where('user_id', '=', userId).execute();
  for (const { tenant_id } of companies) {
    await writeAudit(ctx.db, { tenantId: tenant_id, actorId: userId, action: 'auth.sign_in_failed', details: { failures: attempt.failures, waitSeconds: attempt.waitSeconds } });
  }
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.wv;
  const signInLimit = { rateLimit: { max: ctx.config.signInRateLimit, timeWindow: '1 minute' } };

  app.post('/auth/signup', {
    config: signInLimit,
    schema: {
      tags: ['auth'],
      summary: 'Create a company and its owner; starts a session',
      body: z.object({ company: z.object({ name: z.string().trim().min(1).max(200) }), user: newUserSchema, locale: localeSchema.optional() }),
    },
  }, async (request, reply) => {
    const { company, user, locale } = request.body;
    // account, company and audit entry in one transaction: a failing company leaves no account behind
    const prepared = await prepareUser(user, locale ?? request.locale);
    const userId = await ctx.db.transaction().execute(async (trx) => {
      const id = await insertNewUser(trx, prepared);
      const tenantId = await createCompany(trx, ctx.registry, { name: company.name, ownerId: id });
      await writeAudit(trx, { tenantId, actorId: id, action: 'company.created', target: company.name });
      return id;
    });
    ctx.access.invalidateAccess();
    const csrfToken = await startSession(ctx, reply, userId);
    const me = await loadMe(app, { id: userId, email: user.email, name: user.name, locale: locale ?? request.locale }, csrfToken);
    return reply.status(201).send(me);
  });

  app.post('/auth/login', {
    config: signInLimit,
    schema: { tags: ['auth'], summary: 'Sign in; starts a session', body: z.object({ email: z.string().max(254), password: z.string().max(200) }) },
  }, async (request, reply) => {
    // per address (above) and per account: the account's limit holds whatever address the guesses come from
    const now = new Date();
    const key = signInKey(request.body.email);
    const attempt = await reserveSignInAttempt(ctx.db, key, now);
    if (!attempt.allowed) {
      reply.header('retry-after', String(attempt.retryAfterSeconds));
      const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
      throw new ProblemError(429, 'sign_in_throttled', { minutes }, { retryAfterSeconds: attempt.retryAfterSeconds });
    }
    const found = await findUserByEmail(ctx.db, request.body.email.trim());
    const ok = await verifyPassword(found?.password_hash ?? undefined, request.body.password);
    if (!found || !ok) {
      await recordFailedSignIn(ctx, request.log, found?.id, key, attempt);
      throw new ProblemError(401, 'invalid_credentials');
    }
    await clearSignInFailures(ctx.db, key, now);
    if (await hasSecondFactor(ctx.db, found.id)) return beginSecondFactor(ctx.db, found.id);
    const csrfToken = await startSession(ctx, reply, found.id);
    const me = await loadMe(app, found, csrfToken);
    for (const company of me.companies) {
      await writeAudit(ctx.db, { tenantId: company.id, actorId: found.id, action: 'auth.signed_in', target: found.email ?? undefined });
    }
    return me;
  });

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'End the session' } }, async (request, reply) => {
    if (request.auth) {
      const hash = request.auth.sessionHash;
      await deleteSession(ctx.db, hash);
      ctx.access.dropSessions((_, h) => h === hash);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/me', { schema: { tags: ['auth'], summary: 'The signed-in user, their companies and the CSRF token' } }, async (request) => {
    const user = requireUser(request);
    return loadMe(app, user, request.auth!.csrfToken, request.auth!.terminal);
  });

  app.patch('/me', {
    schema: { tags: ['auth'], summary: 'Change name or language', body: z.object({ name: personNameSchema.optional(), locale: localeSchema.optional() }) },
  }, async (request) => {
    const user = requireUser(request);
    const patch = request.body;
    if (patch.name !== undefined || patch.locale !== undefined) {
      await ctx.db.updateTable('users').set(patch).where('id', '=', user.id).execute();
      ctx.access.dropSessions((auth) => auth.user.id === user.id);
    }
    return loadMe(app, { ...user, ...patch }, request.auth!.csrfToken, request.auth!.terminal);
  });

  app.post('/companies', {
    schema: { tags: ['companies'], summary: 'Create another company; the caller becomes its owner', body: z.object({ name: z.string().trim().min(1).max(200) }) },
  }, async (request, reply) => {
    const user = requireAccount(request);
    const tenantId = await inTransaction(ctx.db, async (trx) => {
      const created = await createCompany(trx, ctx.registry, { name: request.body.name, ownerId: user.id });
      await writeAudit(trx, { tenantId: created, actorId: user.id, action: 'company.created', target: request.body.name });
      return created;
    });
    ctx.access.invalidateAccess();
    return reply.status(201).send({ id: tenantId });
  });
};
