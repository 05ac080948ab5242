import type { Db } from '../../kernel/db/database.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { Localized } from '../../kernel/modules/module-manifest.js';

const settingKey = (moduleId: string, ruleKey: string) => `${moduleId}/${ruleKey}`;

/** The periods the firm chose, by `module/rule`. */
export async function chosenPeriods(db: Db, tenantId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('privacy_retention_settings').select(['module_id', 'rule_key', 'months']).where('tenant_id', '=', tenantId).execute();
  return new Map(rows.map((r) => [settingKey(r.module_id, r.rule_key), r.months]));
}
export const chosenPeriod = (periods: Map<string, number>, moduleId: string, ruleKey: string) => periods.get(settingKey(moduleId, ruleKey));

export async function savePeriod(db: Db, tenantId: string, moduleId: string, ruleKey: string, months: number, userId: string | null): Promise<void> {
  await db
    .insertInto('privacy_retention_settings')
    .values({ tenant_id: tenantId, module_id: moduleId, rule_key: ruleKey, months, changed_by: userId })
    .onConflict((oc) => oc.columns(['tenant_id', 'module_id', 'rule_key']).doUpdateSet({ months, changed_at: new Date(), changed_by: userId }))
    .execute();
}

export interface Enforcement {
  enforced: boolean;
  pauseReason: string | null;
  changedAt: Date | null;
  changedBy: string | null;
}

export async function enforcement(db: Db, tenantId: string): Promise<Enforcement> {
  const row = await db.selectFrom('privacy_retention_enforcement').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return { enforced: true, pauseReason: null, changedAt: null, changedBy: null };
  return { enforced: row.enforced, pauseReason: row.pause_reason, changedAt: new Date(row.changed_at), changedBy: row.changed_by };
}

export async function saveEnforcement(db: Db, tenantId: string, enforced: boolean, pauseReason: string | null, userId: string | null): Promise<void> {
  const values = { enforced, pause_reason: pauseReason, changed_at: new Date(), changed_by: userId };
  await db
    .insertInto('privacy_retention_enforcement')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}

/** What one rule did in a run; module and category as they were named then. */
export interface RunResult {
  moduleId: string;
  ruleKey: string;
  moduleName: Localized;
  category: Localized;
  action: 'delete' | 'anonymise';
  months: number;
  cutoff: string;
  count: number;
}

export interface Run {
  id: string;
  startedAt: Date;
  trigger: 'job' | 'manual';
  actorId: string | null;
  results: RunResult[];
  total: number;
}

export async function insertRun(db: Db, tenantId: string, run: Omit<Run, 'id'>): Promise<Run> {
  const id = uuidv7();
  await db
    .insertInto('privacy_retention_runs')
    .values({ tenant_id: tenantId, id, started_at: run.startedAt, trigger: run.trigger, actor_id: run.actorId, results: JSON.stringify(run.results), total: run.total })
    .execute();
  return { id, ...run };
}

export async function recentRuns(db: Db, tenantId: string, limit: number): Promise<Run[]> {
  const rows = await db.selectFrom('privacy_retention_runs').selectAll().where('tenant_id', '=', tenantId).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, startedAt: new Date(r.started_at), trigger: r.trigger as Run['trigger'], actorId: r.actor_id, results: r.results as unknown as RunResult[], total: r.total }));
}

export async function lastJobRunAt(db: Db, tenantId: string): Promise<Date | null> {
  const row = await db.selectFrom('privacy_retention_runs').select('started_at').where('tenant_id', '=', tenantId).where('trigger', '=', 'job').orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  return row ? new Date(row.started_at) : null;
}
