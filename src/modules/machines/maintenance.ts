import type { Db } from '../../kernel/db/database.js';
import { DAY_MS } from './domain/partitions.js';
import { dropOldPartitions, ensurePartitions } from './machines.store.js';

/** Creates the partitions of today and the next two days and drops those past retention. */
export async function maintainSamples(db: Db, retentionDays: number, now = Date.now()): Promise<{ dropped: string[] }> {
  await ensurePartitions(db, [now, now + DAY_MS, now + 2 * DAY_MS]);
  return { dropped: await dropOldPartitions(db, retentionDays, now) };
}

/** Runs {@link maintainSamples} now and then every `intervalMs` (default: hourly); returns a stop function. */
export function startSampleMaintenance(db: Db, retentionDays: number, intervalMs = 3_600_000, onError: (e: unknown) => void = () => {}): () => void {
  const run = () => void maintainSamples(db, retentionDays).catch(onError);
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Reads `WERKVERBUND_MACHINE_RETENTION_DAYS` (raw samples, default 90). */
export function retentionDaysFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.WERKVERBUND_MACHINE_RETENTION_DAYS?.trim();
  if (!raw) return 90;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1) throw new Error(`WERKVERBUND_MACHINE_RETENTION_DAYS must be a whole number of days ≥ 1, not "${raw}"`);
  return days;
}
