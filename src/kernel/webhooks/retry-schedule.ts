/**
 * When a failed notification is tried again: after 10 s, 30 s, 1 min, 5 min, 15 min, 30 min and
 * then hourly, at most 10 attempts in all (almost 4 hours), after which the delivery is given up
 * as failed. Deterministic, so the schedule can be shown and tested.
 */
export const RETRY_DELAYS_MS = [10_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 3_600_000, 3_600_000] as const;

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The wait after the `attempts`-th failed attempt (1-based), or null when it is given up. */
export function retryDelayMs(attempts: number): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError('attempts must be a whole number ≥ 1');
  return attempts < MAX_ATTEMPTS ? RETRY_DELAYS_MS[attempts - 1] : null;
}
