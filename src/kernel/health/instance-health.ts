import { sql } from 'kysely';
import type { AppContext } from '../http/app-context.js';
import type { JobStatus } from '../jobs/job-definition.js';
import { errorText } from '../jobs/error-text.js';
import { APP_VERSION } from '../version.js';

/** Components every instance reports, shown as `notStarted` while nobody reported them. */
const KNOWN_COMPONENTS = ['mqtt'];
const DATABASE_TIMEOUT_MS = 5000;

export interface InstanceHealth {
  /** `ok`, or `degraded` when the database is unreachable, a job fails or is overdue, or a component failed. */
  status: 'ok' | 'degraded';
  version: string;
  startedAt: string;
  uptimeSeconds: number;
  database: { kind: 'embedded' | 'server'; reachable: boolean; latencyMs: number | null; error?: string };
  components: Record<string, { state: 'ok' | 'off' | 'failed' | 'notStarted'; detail?: string }>;
  jobs: { running: boolean; items: JobStatus[] };
}

const startedAt = new Date(Date.now() - process.uptime() * 1000);

async function probeDatabase(ctx: Pick<AppContext, 'db' | 'database'>): Promise<InstanceHealth['database']> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sql`select 1`.execute(ctx.db),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS / 1000} s`)), DATABASE_TIMEOUT_MS);
      }),
    ]);
    return { kind: ctx.database.kind, reachable: true, latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
  } catch (error) {
    return { kind: ctx.database.kind, reachable: false, latencyMs: null, error: errorText(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The instance's state for operators (`GET /api/health/details`) and, without error texts, for
 * company admins (`GET /api/v1/companies/{id}/health`): version, uptime, database, components
 * such as the MQTT broker, and every job of the scheduler. Never secrets: error texts pass
 * {@link errorText}, settings are not included.
 */
export async function instanceHealth(ctx: Pick<AppContext, 'db' | 'database' | 'jobs' | 'health'>, options: { errors: boolean }): Promise<InstanceHealth> {
  const database = await probeDatabase(ctx);
  const components: InstanceHealth['components'] = {};
  for (const id of new Set([...KNOWN_COMPONENTS, ...ctx.health.ids()])) {
    const c = ctx.health.get(id);
    components[id] = c ? { state: c.state, ...(options.errors && c.detail ? { detail: c.detail } : c.state !== 'failed' && c.detail ? { detail: c.detail } : {}) } : { state: 'notStarted' };
  }
  const items = ctx.jobs.list().map((j) => (options.errors ? j : { ...j, lastError: null }));
  if (!options.errors) delete database.error;
  const degraded = !database.reachable || items.some((j) => j.failing || j.overdue) || Object.values(components).some((c) => c.state === 'failed');
  return {
    status: degraded ? 'degraded' : 'ok',
    version: APP_VERSION,
    startedAt: startedAt.toISOString(),
    uptimeSeconds: Math.round(process.uptime()),
    database,
    components,
    jobs: { running: ctx.jobs.started, items },
  };
}
