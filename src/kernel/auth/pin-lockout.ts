import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { MAX_PIN_ATTEMPTS, PIN_LOCK_MINUTES } from './pin.js';

/** Wrong PINs a worker may have in 24 hours (from the first of them); then only an admin unlocks. */
export const PIN_DAILY_BUDGET = 10;
export const PIN_BUDGET_HOURS = 24;
/** Wrong PINs in a row on one terminal (any worker) before it makes everyone wait. */
export const TERMINAL_FREE_FAILURES = 5;
export const TERMINAL_FIRST_WAIT_SECONDS = 15;
export const TERMINAL_MAX_WAIT_SECONDS = 300;
/** A terminal's run of wrong PINs is forgotten this long after the last one. */
export const TERMINAL_FORGET_MINUTES = 30;

/** Seconds a terminal waits after its n-th wrong PIN of a run: 15 s from the 5th, doubling, at most 5 minutes. */
export function terminalWaitSeconds(failures: number): number {
  if (failures < TERMINAL_FREE_FAILURES) return 0;
  return Math.min(TERMINAL_MAX_WAIT_SECONDS, TERMINAL_FIRST_WAIT_SECONDS * 2 ** (failures - TERMINAL_FREE_FAILURES));
}

const seconds = (n: number) => sql.lit(n);

export type TerminalReservation = { allowed: true; failures: number; blockedUntil: Date | null } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts a PIN attempt on the terminal as wrong *before* it is checked, in one UPDATE … RETURNING
 * that also sets the wait it causes; a waiting terminal gets no row and the attempt is refused
 * unchecked. A right PIN gives the attempt back (`refundTerminalAttempt`).
 */
export async function reserveTerminalAttempt(db: Db, tenantId: string, terminalId: string, now: Date): Promise<TerminalReservation> {
  const forgetBefore = new Date(now.getTime() - TERMINAL_FORGET_MINUTES * 60_000);
  const count = sql<number>`case when t.pin_last_failure_at is null or t.pin_last_failure_at < ${forgetBefore} then 1 else t.pin_failures + 1 end`;
  const free = seconds(TERMINAL_FREE_FAILURES);
  const result = await sql<{ pin_failures: number; pin_blocked_until: Date | null }>`
    update terminals as t set
      pin_failures = ${count},
      pin_last_failure_at = ${now},
      pin_blocked_until = case when ${count} >= ${free}
        then ${now}::timestamptz + least(${seconds(TERMINAL_MAX_WAIT_SECONDS)}, ${seconds(TERMINAL_FIRST_WAIT_SECONDS)} * power(2, ${count} - ${free})) * interval '1 second'
        else null end
    where t.tenant_id = ${tenantId} and t.id = ${terminalId} and (t.pin_blocked_until is null or t.pin_blocked_until <= ${now})
    returning t.pin_failures, t.pin_blocked_until`.execute(db);
  const row = result.rows[0];
  if (row) return { allowed: true, failures: Number(row.pin_failures), blockedUntil: row.pin_blocked_until ? new Date(row.pin_blocked_until) : null };
  const blocked = await db.selectFrom('terminals').select('pin_blocked_until').where('tenant_id', '=', tenantId).where('id', '=', terminalId).executeTakeFirst();
  const until = blocked?.pin_blocked_until ? new Date(blocked.pin_blocked_until).getTime() : now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/** Gives back an attempt that turned out right (or was never checked), with the wait it set. */
export async function refundTerminalAttempt(db: Db, tenantId: string, terminalId: string, reservation: { blockedUntil: Date | null }) {
  await db
    .updateTable('terminals')
    .set({
      pin_failures: sql`greatest(pin_failures - 1, 0)`,
      pin_blocked_until: reservation.blockedUntil ? sql`case when pin_blocked_until = ${reservation.blockedUntil} then null else pin_blocked_until end` : sql`pin_blocked_until`,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', terminalId)
    .execute();
}

export type WorkerReservation =
  | { allowed: true; consecutive: number; budgetUsed: number; pausedUntil: Date | null; budgetEnds: Date }
  | { allowed: false; reason: 'paused' | 'budget'; until: Date };

/**
 * Counts a PIN attempt of one worker as wrong before it is checked, in one UPDATE … RETURNING on the
 * membership (the row lock serialises parallel attempts): every fifth wrong PIN in a row pauses PIN
 * sign-in for 15 minutes, and the tenth wrong PIN within 24 hours locks it until the window ends or
 * an admin unlocks. A paused or locked worker gets no row back, so nothing is checked.
 */
export async function reserveWorkerAttempt(db: Db, tenantId: string, userId: string, now: Date): Promise<WorkerReservation | undefined> {
  const windowStart = new Date(now.getTime() - PIN_BUDGET_HOURS * 3_600_000);
  const inWindow = sql<boolean>`(m.pin_budget_since is not null and m.pin_budget_since > ${windowStart})`;
  const consecutive = sql<number>`m.pin_failed_attempts + 1`;
  const result = await sql<{ pin_failed_attempts: number; pin_budget_failures: number; pin_budget_since: Date; pin_locked_until: Date | null }>`
    update memberships as m set
      pin_failed_attempts = case when ${consecutive} >= ${sql.lit(MAX_PIN_ATTEMPTS)} then 0 else ${consecutive} end,
      pin_locked_until = case when ${consecutive} >= ${sql.lit(MAX_PIN_ATTEMPTS)} then ${now}::timestamptz + interval '${sql.raw(String(PIN_LOCK_MINUTES))} minutes' else null end,
      pin_budget_failures = case when ${inWindow} then m.pin_budget_failures + 1 else 1 end,
      pin_budget_since = case when ${inWindow} then m.pin_budget_since else ${now} end
    where m.tenant_id = ${tenantId} and m.user_id = ${userId} and m.pin_hash is not null
      and (m.pin_locked_until is null or m.pin_locked_until <= ${now})
      and not (${inWindow} and m.pin_budget_failures >= ${sql.lit(PIN_DAILY_BUDGET)})
    returning m.pin_failed_attempts, m.pin_budget_failures, m.pin_budget_since, m.pin_locked_until`.execute(db);
  const row = result.rows[0];
  if (row) {
    const budgetEnds = new Date(new Date(row.pin_budget_since).getTime() + PIN_BUDGET_HOURS * 3_600_000);
    return { allowed: true, consecutive: Number(row.pin_failed_attempts), budgetUsed: Number(row.pin_budget_failures), pausedUntil: row.pin_locked_until ? new Date(row.pin_locked_until) : null, budgetEnds };
  }
  const state = await db
    .selectFrom('memberships')
    .select(['pin_hash', 'pin_locked_until', 'pin_budget_failures', 'pin_budget_since'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!state?.pin_hash) return undefined;
  const lock = pinLockOf(state, now);
  return lock ?? { allowed: false, reason: 'paused', until: now };
}

/** Whether a membership's PIN sign-in is paused or locked for the day, and until when; null when open. */
export function pinLockOf(
  state: { pin_locked_until: Date | string | null; pin_budget_failures: number | null; pin_budget_since: Date | string | null },
  now: Date,
): { allowed: false; reason: 'paused' | 'budget'; until: Date } | null {
  const since = state.pin_budget_since ? new Date(state.pin_budget_since) : null;
  const budgetEnds = since ? new Date(since.getTime() + PIN_BUDGET_HOURS * 3_600_000) : null;
  if (budgetEnds && budgetEnds > now && Number(state.pin_budget_failures) >= PIN_DAILY_BUDGET) return { allowed: false, reason: 'budget', until: budgetEnds };
  const paused = state.pin_locked_until ? new Date(state.pin_locked_until) : null;
  if (paused && paused > now) return { allowed: false, reason: 'paused', until: paused };
  return null;
}

/** A right PIN: the run of wrong PINs ends and this attempt does not count against the day. */
export async function pinAttemptWasRight(db: Db, tenantId: string, userId: string) {
  await db
    .updateTable('memberships')
    .set({ pin_failed_attempts: 0, pin_locked_until: null, pin_budget_failures: sql`greatest(pin_budget_failures - 1, 0)` })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .execute();
}

/** What an admin's unlock (or a new PIN) resets. */
export const PIN_UNLOCKED = { pin_failed_attempts: 0, pin_locked_until: null, pin_budget_failures: 0, pin_budget_since: null } as const;
