import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { mailPinLockToAdmins } from '../auth/pin-lock-alert.js';
import { writeAudit } from '../audit/audit-log.js';
import { minutesLeft, verifyPin } from '../auth/pin.js';
import {
  PIN_DAILY_BUDGET, TERMINAL_FREE_FAILURES, pinAttemptWasRight, pinLockOf, refundTerminalAttempt, reserveTerminalAttempt, reserveWorkerAttempt,
} from '../auth/pin-lockout.js';
import { hashToken, newSecretToken } from '../auth/secret-token.js';
import { TERMINAL_COOKIE, TERMINAL_SESSION_HOURS, type TerminalRow, findTerminalByToken } from '../auth/terminal-store.js';
import type { Db } from '../db/database.js';
import type { AppContext } from './app-context.js';
import { loadMe, terminalDetails } from './me.js';
import { ProblemError } from './problem.js';
import { SESSION_COOKIE } from './session-hook.js';

async function terminalOf(ctx: AppContext, request: FastifyRequest): Promise<TerminalRow> {
  const terminal = await findTerminalByToken(ctx.db, request.cookies[TERMINAL_COOKIE]);
  if (!terminal) throw new ProblemError(401, 'terminal_required');
  return terminal;
}

/** Members of the terminal's company who have a PIN: the names the worker taps on the sign-in screen. */
async function workersOf(db: Db, tenantId: string) {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'm.personnel_number'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.pin_hash', 'is not', null)
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, personnelNumber: r.personnel_number }));
}

/** 423: paused for minutes after five wrong PINs in a row, or locked for the day after ten. */
function lockProblem(lock: { reason: 'paused' | 'budget'; until: Date }, now: Date) {
  const extra = { reason: lock.reason, lockedUntil: lock.until.toISOString() };
  if (lock.reason === 'budget') {
    const hours = Math.max(1, Math.ceil((lock.until.getTime() - now.getTime()) / 3_600_000));
    return new ProblemError(423, 'pin_locked_day', { hours }, { hours, ...extra });
  }
  const minutes = minutesLeft(lock.until, now);
  return new ProblemError(423, 'pin_locked', { minutes }, { minutes, ...extra });
}

/**
 * PIN sign-in on a registered terminal (device cookie `wv_terminal`). It starts a normal session of
 * 12 hours, limited to the terminal's company and to the shop-floor role.
 */
export const terminalSignInRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.wv;
  // per terminal, not per address: the terminals of a plant often share one address
  const limit = {
    rateLimit: { max: ctx.config.signInRateLimit, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => request.cookies[TERMINAL_COOKIE] ? hashToken(request.cookies[TERMINAL_COOKIE]) : request.ip },
  };

  app.get('/terminal', { schema: { tags: ['auth'], summary: 'The terminal this device is registered as, and the people who may sign in on it' } }, async (request) => {
    const terminal = await terminalOf(ctx, request);
    const company = await ctx.db.selectFrom('tenants').select('name').where('id', '=', terminal.tenantId).executeTakeFirstOrThrow();
    return {
      terminal: { id: terminal.id, name: terminal.name, companyId: terminal.tenantId, companyName: company.name, ...(await terminalDetails(app, terminal.tenantId, terminal.id)) },
      workers: await workersOf(ctx.db, terminal.tenantId),
    };
  });

  app.post('/terminal/signin', {
    config: limit,
    schema: {
      tags: ['auth'],
      summary: 'Sign in with personnel number (or the tapped name) and PIN on a registered terminal',
      body: z.object({ personnelNumber: z.string().trim().max(20).optional(), userId: z.uuid().optional(), pin: z.string().max(20) }),
    },
  }, async (request, reply) => {
    const terminal = await terminalOf(ctx, request);
    const { personnelNumber, userId, pin } = request.body;
    let query = ctx.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.email', 'u.name', 'u.locale', 'm.pin_hash', 'm.pin_locked_until', 'm.pin_budget_failures', 'm.pin_budget_since', 'm.personnel_number'])
      .where('m.tenant_id', '=', terminal.tenantId)
      .where('m.pin_hash', 'is not', null);
    if (userId) query = query.where('u.id', '=', userId);
    else if (personnelNumber) query = query.where('m.personnel_number', '=', personnelNumber);
    else throw new ProblemError(401, 'invalid_pin');
    const found = await query.executeTakeFirst();
    const now = new Date();
    // a paused or locked worker is refused before anything is counted or checked
    const lock = found ? pinLockOf(found, now) : null;
    if (lock) throw lockProblem(lock, now);

    // both counters take this attempt as wrong before the PIN is checked (one UPDATE … RETURNING each),
    // so parallel requests cannot check more PINs than the terminal and the worker's day allow
    const onTerminal = await reserveTerminalAttempt(ctx.db, terminal.tenantId, terminal.id, now);
    if (!onTerminal.allowed) {
      reply.header('retry-after', String(onTerminal.retryAfterSeconds));
      throw new ProblemError(429, 'terminal_throttled', { seconds: onTerminal.retryAfterSeconds }, { retryAfterSeconds: onTerminal.retryAfterSeconds });
    }
    if (onTerminal.failures === TERMINAL_FREE_FAILURES) {
      await writeAudit(ctx.db, { tenantId: terminal.tenantId, actorId: null, action: 'auth.terminal_throttled', target: terminal.name, details: { terminal: terminal.name, failures: onTerminal.failures } });
    }
    if (!found) {
      await verifyPin(undefined, pin); // the time of a check, so unknown numbers are not revealed
      throw new ProblemError(401, 'invalid_pin');
    }
    const target = found.personnel_number ?? found.name;
    const attempt = await reserveWorkerAttempt(ctx.db, terminal.tenantId, found.id, now);
    if (!attempt?.allowed) {
      await refundTerminalAttempt(ctx.db, terminal.tenantId, terminal.id, onTerminal);
      if (!attempt) throw new ProblemError(401, 'invalid_pin');
      throw lockProblem(attempt, now);
    }
    if (!(await verifyPin(found.pin_hash, pin))) {
      const locked = attempt.budgetUsed >= PIN_DAILY_BUDGET ? { allowed: false as const, reason: 'budget' as const, until: attempt.budgetEnds }
        : attempt.pausedUntil ? { allowed: false as const, reason: 'paused' as const, until: attempt.pausedUntil } : null;
      await writeAudit(ctx.db, {
        tenantId: terminal.tenantId,
        actorId: found.id,
        action: locked ? 'auth.pin_locked' : 'auth.pin_failed',
        target,
        details: { terminal: terminal.name, wrongToday: attempt.budgetUsed, ...(locked ? { reason: locked.reason, until: locked.until.toISOString() } : {}) },
      });
      if (locked) {
        // the admins learn of it at once (someone may be guessing PINs); the answer does not wait for the mail
        const worker = found.personnel_number ? `${found.name} (${found.personnel_number})` : String(found.name);
        if (ctx.config.smtpUrl) {
          mailPinLockToAdmins(ctx, { tenantId: terminal.tenantId, worker, terminal: terminal.name, reason: locked.reason, until: locked.until })
            .catch((error: Error) => request.log.warn({ err: error.message }, 'PIN lock mail not sent'));
        }
        throw lockProblem(locked, now);
      }
      throw new ProblemError(401, 'invalid_pin');
    }
    await pinAttemptWasRight(ctx.db, terminal.tenantId, found.id);
    await refundTerminalAttempt(ctx.db, terminal.tenantId, terminal.id, onTerminal);
    await ctx.db.updateTable('terminals').set({ last_sign_in_at: now }).where('tenant_id', '=', terminal.tenantId).where('id', '=', terminal.id).execute();

    // a session left open on this device (previous worker, the admin who set it up) ends here
    const previous = request.cookies[SESSION_COOKIE];
    if (previous) {
      const hash = hashToken(previous);
      await ctx.db.deleteFrom('sessions').where('id_hash', '=', hash).execute();
      ctx.access.dropSessions((_, h) => h === hash);
    }
    const { token, hash } = newSecretToken();
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + TERMINAL_SESSION_HOURS * 3_600_000);
    await ctx.db.insertInto('sessions').values({ id_hash: hash, user_id: found.id, csrf_token: csrfToken, expires_at: expiresAt, scope_tenant_id: terminal.tenantId, terminal_id: terminal.id }).execute();
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, path: '/', maxAge: TERMINAL_SESSION_HOURS * 3600 });
    await writeAudit(ctx.db, { tenantId: terminal.tenantId, actorId: found.id, action: 'auth.pin_signed_in', target, details: { terminal: terminal.name } });
    const user = { id: found.id, email: found.email, name: found.name, locale: found.locale };
    return loadMe(app, user, csrfToken, { tenantId: terminal.tenantId, terminalId: terminal.id, name: terminal.name });
  });
};
