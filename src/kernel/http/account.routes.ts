import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import '../account/account-messages.js';
import { auditAccountEvent } from '../account/account-audit.js';
import { hasSecondFactor, replaceRecoveryCodes, unusedRecoveryCodes, useSecondFactor } from '../account/second-factor.js';
import { secretBoxFor } from '../secrets/instance-keys.js';
import { newTotpSecret, totpStep, totpUri } from '../account/totp.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { writeAudit } from '../audit/audit-log.js';
import { inTransaction } from '../db/transaction.js';
import { passwordSchema } from './auth.routes.js';
import { companyParams } from './company.routes.js';
import { requireAccount, requirePermission, tenantOf } from './guards.js';
import { ProblemError } from './problem.js';

const codeSchema = z.string().trim().min(6).max(40);

/**
 * The signed-in person's own account: password change and TOTP second factor (set-up with QR
 * code and confirmation, recovery codes, disable); and the company setting that requires it.
 */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.wv;
  const { db } = ctx;
  const box = () => secretBoxFor(ctx.config);
  const strict = { rateLimit: { max: ctx.config.signInRateLimit, timeWindow: '1 minute' } };

  async function checkPassword(userId: string, password: string) {
    const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
    if (!(await verifyPassword(row?.password_hash ?? undefined, password))) throw new ProblemError(400, 'current_password_wrong');
  }

  app.get('/me/security', {
    schema: { tags: ['account'], summary: 'Password and two-factor state of the signed-in person' },
  }, async (request) => {
    const user = requireAccount(request);
    const row = await db.selectFrom('users').select(['password_changed_at', 'totp_enabled_at', 'totp_pending_secret']).where('id', '=', user.id).executeTakeFirstOrThrow();
    return {
      passwordChangedAt: row.password_changed_at,
      totpEnabled: Boolean(row.totp_enabled_at),
      totpEnabledAt: row.totp_enabled_at,
      recoveryCodesLeft: row.totp_enabled_at ? await unusedRecoveryCodes(db, user.id) : 0,
    };
  });

  app.post('/me/password', {
    config: strict,
    schema: {
      tags: ['account'],
      summary: 'Change the password; every other session of the person ends',
      body: z.object({ currentPassword: z.string().max(200), newPassword: passwordSchema }),
    },
  }, async (request, reply) => {
    const user = requireAccount(request);
    await checkPassword(user.id, request.body.currentPassword);
    const hash = await hashPassword(request.body.newPassword);
    const current = request.auth!.sessionHash;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash, password_changed_at: new Date() }).where('id', '=', user.id).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('id_hash', '<>', current).execute();
      await trx.deleteFrom('sign_in_challenges').where('user_id', '=', user.id).execute();
      await trx.deleteFrom('password_resets').where('user_id', '=', user.id).execute();
    });
    ctx.access.dropSessions((auth, h) => auth.user.id === user.id && h !== current);
    await auditAccountEvent(db, user.id, 'auth.password_changed', user.email ?? undefined);
    return reply.status(204).send();
  });

  app.post('/me/totp/setup', {
    config: strict,
    schema: {
      tags: ['account'],
      summary: 'Start setting up TOTP: a new secret as QR code (confirm with a code to switch it on)',
      body: z.object({ password: z.string().max(200) }),
    },
  }, async (request) => {
    const user = requireAccount(request);
    await checkPassword(user.id, request.body.password);
    if (await hasSecondFactor(db, user.id)) throw new ProblemError(409, 'totp_already_enabled');
    const secret = newTotpSecret();
    await db.updateTable('users').set({ totp_pending_secret: box().seal(secret, user.id) }).where('id', '=', user.id).execute();
    const uri = totpUri(secret, user.email ?? user.name);
    const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
  });

  app.post('/me/totp/confirm', {
    config: strict,
    schema: {
      tags: ['account'],
      summary: 'Switch TOTP on with a code from the app; returns the recovery codes once',
      body: z.object({ code: codeSchema }),
    },
  }, async (request) => {
    const user = requireAccount(request);
    const row = await db.selectFrom('users').select(['totp_pending_secret', 'totp_enabled_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
    if (row.totp_enabled_at) throw new ProblemError(409, 'totp_already_enabled');
    if (!row.totp_pending_secret) throw new ProblemError(409, 'totp_setup_missing');
    const step = totpStep(box().open(row.totp_pending_secret, user.id), request.body.code);
    if (step === null) throw new ProblemError(400, 'totp_code_invalid');
    const recoveryCodes = await db.transaction().execute(async (trx) => {
      const switched = await trx
        .updateTable('users')
        .set({ totp_secret: row.totp_pending_secret, totp_pending_secret: null, totp_enabled_at: new Date(), totp_last_step: step })
        .where('id', '=', user.id)
        .where('totp_enabled_at', 'is', null)
        .where('totp_pending_secret', '=', row.totp_pending_secret)
        .executeTakeFirst();
      if (Number(switched.numUpdatedRows) !== 1) throw new ProblemError(409, 'totp_setup_missing');
      return replaceRecoveryCodes(trx, user.id);
    });
    ctx.access.dropSessions((auth) => auth.user.id === user.id);
    await auditAccountEvent(db, user.id, 'auth.totp_enabled', user.email ?? undefined);
    return { recoveryCodes };
  });

  app.post('/me/totp/disable', {
    config: strict,
    schema: {
      tags: ['account'],
      summary: 'Switch TOTP off (password and a code or recovery code)',
      body: z.object({ password: z.string().max(200), code: codeSchema }),
    },
  }, async (request, reply) => {
    const user = requireAccount(request);
    await checkPassword(user.id, request.body.password);
    if (!(await hasSecondFactor(db, user.id))) throw new ProblemError(409, 'totp_not_enabled');
    if (!(await useSecondFactor(db, ctx.config, user.id, request.body.code))) throw new ProblemError(400, 'totp_code_invalid');
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', user.id).execute();
      await trx.deleteFrom('totp_recovery_codes').where('user_id', '=', user.id).execute();
    });
    ctx.access.dropSessions((auth) => auth.user.id === user.id);
    await auditAccountEvent(db, user.id, 'auth.totp_disabled', user.email ?? undefined);
    return reply.status(204).send();
  });

  app.post('/me/totp/recovery-codes', {
    config: strict,
    schema: {
      tags: ['account'],
      summary: 'New recovery codes (the old ones stop working); shown once',
      body: z.object({ password: z.string().max(200), code: codeSchema }),
    },
  }, async (request) => {
    const user = requireAccount(request);
    await checkPassword(user.id, request.body.password);
    if (!(await hasSecondFactor(db, user.id))) throw new ProblemError(409, 'totp_not_enabled');
    if (!(await useSecondFactor(db, ctx.config, user.id, request.body.code))) throw new ProblemError(400, 'totp_code_invalid');
    const recoveryCodes = await replaceRecoveryCodes(db, user.id);
    await auditAccountEvent(db, user.id, 'auth.recovery_codes_renewed', user.email ?? undefined);
    return { recoveryCodes };
  });

  app.put('/companies/:companyId/two-factor', {
    onRequest: requirePermission('security.manage'),
    schema: {
      tags: ['companies'],
      summary: 'Require a second factor (TOTP) of every member who signs in with e-mail and password',
      params: companyParams,
      body: z.object({ required: z.boolean() }),
    },
  }, async (request) => {
    const t = tenantOf(request);
    if (request.body.required && !(await hasSecondFactor(db, t.userId))) throw new ProblemError(409, 'totp_enable_first');
    await inTransaction(db, async (trx) => {
      await trx.updateTable('tenants').set({ require_totp: request.body.required }).where('id', '=', t.tenantId).execute();
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: request.body.required ? 'company.two_factor_required' : 'company.two_factor_optional' });
    });
    ctx.access.invalidateAccess();
    return { required: request.body.required };
  });
};
