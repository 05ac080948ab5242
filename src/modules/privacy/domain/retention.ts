import { DateTime } from 'luxon';

/**
 * Retention periods: what a period rule lets the firm choose and where its period ends. Pure;
 * moments are epoch milliseconds.
 */

/** Fifty years: a longer period is a typo, not a decision. */
export const MAX_MONTHS = 600;

/** Periods count in the firm's calendar: a month back from 31 March is the end of February. */
export const RETENTION_ZONE = 'Europe/Berlin';

/** The moment before which a record's period of `months` has ended, seen at `now`. */
export function retentionCutoff(now: number, months: number): number {
  return DateTime.fromMillis(now, { zone: RETENTION_ZONE }).minus({ months }).toMillis();
}

export interface PeriodBounds {
  /** The shortest period a law allows, where it requires keeping. */
  minMonths?: number;
}

export type MonthsProblem = 'not-whole' | 'too-short' | 'below-legal-minimum' | 'too-long';

/** Why `months` cannot be a rule's period, or null when it can. */
export function monthsProblem(months: number, bounds: PeriodBounds): MonthsProblem | null {
  if (!Number.isInteger(months)) return 'not-whole';
  if (months < 1) return 'too-short';
  if (months > MAX_MONTHS) return 'too-long';
  if (bounds.minMonths !== undefined && months < bounds.minMonths) return 'below-legal-minimum';
  return null;
}

/** The period the firm chose, or the rule's own while the firm has chosen none. */
export function effectiveMonths(ruleMonths: number, chosen: number | undefined): number {
  return chosen ?? ruleMonths;
}

/** A job run is due once the company's last one is at least this long ago (the job itself ticks hourly). */
export const RUN_EVERY_MS = 23 * 60 * 60 * 1000;

/** Whether the daily job should run for a company now. */
export function jobRunDue(lastJobRunAt: number | null, now: number): boolean {
  return lastJobRunAt === null || now - lastJobRunAt >= RUN_EVERY_MS;
}
