import { sql } from 'kysely';
import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import type { Localized } from '../../kernel/modules/module-manifest.js';
import type { ModuleRegistry } from '../../kernel/modules/module-registry.js';
import type { DueRecords, PeriodRule, RetentionRule } from '../../kernel/modules/retention-rule.js';
import { personNames } from '../../kernel/tenancy/members.js';
import { effectiveMonths, monthsProblem, retentionCutoff } from './domain/retention.js';
import * as store from './retention.store.js';

export interface RetentionContext {
  db: Db;
  tenantId: string;
  /** Who acts; null for the daily job. */
  userId: string | null;
  registry: ModuleRegistry;
}

/** How many due records the dry run names per rule (the count is always complete). */
const SAMPLE_SIZE = 5;
const RUNS_SHOWN = 20;

interface DeclaredRule {
  moduleId: string;
  moduleName: Localized;
  category: Localized;
  retention: Localized;
  rule: RetentionRule;
}

/** The retention rule of every category the switched-on modules declare, in the modules' order. */
async function declaredRules(ctx: RetentionContext, db: Db): Promise<DeclaredRule[]> {
  const enabled = new Set((await ctx.registry.states(db, ctx.tenantId)).filter((s) => s.enabled).map((s) => s.id));
  return ctx.registry.modules
    .filter((m) => enabled.has(m.id))
    .flatMap((m) => m.personalData.map((p) => ({ moduleId: m.id, moduleName: m.name, category: p.category, retention: p.retention, rule: p.rule })));
}

const isPeriod = (r: DeclaredRule): r is DeclaredRule & { rule: PeriodRule } => r.rule.kind === 'period';

async function view(ctx: RetentionContext, db: Db, now: number) {
  const [rules, periods, enforcement, runs] = await Promise.all([
    declaredRules(ctx, db),
    store.chosenPeriods(db, ctx.tenantId),
    store.enforcement(db, ctx.tenantId),
    store.recentRuns(db, ctx.tenantId, RUNS_SHOWN),
  ]);
  const names = await personNames(db, [enforcement.changedBy, ...runs.map((r) => r.actorId)]);
  const shown = [];
  for (const r of rules) {
    const { rule } = r;
    const base = { moduleId: r.moduleId, moduleName: r.moduleName, category: r.category, retention: r.retention };
    if (rule.kind === 'while-used') {
      shown.push({ ...base, kind: 'while-used' as const, explanation: rule.explanation });
      continue;
    }
    const months = effectiveMonths(rule.months, store.chosenPeriod(periods, r.moduleId, rule.key));
    const cutoff = retentionCutoff(now, months);
    const due: DueRecords = await rule.due(db, ctx.tenantId, new Date(cutoff), SAMPLE_SIZE);
    shown.push({
      ...base,
      kind: 'period' as const,
      ruleKey: `${r.moduleId}.${rule.key}`,
      from: rule.from,
      action: rule.action,
      keeps: rule.keeps ?? null,
      months,
      defaultMonths: rule.months,
      minMonths: rule.minMonths ?? null,
      minReason: rule.minReason ?? null,
      cutoff: new Date(cutoff).toISOString(),
      due,
    });
  }
  return {
    enforced: enforcement.enforced,
    pauseReason: enforcement.pauseReason,
    enforcementChangedAt: enforcement.changedAt?.toISOString() ?? null,
    enforcementChangedBy: enforcement.changedBy ? (names.get(enforcement.changedBy) ?? null) : null,
    rules: shown,
    runs: runs.map((run) => ({
      id: run.id,
      startedAt: run.startedAt.toISOString(),
      trigger: run.trigger,
      by: run.actorId ? (names.get(run.actorId) ?? null) : null,
      total: run.total,
      results: run.results,
    })),
  };
}
export type RetentionView = Awaited<ReturnType<typeof view>>;

/** The rules with what each would delete or anonymise now (the dry run), enforcement and the log. */
export const getRetention = (ctx: RetentionContext, now = Date.now()) => view(ctx, ctx.db, now);

/** The period rule named `<module>.<rule>` among the switched-on modules' rules. */
function periodRuleOf(rules: DeclaredRule[], ruleKey: string): DeclaredRule & { rule: PeriodRule } {
  const found = rules.filter(isPeriod).find((r) => `${r.moduleId}.${r.rule.key}` === ruleKey);
  if (!found) throw notFound('retention rule');
  return found;
}

export async function setPeriod(ctx: RetentionContext, ruleKey: string, months: number): Promise<RetentionView> {
  return inTransaction(ctx.db, async (trx) => {
    const declared = periodRuleOf(await declaredRules(ctx, trx), ruleKey);
    const problem = monthsProblem(months, { minMonths: declared.rule.minMonths });
    if (problem) {
      throw new ProblemError(400, `privacy_retention_${problem.replaceAll('-', '_')}`, { min: declared.rule.minMonths ?? 1 }, { errors: [{ path: 'body.months', message: problem }] });
    }
    await store.savePeriod(trx, ctx.tenantId, declared.moduleId, declared.rule.key, months, ctx.userId);
    await writeAudit(trx, { tenantId: ctx.tenantId, actorId: ctx.userId, action: 'privacy.retention_period_changed', details: { category: declared.category, months } });
    return view(ctx, trx, Date.now());
  });
}

export async function setEnforcement(ctx: RetentionContext, enforced: boolean, pauseReason: string | null): Promise<RetentionView> {
  if (!enforced && !pauseReason) {
    throw new ProblemError(400, 'privacy_retention_pause_reason', {}, { errors: [{ path: 'body.pauseReason', message: 'must not be empty when pausing' }] });
  }
  return inTransaction(ctx.db, async (trx) => {
    await store.saveEnforcement(trx, ctx.tenantId, enforced, enforced ? null : pauseReason, ctx.userId);
    await writeAudit(trx, { tenantId: ctx.tenantId, actorId: ctx.userId, action: enforced ? 'privacy.retention_enforced' : 'privacy.retention_paused', details: enforced ? {} : { reason: pauseReason } });
    return view(ctx, trx, Date.now());
  });
}

/**
 * Deletes or anonymises what is due under every period rule, in one transaction, and logs the run
 * (a run by the job that found nothing is logged too: the log shows the job ran).
 */
export async function runRetention(ctx: RetentionContext, trigger: 'job' | 'manual', now = Date.now()): Promise<store.Run> {
  return inTransaction(ctx.db, async (trx) => {
    // one run at a time per company: a second one waits and then finds nothing left to do
    await sql`select pg_advisory_xact_lock(hashtext(${`privacy-retention:${ctx.tenantId}`}))`.execute(trx);
    const [rules, periods] = await Promise.all([declaredRules(ctx, trx), store.chosenPeriods(trx, ctx.tenantId)]);
    const results: store.RunResult[] = [];
    for (const r of rules.filter(isPeriod)) {
      const months = effectiveMonths(r.rule.months, store.chosenPeriod(periods, r.moduleId, r.rule.key));
      const cutoff = retentionCutoff(now, months);
      const count = await r.rule.apply(trx, ctx.tenantId, new Date(cutoff));
      results.push({ moduleId: r.moduleId, ruleKey: r.rule.key, moduleName: r.moduleName, category: r.category, action: r.rule.action, months, cutoff: new Date(cutoff).toISOString(), count });
    }
    const total = results.reduce((sum, r) => sum + r.count, 0);
    const run = await store.insertRun(trx, ctx.tenantId, { startedAt: new Date(now), trigger, actorId: ctx.userId, results, total });
    if (trigger === 'manual' || total > 0) {
      await writeAudit(trx, { tenantId: ctx.tenantId, actorId: ctx.userId, action: trigger === 'job' ? 'privacy.retention_job_ran' : 'privacy.retention_ran', target: run.id, details: { count: total } });
    }
    return run;
  });
}
