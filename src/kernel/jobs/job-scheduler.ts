import type { JobDefinition, JobStatus } from './job-definition.js';
import { errorText } from './error-text.js';

/** The part of a pino logger the scheduler uses (Fastify's `app.log` fits). */
export interface JobLogger {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface JobSchedulerOptions {
  logger?: JobLogger;
  /**
   * The one hook for running each job once across several processes: asked before every run
   * of a job that is not `everyProcess`; `false` skips the run (another process holds the
   * job's leadership, e.g. a PostgreSQL advisory lock). Default: always run.
   */
  mayRun?: (job: JobDefinition) => boolean | Promise<boolean>;
  /** Clock, replaceable in tests. */
  now?: () => number;
}

export type JobRunOutcome = 'succeeded' | 'failed' | 'skipped';

interface Entry {
  def: JobDefinition;
  moduleId: string | null;
  timer?: NodeJS.Timeout;
  /** The run in progress (or waiting for its group), if any. */
  current: Promise<JobRunOutcome> | null;
  running: boolean;
  lastStartedAt: number | null;
  lastFinishedAt: number | null;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  runs: number;
  failures: number;
  consecutiveFailures: number;
  skipped: number;
}

const stderrLogger: JobLogger = {
  error: (obj, msg) => process.stderr.write(`  Error: ${msg} ${JSON.stringify(obj)}\n`),
  info: () => {},
};

/** Grace on top of two intervals before a job counts as overdue. */
const OVERDUE_GRACE_MS = 60_000;

/**
 * The kernel's one scheduler for background work: every job of every module is registered
 * here, with its interval, last start, last success and last failure (`list()`). A failing run
 * is logged (message only, credentials removed) and never stops the scheduler; a tick that
 * finds the job's previous run unfinished is skipped, so one job never overlaps itself; jobs
 * of one `group` run one after another. Timers are unref'd: they never keep the process alive.
 */
export class JobScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly groups = new Map<string, Promise<unknown>>();
  private startedAt: number | null = null;
  private readonly now: () => number;
  logger: JobLogger;
  mayRun: (job: JobDefinition) => boolean | Promise<boolean>;

  constructor(options: JobSchedulerOptions = {}) {
    this.logger = options.logger ?? stderrLogger;
    this.mayRun = options.mayRun ?? (() => true);
    this.now = options.now ?? Date.now;
  }

  get started(): boolean {
    return this.startedAt !== null;
  }

  /** Adds a job; when the scheduler runs already, its timer starts at once. Returns an unregister function. */
  register(def: JobDefinition, moduleId: string | null = def.id.includes('.') ? def.id.slice(0, def.id.indexOf('.')) : null): () => Promise<void> {
    if (this.entries.has(def.id)) throw new Error(`job ${def.id} registered twice`);
    if (!(def.intervalMs > 0)) throw new Error(`job ${def.id}: interval must be positive`);
    const entry: Entry = {
      def, moduleId, current: null, running: false, lastStartedAt: null, lastFinishedAt: null, lastSuccessAt: null,
      lastFailureAt: null, lastError: null, lastDurationMs: null, runs: 0, failures: 0, consecutiveFailures: 0, skipped: 0,
    };
    this.entries.set(def.id, entry);
    if (this.started) this.schedule(entry);
    return () => this.unregister(def.id);
  }

  /** Stops a job's timer, waits for its run in progress and removes it from the list. */
  async unregister(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    clearInterval(entry.timer);
    this.entries.delete(id);
    await entry.current;
  }

  start(): void {
    if (this.started) return;
    this.startedAt = this.now();
    for (const entry of this.entries.values()) this.schedule(entry);
  }

  /** Stops every timer and waits for the runs in progress; registered jobs stay listed. */
  async stop(): Promise<void> {
    this.startedAt = null;
    for (const entry of this.entries.values()) {
      clearInterval(entry.timer);
      entry.timer = undefined;
    }
    await Promise.all([...this.entries.values()].map((e) => e.current));
  }

  /**
   * Runs a job now (unless its previous run is unfinished: then `skipped`), as a tick would.
   * Never throws for a failing run: the outcome says `failed`, the status has the message.
   */
  runNow(id: string): Promise<JobRunOutcome> {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`no job ${id}`);
    return this.tick(entry);
  }

  list(): JobStatus[] {
    const now = this.now();
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    return [...this.entries.values()].map((e) => {
      const failing = e.lastFailureAt !== null && (e.lastSuccessAt === null || e.lastFailureAt >= e.lastSuccessAt);
      const since = e.lastSuccessAt ?? this.startedAt;
      const overdue = since !== null && this.started && now - since > 2 * e.def.intervalMs + OVERDUE_GRACE_MS;
      return {
        id: e.def.id,
        moduleId: e.moduleId,
        description: e.def.description,
        intervalMs: e.def.intervalMs,
        group: e.def.group ?? null,
        running: e.running,
        lastStartedAt: iso(e.lastStartedAt),
        lastFinishedAt: iso(e.lastFinishedAt),
        lastSuccessAt: iso(e.lastSuccessAt),
        lastFailureAt: iso(e.lastFailureAt),
        lastError: e.lastError,
        lastDurationMs: e.lastDurationMs,
        runs: e.runs,
        failures: e.failures,
        consecutiveFailures: e.consecutiveFailures,
        skipped: e.skipped,
        failing,
        overdue,
        state: failing ? 'failing' : overdue ? 'overdue' : e.runs === 0 ? 'idle' : 'ok',
      };
    });
  }

  private schedule(entry: Entry) {
    clearInterval(entry.timer);
    entry.timer = setInterval(() => void this.tick(entry), entry.def.intervalMs);
    entry.timer.unref();
    if (entry.def.runAtStart) void this.tick(entry);
  }

  private tick(entry: Entry): Promise<JobRunOutcome> {
    if (entry.current) {
      entry.skipped++;
      return Promise.resolve('skipped');
    }
    const group = entry.def.group;
    const before = group ? (this.groups.get(group) ?? Promise.resolve()) : Promise.resolve();
    const run = before.then(() => this.execute(entry));
    entry.current = run;
    if (group) this.groups.set(group, run);
    void run.finally(() => {
      entry.current = null;
      if (group && this.groups.get(group) === run) this.groups.delete(group);
    });
    return run;
  }

  private async execute(entry: Entry): Promise<JobRunOutcome> {
    const { def } = entry;
    try {
      if (!def.everyProcess && !(await this.mayRun(def))) return 'skipped';
    } catch (error) {
      this.logger.error({ job: def.id, error: errorText(error) }, `job ${def.id}: could not decide whether to run`);
      return 'skipped';
    }
    const started = this.now();
    entry.running = true;
    entry.lastStartedAt = started;
    entry.runs++;
    try {
      await def.run();
      const done = this.now();
      entry.lastSuccessAt = done;
      entry.lastFinishedAt = done;
      entry.lastDurationMs = done - started;
      if (entry.consecutiveFailures > 0) this.logger.info({ job: def.id, failedRuns: entry.consecutiveFailures }, `job ${def.id} succeeded again`);
      entry.consecutiveFailures = 0;
      return 'succeeded';
    } catch (error) {
      const done = this.now();
      entry.lastFailureAt = done;
      entry.lastFinishedAt = done;
      entry.lastDurationMs = done - started;
      entry.lastError = errorText(error);
      entry.failures++;
      entry.consecutiveFailures++;
      this.logger.error({ job: def.id, error: entry.lastError, consecutiveFailures: entry.consecutiveFailures }, `job ${def.id} failed`);
      return 'failed';
    } finally {
      entry.running = false;
    }
  }
}
