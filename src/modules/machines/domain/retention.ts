import { DAY_MS } from './partitions.js';

/** Days a data point's data is kept: raw samples, 1-minute and 1-hour aggregates. */
export interface Retention {
  rawDays: number;
  minuteDays: number;
  hourDays: number;
}

/** A point's own setting; null takes the installation's default. */
export interface RetentionSetting {
  rawDays: number | null;
  minuteDays: number | null;
  hourDays: number | null;
}

export const DEFAULT_RETENTION: Retention = { rawDays: 90, minuteDays: 400, hourDays: 3650 };

export function effectiveRetention(setting: RetentionSetting, defaults: Retention): Retention {
  return {
    rawDays: setting.rawDays ?? defaults.rawDays,
    minuteDays: setting.minuteDays ?? defaults.minuteDays,
    hourDays: setting.hourDays ?? defaults.hourDays,
  };
}

/**
 * Coarser data must live at least as long as finer data: 1-hour aggregates are rolled up from
 * 1-minute aggregates, which are made from raw samples, so a late sample can only be aggregated
 * correctly while the finer levels still hold its bucket.
 */
export function retentionProblem(r: Retention): 'minuteShorterThanRaw' | 'hourShorterThanMinute' | null {
  if (r.minuteDays < r.rawDays) return 'minuteShorterThanRaw';
  if (r.hourDays < r.minuteDays) return 'hourShorterThanMinute';
  return null;
}

/** The instant before which data of `days` retention is gone (or about to be deleted). */
export const keptFrom = (now: number, days: number) => now - days * DAY_MS;

/**
 * Day partitions hold every point, so a partition may only be dropped once it is older than the
 * longest raw retention of any point; points with a shorter retention lose their older rows by
 * row deletes before that.
 */
export function longestRawRetention(settings: ReadonlyArray<{ rawDays: number | null }>, defaultDays: number): number {
  return settings.reduce((longest, s) => Math.max(longest, s.rawDays ?? defaultDays), defaultDays);
}
