import type { JobDefinition } from '../jobs/job-definition.js';
import type { Db } from '../db/database.js';

/** How often expired sign-in state is deleted. */
export const CLEANUP_INTERVAL_MS = 15 * 60_000;

/**
 * Deletes what can no longer be used: expired sessions, sign-in challenges past their time,
 * password-reset tokens that were used or expired, and invitations that expired unaccepted
 * (accepted ones stay as the record of who joined; the audit log keeps the rest).
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
  return { sessions, challenges, resets, invitations };
}

/** The periodic job (kernel scheduler): at start and every 15 minutes. */
export function expiredSignInStateJob(db: Db): JobDefinition {
  return {
    id: 'platform.expired-sign-in-state',
    description: {
      de: 'Abgelaufene Sitzungen, Anmelde-Zwischenschritte, Links zum Zurücksetzen und Einladungen löschen',
      en: 'Delete expired sessions, sign-in challenges, password-reset links and invitations',
    },
    intervalMs: CLEANUP_INTERVAL_MS,
    runAtStart: true,
    run: () => deleteExpiredSignInState(db),
  };
}
