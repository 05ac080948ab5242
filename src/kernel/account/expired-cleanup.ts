import type { JobDefinition } from '../jobs/job-definition.js';
import type { Db } from '../db/database.js';
import { SIGN_IN_FORGET_HOURS } from '../auth/sign-in-throttle.js';

/** How often expired sign-in state is deleted. */
export const CLEANUP_INTERVAL_MS = 15 * 60_000;

/**
 * Deletes what can no longer be used: expired sessions, sign-in challenges past their time,
 * password-reset tokens that were used or expired, invitations that expired unaccepted
 * (accepted ones stay as the record of who joined; the audit log keeps the rest), and per-address
 * sign-in failure counts whose run is forgotten (last failure over a day ago, so no wait is left).
 */
export async function deleteExpiredSignInState(db: Db, now = new Date()) {
  const count = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
  const sessions = count(await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst());
  const challenges = count(await db.deleteFrom('sign_in_challenges').where('expires_at', '<', now).executeTakeFirst());
  const resets = count(
    await db
      .deleteFrom('password_resets')
      .where((eb) => eb.or([eb('expires_at', '<', now), eb('used_at', 'is not', null)]))
      .executeTakeFirst(),
  );
  const invitations = count(
    await db.deleteFrom('invitations').where('expires_at', '<', now).where('accepted_at', 'is', null).executeTakeFirst(),
  );
  const forgetBefore = new Date(now.getTime() - SIGN_IN_FORGET_HOURS * 3_600_000);
  const signInFailures = count(
    await db
      .deleteFrom('sign_in_failures')
      .where('last_failure_at', '<', forgetBefore)
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)]))
      .executeTakeFirst(),
  );
  return { sessions, challenges, resets, invitations, signInFailures };
}

/** The periodic job (kernel scheduler): at start and every 15 minutes. */
export function expiredSignInStateJob(db: Db): JobDefinition {
  return {
    id: 'platform.expired-sign-in-state',
    description: {
      de: 'Abgelaufene Sitzungen, Anmelde-Zwischenschritte, Links zum Zurücksetzen, Einladungen und vergessene Fehlanmeldungen löschen',
      en: 'Delete expired sessions, sign-in challenges, password-reset links, invitations and forgotten sign-in failures',
    },
    intervalMs: CLEANUP_INTERVAL_MS,
    runAtStart: true,
    run: () => deleteExpiredSignInState(db),
  };
}
