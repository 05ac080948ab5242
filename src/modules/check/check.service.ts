import { writeAudit } from '../../kernel/audit/audit-log.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import type { Db } from '../../kernel/db/database.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { sizeClassOf, wzSectionOf } from '../../kernel/profile/company-profile.js';
import { getCompany } from '../../kernel/tenancy/company-store.js';
import type { ModuleRegistry } from '../../kernel/modules/module-registry.js';
import { validateAnswers } from './domain/answer-validation.js';
import type { Answers } from './domain/answers.js';
import { compareChecks } from './domain/check-comparison.js';
import { combineRespondents, type RespondentRole } from './domain/combine-respondents.js';
import { MIN_PEER_GROUP, peerPercentiles, type PeerRecord } from './domain/peer-percentiles.js';
import { DIMENSION_IDS, type DimensionId } from './domain/questionnaire-schema.js';
import { scoreCheck, type CheckResult } from './domain/score-check.js';
import { visibleItemIds } from './domain/visibility.js';
import { CURRENT_QUESTIONNAIRE_VERSION, getQuestionnaire } from './questionnaire/questionnaires.js';
import * as store from './check.store.js';
import type { CheckRunDetail, CheckRunSummary, CheckResultView } from './schemas.js';

export interface CheckContext {
  db: Db;
  registry: ModuleRegistry;
  tenant: TenantContext;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function summary(row: store.CheckRunRow, respondents: number): CheckRunSummary {
  return {
    id: row.id,
    questionnaireVersion: row.questionnaire_version,
    status: row.status,
    createdAt: iso(row.created_at)!,
    completedAt: iso(row.completed_at),
    respondentCount: respondents,
    dimensions: row.result ? row.result.dimensions.map((d) => ({ id: d.id, score: d.score, level: d.level })) : null,
  };
}

async function requireRun(ctx: CheckContext, checkId: string) {
  const row = await store.findRun(ctx.db, ctx.tenant.tenantId, checkId);
  if (!row) throw notFound('check');
  return row;
}

export async function listChecks(ctx: CheckContext): Promise<CheckRunSummary[]> {
  const [rows, counts] = await Promise.all([store.listRuns(ctx.db, ctx.tenant.tenantId), store.countResponses(ctx.db, ctx.tenant.tenantId)]);
  return rows.map((r) => summary(r, counts.get(r.id) ?? 0));
}

export async function startCheck(ctx: CheckContext): Promise<CheckRunSummary> {
  const open = await store.findOpenRun(ctx.db, ctx.tenant.tenantId);
  if (open) throw new ProblemError(409, 'check_open_exists', {}, { checkId: open.id });
  const id = await inTransaction(ctx.db, async (db) => {
    const started = await store.insertRun(db, ctx.tenant.tenantId, ctx.tenant.userId, CURRENT_QUESTIONNAIRE_VERSION);
    await writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: 'check.started', target: started });
    return started;
  });
  return summary((await store.findRun(ctx.db, ctx.tenant.tenantId, id))!, 0);
}

export async function checkDetail(ctx: CheckContext, checkId: string): Promise<CheckRunDetail> {
  const row = await requireRun(ctx, checkId);
  const questionnaire = getQuestionnaire(row.questionnaire_version);
  const [answers, counts] = await Promise.all([
    store.findResponse(ctx.db, ctx.tenant.tenantId, checkId, ctx.tenant.userId),
    store.countResponses(ctx.db, ctx.tenant.tenantId),
  ]);
  const visible = visibleItemIds(questionnaire, answers);
  const answered = [...visible].filter((id) => answers[id] !== undefined).length;
  return { ...summary(row, counts.get(checkId) ?? 0), myAnswers: answers, visibleItemIds: [...visible], progress: { visible: visible.size, answered } };
}

/** Merges the caller's partial answers (null removes one); invalid values change nothing. */
export async function saveAnswers(ctx: CheckContext, checkId: string, partial: Record<string, boolean | number | string | null>) {
  const row = await requireRun(ctx, checkId);
  const questionnaire = getQuestionnaire(row.questionnaire_version);
  // Read, merge and write under the run's row lock: the wizard saves a number when its field is left,
  // i.e. at the same moment as the next answer; without the lock one of the two was lost.
  await inTransaction(ctx.db, async (db) => {
    if ((await store.lockRun(db, ctx.tenant.tenantId, checkId)) !== 'open') throw new ProblemError(409, 'check_closed');
    const current = await store.findResponse(db, ctx.tenant.tenantId, checkId, ctx.tenant.userId);
    const merged: Record<string, unknown> = { ...current };
    for (const [itemId, value] of Object.entries(partial)) {
      if (value === null) delete merged[itemId];
      else merged[itemId] = value;
    }
    const validation = validateAnswers(questionnaire, merged);
    if (!validation.ok) {
      const errors = validation.issues.map((i) => ({ path: `answers.${i.itemId}`, message: i.message }));
      throw new ProblemError(400, 'validation', {}, { errors });
    }
    await store.saveResponse(db, ctx.tenant.tenantId, checkId, ctx.tenant.userId, ctx.tenant.role, validation.answers);
  });
  return checkDetail(ctx, checkId);
}

async function combined(ctx: CheckContext, row: store.CheckRunRow) {
  const questionnaire = getQuestionnaire(row.questionnaire_version);
  const responses = await store.listResponses(ctx.db, ctx.tenant.tenantId, row.id);
  const combination = combineRespondents(
    questionnaire,
    responses.map((r) => ({ id: r.user_id, role: r.role as RespondentRole, answers: r.answers })),
  );
  return { questionnaire, responses, combination };
}

async function scoreLive(ctx: CheckContext, version: string, answers: Answers): Promise<CheckResult> {
  const company = await getCompany(ctx.db, ctx.tenant.tenantId);
  return scoreCheck({ profile: company?.profile ?? {}, answers, questionnaireVersion: version });
}

export async function completeCheck(ctx: CheckContext, checkId: string): Promise<CheckRunSummary> {
  const row = await requireRun(ctx, checkId);
  if (row.status !== 'open') throw new ProblemError(409, 'check_closed');
  const { responses, combination } = await combined(ctx, row);
  if (responses.length === 0) throw new ProblemError(409, 'check_no_answers');
  const result = await scoreLive(ctx, row.questionnaire_version, combination.answers);
  await inTransaction(ctx.db, async (db) => {
    if (!(await store.completeRun(db, ctx.tenant.tenantId, checkId, ctx.tenant.userId, combination.answers, result))) {
      throw new ProblemError(409, 'check_closed');
    }
    await writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: 'check.completed', target: checkId, details: { respondents: responses.length } });
  });
  return summary((await store.findRun(ctx.db, ctx.tenant.tenantId, checkId))!, responses.length);
}

async function peersFor(ctx: CheckContext, result: CheckResult): Promise<CheckResultView['peers']> {
  const optedIn = await store.getPeerOptIn(ctx.db, ctx.tenant.tenantId);
  const empty = { optedIn, groupSize: null, dimensions: DIMENSION_IDS.map((id) => ({ id, percentile: null, median: null })) };
  const company = await getCompany(ctx.db, ctx.tenant.tenantId);
  const section = company?.profile.industry ? wzSectionOf(company.profile.industry) : undefined;
  if (!optedIn || !company?.profile.employees || !section) return empty;
  const scoresOf = (r: CheckResult) => Object.fromEntries(r.dimensions.map((d) => [d.id, d.score])) as PeerRecord['scores'];
  const firm: PeerRecord = { companyId: ctx.tenant.tenantId, optedIn: true, sizeClass: sizeClassOf(company.profile.employees), wzSection: section, scores: scoresOf(result) };
  const others: PeerRecord[] = (await store.latestOptedInResults(ctx.db))
    .filter((p) => p.employees && p.industry && wzSectionOf(p.industry))
    .map((p) => ({ companyId: p.tenantId, optedIn: true, sizeClass: sizeClassOf(p.employees!), wzSection: wzSectionOf(p.industry!)!, scores: scoresOf(p.result) }));
  const percentiles = peerPercentiles(firm, others, DIMENSION_IDS);
  if (!percentiles) return empty;
  const group = [firm, ...others.filter((o) => o.companyId !== firm.companyId && o.sizeClass === firm.sizeClass && o.wzSection === firm.wzSection)];
  return {
    optedIn,
    groupSize: percentiles.groupSize,
    dimensions: percentiles.dimensions.map((d) => {
      const scores = group.map((g) => g.scores[d.id as DimensionId]).filter((s): s is number => typeof s === 'number').sort((a, b) => a - b);
      const median = d.percentile === null || scores.length < MIN_PEER_GROUP ? null : scores[Math.floor((scores.length - 1) / 2)];
      return { id: d.id, percentile: d.percentile, median };
    }),
  };
}

export async function checkResult(ctx: CheckContext, checkId: string): Promise<CheckResultView> {
  const row = await requireRun(ctx, checkId);
  const { questionnaire, responses, combination } = await combined(ctx, row);
  const result = row.result ?? (await scoreLive(ctx, row.questionnaire_version, combination.answers));
  const mayManage = ctx.registry.roleHas(ctx.tenant.role, 'check.manage');
  const runs = await store.listRuns(ctx.db, ctx.tenant.tenantId);
  const completed = runs.filter((r) => r.status === 'completed').reverse();
  const reference = row.completed_at ?? new Date();
  const earlier = completed.filter((r) => r.id !== row.id && new Date(r.completed_at!) < new Date(reference));
  const last = earlier[earlier.length - 1];
  const currentAnswers = row.combined_answers ?? combination.answers;
  return {
    run: summary(row, responses.length),
    result,
    agreement: { items: combination.items, dimensions: combination.dimensions, roles: combination.roles },
    respondents: mayManage
      ? responses.map((r) => ({
          userId: r.user_id,
          name: r.name,
          role: r.role as RespondentRole,
          answeredItems: Object.keys(r.answers).length,
          updatedAt: iso(r.updated_at)!,
        }))
      : null,
    peers: await peersFor(ctx, result),
    previous: last
      ? {
          runId: last.id,
          completedAt: iso(last.completed_at)!,
          comparison: compareChecks(
            { questionnaire: getQuestionnaire(last.questionnaire_version), answers: last.combined_answers ?? {} },
            { questionnaire, answers: currentAnswers },
          ),
        }
      : null,
    history: completed.map((r) => ({
      runId: r.id,
      completedAt: iso(r.completed_at)!,
      questionnaireVersion: r.questionnaire_version,
      dimensions: (r.result?.dimensions ?? []).map((d) => ({ id: d.id, score: d.score })),
    })),
  };
}

export { getPeerOptIn, setPeerOptIn } from './check.store.js';
