import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { hashToken } from './secret-token.js';

/** Wrong passwords in a row for one address before the first wait. */
export const SIGN_IN_FREE_FAILURES = 5;
export const SIGN_IN_FIRST_WAIT_SECONDS = 30;
export const SIGN_IN_MAX_WAIT_SECONDS = 3600;
/** A run of failures is forgotten this long after its last failure. */
export const SIGN_IN_FORGET_HOURS = 24;

/**
 * Seconds an address waits after its n-th failure in a row: none for the first four, then 30 s,
 * doubling with each further failure, at most an hour. The SQL in `reserveSignInAttempt` computes
 * the same (one statement, so parallel attempts cannot slip past); tests compare both.
 */
export function signInWaitSeconds(failures: number): number {
  if (failures < SIGN_IN_FREE_FAILURES) return 0;
  return Math.min(SIGN_IN_MAX_WAIT_SECONDS, SIGN_IN_FIRST_WAIT_SECONDS * 2 ** (failures - SIGN_IN_FREE_FAILURES));
}

/** The stored key of an address: the same for every spelling, whether or not an account exists. */
export const signInKey = (email: string) => hashToken(`sign-in:${email.trim().toLowerCase()}`);

export type SignInReservation = { allowed: true; failures: number; waitSeconds: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts this attempt as a failure *before* the password is checked, in one statement that also sets
 * the wait it causes; an address that is waiting gets no row back and the attempt is refused without a
 * check. A right password then clears the count (`clearSignInFailures`). So parallel requests are
 * serialised by the row lock and cannot try more passwords than the limit allows.
 */
export async function reserveSignInAttempt(db: Db, key: string, now: Date): Promise<SignInReservation> {
  const forgetBefore = new Date(now.getTime() - SIGN_IN_FORGET_HOURS * 3_600_000);
  const count = sql<number>`case when f.last_failure_at < ${forgetBefore} then 1 else f.failures + 1 end`;
  const free = sql.lit(SIGN_IN_FREE_FAILURES);
  const waitUntil = (n: typeof count) => sql`case when ${n} >= ${free}
    then ${now}::timestamptz + least(${sql.lit(SIGN_IN_MAX_WAIT_SECONDS)}, ${sql.lit(SIGN_IN_FIRST_WAIT_SECONDS)} * power(2, ${n} - ${free})) * interval '1 second'
    else null end`;
  const result = await sql<{ failures: number }>`
    insert into sign_in_failures as f (key_hash, failures, last_failure_at, blocked_until)
    values (${key}, 1, ${now}, ${waitUntil(sql<number>`1`)})
    on conflict (key_hash) do update set failures = ${count}, last_failure_at = ${now}, blocked_until = ${waitUntil(count)}
    where f.blocked_until is null or f.blocked_until <= ${now}
    returning f.failures`.execute(db);
  const row = result.rows[0];
  if (row) {
    const failures = Number(row.failures);
    return { allowed: true, failures, waitSeconds: signInWaitSeconds(failures) };
  }
  const blocked = await db.selectFrom('sign_in_failures').select('blocked_until').where('key_hash', '=', key).executeTakeFirst();
  const until = blocked?.blocked_until ? new Date(blocked.blocked_until).getTime() : now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/** A right password ends the run of failures; rows of runs long over are dropped on the way. */
export async function clearSignInFailures(db: Db, key: string, now: Date): Promise<void> {
  const forgetBefore = new Date(now.getTime() - SIGN_IN_FORGET_HOURS * 3_600_000);
  await db.deleteFrom('sign_in_failures').where((eb) => eb.or([eb('key_hash', '=', key), eb('last_failure_at', '<', forgetBefore)])).execute();
}
