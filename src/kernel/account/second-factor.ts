import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes.js';
import { newSecretToken } from '../auth/secret-token.js';
import { secretBoxFor } from '../secrets/instance-keys.js';
import { totpStep } from './totp.js';

/** Whether the person signs in with a second factor. */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('totp_enabled_at').where('id', '=', userId).executeTakeFirst();
  return Boolean(row?.totp_enabled_at);
}

/**
 * Checks a TOTP code or a recovery code and uses it up, atomically: a TOTP code only when its
 * time step is later than the last one accepted (so it works once, also under parallel
 * requests), a recovery code only while unused. Returns what was used, or null.
 */
export async function useSecondFactor(db: Db, config: Config, userId: string, code: string, now = Date.now()): Promise<'totp' | 'recovery' | null> {
  const user = await db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!user?.totp_enabled_at || !user.totp_secret) return null;
  if (looksLikeRecoveryCode(code)) {
    const used = await db
      .updateTable('totp_recovery_codes')
      .set({ used_at: new Date(now) })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hashRecoveryCode(code))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(used.numUpdatedRows) === 1 ? 'recovery' : null;
  }
  const secret = secretBoxFor(config).open(user.totp_secret, userId);
  const step = totpStep(secret, code, now);
  if (step === null) return null;
  const taken = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1 ? 'totp' : null;
}

/** Replaces the recovery codes; returns the new ones in plain text, the only time they exist so. */
export async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
  await db.insertInto('totp_recovery_codes').values(codes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(c) }))).execute();
  return codes;
}

export async function unusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('totp_recovery_codes')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Time between password and code, and wrong codes allowed, before the password is asked again. */
export const CHALLENGE_MINUTES = 5;
export const CHALLENGE_ATTEMPTS = 5;

/**
 * The first sign-in step for a person with TOTP: the password was right, no session yet; a
 * short-lived challenge (only its hash stored) lets the second step ask for the code.
 */
export async function beginSecondFactor(db: Db, userId: string) {
  const { token, hash } = newSecretToken();
  await db.insertInto('sign_in_challenges').values({ id_hash: hash, user_id: userId, expires_at: new Date(Date.now() + CHALLENGE_MINUTES * 60_000) }).execute();
  return { secondFactor: 'totp' as const, challenge: token };
}
