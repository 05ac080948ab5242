import type { Db } from '../../kernel/db/database.js';
import { aggregateSamples } from './aggregates.store.js';
import { type RetentionResult, applyRetention } from './sample-retention.store.js';
import { DAY_MS } from './domain/partitions.js';
import { DEFAULT_RETENTION, type Retention, retentionProblem } from './domain/retention.js';
import { ensurePartitions } from './sample-partitions.store.js';

/** Raw days alone: the aggregates keep their defaults, at least as long as raw samples. */
const asRetention = (r: number | Retention): Retention => {
  if (typeof r !== 'number') return r;
  const minuteDays = Math.max(DEFAULT_RETENTION.minuteDays, r);
  return { rawDays: r, minuteDays, hourDays: Math.max(DEFAULT_RETENTION.hourDays, minuteDays) };
};

/**
 * Creates the partitions of today and the next two days, aggregates the complete minutes and
 * hours (aggregates.store.ts) and then applies the retention of every data point. Run hourly by
 * the job `machines.maintenance` (jobs.ts).
 */
export async function maintainSamples(db: Db, retention: number | Retention, now = Date.now()): Promise<RetentionResult & { minutes: number; hours: number }> {
  await ensurePartitions(db, [now, now + DAY_MS, now + 2 * DAY_MS]);
  const aggregated = await aggregateSamples(db, now);
  return { ...aggregated, ...(await applyRetention(db, asRetention(retention), now)) };
}

/** Reads `WERKVERBUND_MACHINE_RETENTION_DAYS` (raw samples, default 90). */
export function retentionDaysFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.WERKVERBUND_MACHINE_RETENTION_DAYS?.trim();
  if (!raw) return 90;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1) throw new Error(`WERKVERBUND_MACHINE_RETENTION_DAYS must be a whole number of days ≥ 1, not "${raw}"`);
  return days;
}

function daysFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1) throw new Error(`${name} must be a whole number of days ≥ 1, not "${raw}"`);
  return days;
}

/**
 * Default retention of data points without their own setting: raw samples
 * `WERKVERBUND_MACHINE_RETENTION_DAYS` (90), 1-minute aggregates
 * `WERKVERBUND_MACHINE_MINUTE_RETENTION_DAYS` (400, at least the raw days), 1-hour aggregates
 * `WERKVERBUND_MACHINE_HOUR_RETENTION_DAYS` (3650, at least the minute days).
 */
export function retentionFromEnv(env: NodeJS.ProcessEnv): Retention {
  const rawDays = retentionDaysFromEnv(env);
  const minuteDays = daysFromEnv(env, 'WERKVERBUND_MACHINE_MINUTE_RETENTION_DAYS') ?? Math.max(DEFAULT_RETENTION.minuteDays, rawDays);
  const hourDays = daysFromEnv(env, 'WERKVERBUND_MACHINE_HOUR_RETENTION_DAYS') ?? Math.max(DEFAULT_RETENTION.hourDays, minuteDays);
  const r = { rawDays, minuteDays, hourDays };
  const problem = retentionProblem(r);
  if (problem) throw new Error(problem === 'minuteShorterThanRaw'
    ? 'WERKVERBUND_MACHINE_MINUTE_RETENTION_DAYS must not be shorter than WERKVERBUND_MACHINE_RETENTION_DAYS'
    : 'WERKVERBUND_MACHINE_HOUR_RETENTION_DAYS must not be shorter than WERKVERBUND_MACHINE_MINUTE_RETENTION_DAYS');
  return r;
}
