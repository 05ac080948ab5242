import { newSecretToken } from '../auth/secret-token.js';
import { findUserByEmail } from '../auth/user-store.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { auditAccountEvent } from './account-audit.js';

export const OPERATOR_RESET_MINUTES = 60;

/**
 * For the operator when no SMTP is configured (or the mail does not arrive): a reset link as the
 * e-mail would carry it, single-use and valid one hour, to hand to the person on a safe channel.
 */
export async function createResetLink(db: Db, config: Pick<Config, 'publicUrl'>, email: string): Promise<string | null> {
  const user = await findUserByEmail(db, email.trim());
  if (!user) return null;
  const { token, hash } = newSecretToken();
  await db.insertInto('password_resets').values({ token_hash: hash, user_id: user.id, expires_at: new Date(Date.now() + OPERATOR_RESET_MINUTES * 60_000) }).execute();
  await auditAccountEvent(db, user.id, 'auth.reset_link_by_operator', user.email ?? undefined);
  return `${config.publicUrl}/reset-password#${token}`;
}

/** For a person who lost both the authenticator and the recovery codes, after checking who asks. */
export async function switchOffSecondFactor(db: Db, email: string): Promise<boolean> {
  const user = await findUserByEmail(db, email.trim());
  if (!user) return false;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', user.id).execute();
    await trx.deleteFrom('totp_recovery_codes').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  });
  await auditAccountEvent(db, user.id, 'auth.totp_disabled_by_operator', user.email ?? undefined);
  return true;
}
