import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../account/account-messages.js';
import { auditAccountEvent } from '../account/account-audit.js';
import { CHALLENGE_ATTEMPTS, useSecondFactor } from '../account/second-factor.js';
import { hashToken } from '../auth/secret-token.js';
import { startSession } from './auth.routes.js';
import { loadMe } from './me.js';
import { ProblemError } from './problem.js';

export const twoFactorSignInRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.wv;
  const { db } = ctx;

  app.post('/auth/login/second-factor', {
    config: { rateLimit: { max: ctx.config.signInRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Second sign-in step: the code of the authenticator app (or a recovery code); starts the session',
      body: z.object({ challenge: z.string().min(20).max(100), code: z.string().trim().min(6).max(40) }),
    },
  }, async (request, reply) => {
    const hash = hashToken(request.body.challenge);
    const challenge = await db
      .selectFrom('sign_in_challenges')
      .select(['user_id'])
      .where('id_hash', '=', hash)
      .where('expires_at', '>', new Date())
      .where('failed_attempts', '<', CHALLENGE_ATTEMPTS)
      .executeTakeFirst();
    if (!challenge) throw new ProblemError(401, 'totp_challenge_invalid');
    const userId = challenge.user_id;
    const used = await useSecondFactor(db, ctx.config, userId, request.body.code);
    if (!used) {
      await db.updateTable('sign_in_challenges').set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) })).where('id_hash', '=', hash).execute();
      await auditAccountEvent(db, userId, 'auth.second_factor_failed');
      throw new ProblemError(401, 'totp_code_invalid');
    }
    // one session per challenge, even if two right codes arrive at once
    const claimed = await db.deleteFrom('sign_in_challenges').where('id_hash', '=', hash).returning('user_id').executeTakeFirst();
    if (!claimed) throw new ProblemError(401, 'totp_challenge_invalid');
    const user = await db.selectFrom('users').select(['id', 'email', 'name', 'locale']).where('id', '=', userId).executeTakeFirstOrThrow();
    const csrfToken = await startSession(ctx, reply, userId);
    const me = await loadMe(app, { ...user, totpEnabled: true }, csrfToken);
    await auditAccountEvent(db, userId, used === 'recovery' ? 'auth.signed_in_with_recovery_code' : 'auth.signed_in', user.email ?? undefined);
    return me;
  });
};
