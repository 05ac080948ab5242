import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../account/account-messages.js';
import { auditAccountEvent } from '../account/account-audit.js';
import { hashPassword } from '../auth/password.js';
import { hashToken, newSecretToken } from '../auth/secret-token.js';
import { findUserByEmail } from '../auth/user-store.js';
import { pickLocale, translate } from '../i18n/server-messages.js';
import { passwordSchema } from './auth.routes.js';
import { ProblemError } from './problem.js';

export const RESET_TOKEN_MINUTES = 60;
/** Reset mails per address and hour, whatever the client address: no mail bombing through the form. */
export const RESET_MAILS_PER_HOUR = 3;

/**
 * "Forgot password": a single-use link valid one hour, sent by e-mail. The answer is the same
 * whether or not the address has an account, and the mail is sent after answering, so neither
 * the answer nor its timing tells. The token travels in the URL fragment (`/reset-password#…`),
 * so it never reaches server logs; only its hash is stored. Setting a new password ends every
 * session of the person; a second factor stays required at the next sign-in.
 */
export const passwordResetRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.wv;
  const { db } = ctx;
  let mailQueue: Promise<unknown> = Promise.resolve();
  const limit = { rateLimit: { max: ctx.config.signInRateLimit, timeWindow: '1 minute' } };

  app.get('/auth/password-reset', {
    schema: { tags: ['auth'], summary: 'Whether a reset by e-mail is possible on this server (SMTP configured)' },
  }, async () => ({ byMail: Boolean(ctx.config.smtpUrl) }));

  app.post('/auth/password-reset', {
    config: limit,
    schema: {
      tags: ['auth'],
      summary: 'Send a reset link to the address if it has an account (same answer either way)',
      body: z.object({ email: z.string().trim().max(254), locale: z.enum(['de', 'en']).optional() }),
    },
  }, async (request, reply) => {
    if (!ctx.config.smtpUrl) {
      request.log.warn('password reset requested, but no SMTP is configured');
      throw new ProblemError(409, 'mail_not_configured');
    }
    const email = request.body.email;
    // one request at a time, so the per-address limit holds under parallel requests
    mailQueue = mailQueue.then(async () => {
      const user = email.includes('@') ? await findUserByEmail(db, email) : undefined;
      if (!user?.email) return;
      const recent = await db
        .selectFrom('password_resets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', user.id)
        .where('created_at', '>', new Date(Date.now() - 3_600_000))
        .executeTakeFirstOrThrow();
      if (Number(recent.n) >= RESET_MAILS_PER_HOUR) {
        request.log.warn('password reset mail limit reached for an account');
        return;
      }
      const { token, hash } = newSecretToken();
      await db.insertInto('password_resets').values({ token_hash: hash, user_id: user.id, expires_at: new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000) }).execute();
      const locale = pickLocale(user.locale, undefined);
      await ctx.mailer.send({
        to: user.email,
        subject: translate(locale, 'mail.password_reset_subject'),
        text: translate(locale, 'mail.password_reset_text', { link: `${ctx.config.publicUrl}/reset-password#${token}` }),
      });
    }).catch((error: Error) => request.log.warn({ err: error.message }, 'password reset mail not sent'));
    return reply.status(202).send({ accepted: true });
  });

  app.post('/auth/password-reset/complete', {
    config: limit,
    schema: {
      tags: ['auth'],
      summary: 'Set a new password with the token from the link; every session of the person ends',
      body: z.object({ token: z.string().min(20).max(100), password: passwordSchema }),
    },
  }, async (request, reply) => {
    const passwordHash = await hashPassword(request.body.password);
    const userId = await db.transaction().execute(async (trx) => {
      // the update claims the token: two parallel requests with one token cannot both pass
      const claimed = await trx
        .updateTable('password_resets')
        .set({ used_at: new Date() })
        .where('token_hash', '=', hashToken(request.body.token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', new Date())
        .returning('user_id')
        .executeTakeFirst();
      if (!claimed) throw new ProblemError(404, 'reset_token_invalid');
      await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: new Date() }).where('id', '=', claimed.user_id).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', claimed.user_id).execute();
      await trx.deleteFrom('sign_in_challenges').where('user_id', '=', claimed.user_id).execute();
      await trx.updateTable('password_resets').set({ used_at: new Date() }).where('user_id', '=', claimed.user_id).where('used_at', 'is', null).execute();
      return claimed.user_id;
    });
    ctx.access.dropSessions((auth) => auth.user.id === userId);
    await auditAccountEvent(db, userId, 'auth.password_reset');
    return reply.status(204).send();
  });
};
