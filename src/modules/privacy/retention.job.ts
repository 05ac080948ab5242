import type { AppContext } from '../../kernel/http/app-context.js';
import type { JobDefinition } from '../../kernel/jobs/job-definition.js';
import { jobRunDue } from './domain/retention.js';
import * as store from './retention.store.js';
import { runRetention } from './retention.service.js';

/**
 * Enforces the retention rules once a day per company. It ticks hourly and runs for each company
 * whose last run is a day ago, so a restart neither skips a day nor runs twice.
 */
export function retentionJob(ctx: AppContext): JobDefinition {
  return {
    id: 'privacy.retention',
    description: { de: 'Löscht oder anonymisiert täglich, was nach den Aufbewahrungsregeln fällig ist', en: 'Deletes or anonymises daily what the retention rules make due' },
    intervalMs: 60 * 60 * 1000,
    runAtStart: true,
    run: () => enforceRetention(ctx),
  };
}

/** One tick: runs the rules for every company that has the module on, enforcement on, and a run due. */
export async function enforceRetention(ctx: Pick<AppContext, 'db' | 'registry'>, now = Date.now()): Promise<number> {
  let ran = 0;
  for (const tenantId of await ctx.registry.companiesWith(ctx.db, 'privacy')) {
    if (!(await store.enforcement(ctx.db, tenantId)).enforced) continue;
    if (!jobRunDue((await store.lastJobRunAt(ctx.db, tenantId))?.getTime() ?? null, now)) continue;
    await runRetention({ db: ctx.db, tenantId, userId: null, registry: ctx.registry }, 'job', now);
    ran++;
  }
  return ran;
}
