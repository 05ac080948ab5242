import type { Localized } from '../modules/module-manifest.js';

/**
 * One piece of background work the kernel scheduler runs every `intervalMs`. Modules declare
 * theirs in the manifest (`jobs`), or register them at start when the work only exists while
 * something else runs (`ctx.jobs.register`, e.g. the machine connections' reconcile).
 */
export interface JobDefinition {
  /** `<module>.<name>`, e.g. `machines.aggregation`; unique in the instance. */
  id: string;
  /** What the job does, for the health page (no secrets). */
  description: Localized;
  /** Time between the starts of two runs. */
  intervalMs: number;
  /** Run once right when the scheduler starts (default: first run after one interval). */
  runAtStart?: boolean;
  /**
   * Jobs of one group never run at the same time: a run waits for the group's current run
   * (e.g. the hourly sample maintenance and the minute aggregation both write the aggregates).
   */
  group?: string;
  /**
   * Work that belongs to this process (its own clients, caches) and therefore runs in every
   * process even once jobs run on one leader only; `mayRun` is not asked for it.
   */
  everyProcess?: boolean;
  run(): Promise<unknown>;
}

/** A job as the health page and `GET /api/health/details` show it. */
export interface JobStatus {
  id: string;
  moduleId: string | null;
  description: Localized;
  intervalMs: number;
  group: string | null;
  running: boolean;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  /** The last failure's message, shortened and with credentials removed. */
  lastError: string | null;
  lastDurationMs: number | null;
  runs: number;
  failures: number;
  consecutiveFailures: number;
  /** Ticks skipped because the previous run had not finished. */
  skipped: number;
  /** The last run failed. */
  failing: boolean;
  /** No successful run for two intervals plus a minute while the scheduler runs. */
  overdue: boolean;
  state: 'ok' | 'failing' | 'overdue' | 'idle';
}
