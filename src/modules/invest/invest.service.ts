import { writeAudit } from '../../kernel/audit/audit-log.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { ProblemError, notFound, unknownReference } from '../../kernel/http/problem.js';
import { catalogueMeasureTitle, planItemExists } from '../roadmap/index.js';
import { evaluationResults } from './domain/evaluation-results.js';
import { SCENARIO_NAMES } from './domain/scenarios.js';
import { compareAlternatives } from './domain/utility-analysis.js';
import * as store from './invest.store.js';
import type {
  ComparedAlternative,
  EvaluationComparison,
  EvaluationData,
  EvaluationDetail,
  EvaluationResults,
  EvaluationSummary,
  MoneyFigures,
} from './schemas.js';

export interface InvestContext {
  db: Db;
  tenant: TenantContext;
}

/** Figures of valid-looking inputs the domain still refuses become a 400, never a 500. */
function computeResults(e: EvaluationData): EvaluationResults {
  try {
    return evaluationResults(e);
  } catch (error) {
    if (error instanceof RangeError) throw new ProblemError(400, 'invest_inputs_invalid', { reason: error.message }, { errors: [{ path: 'body', message: error.message }] });
    throw error;
  }
}

function detail(e: store.StoredEvaluation): EvaluationDetail {
  const { createdAt, updatedAt, ...data } = e;
  const measureTitle = data.measureId ? (catalogueMeasureTitle(data.measureId) ?? null) : null;
  return { ...data, measureTitle, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString(), results: computeResults(data) };
}

async function requireEvaluation(ctx: InvestContext, id: string) {
  const found = await store.findEvaluation(ctx.db, ctx.tenant.tenantId, id);
  if (!found) throw notFound('evaluation');
  return found;
}

export async function listEvaluations(ctx: InvestContext): Promise<EvaluationSummary[]> {
  const all = await store.listEvaluations(ctx.db, ctx.tenant.tenantId);
  return all.map((e) => {
    const { results } = detail(e);
    const expected = results.scenarios.expected;
    return {
      id: e.id,
      title: e.title,
      description: e.description,
      planItemId: e.planItemId,
      measureId: e.measureId,
      horizonYears: e.horizonYears,
      updatedAt: e.updatedAt.toISOString(),
      npvCents: expected.npvCents,
      irr: expected.irr,
      paybackYears: expected.paybackYears,
      utilityScore: results.utility?.score ?? null,
    };
  });
}

export async function getEvaluation(ctx: InvestContext, id: string): Promise<EvaluationDetail> {
  return detail(await requireEvaluation(ctx, id));
}

/** The plan item an evaluation is attached to must be one of the company's (the roadmap's own check). */
async function checkPlanItem(ctx: InvestContext, data: EvaluationData) {
  if (data.planItemId && !(await planItemExists(ctx.db, ctx.tenant.tenantId, data.planItemId))) throw unknownReference('body.planItemId');
}

export async function createEvaluation(ctx: InvestContext, data: EvaluationData): Promise<EvaluationDetail> {
  computeResults(data);
  await checkPlanItem(ctx, data);
  const id = uuidv7();
  await inTransaction(ctx.db, async (db) => {
    await store.insertEvaluation(db, ctx.tenant.tenantId, id, ctx.tenant.userId, data);
    await writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: 'invest.evaluation_created', target: id, details: { title: data.title } });
  });
  return getEvaluation(ctx, id);
}

export async function updateEvaluation(ctx: InvestContext, id: string, data: EvaluationData): Promise<EvaluationDetail> {
  await requireEvaluation(ctx, id);
  computeResults(data);
  await checkPlanItem(ctx, data);
  await inTransaction(ctx.db, async (db) => {
    if (!(await store.updateEvaluation(db, ctx.tenant.tenantId, id, data))) throw notFound('evaluation');
    await writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: 'invest.evaluation_updated', target: id, details: { title: data.title } });
  });
  return getEvaluation(ctx, id);
}

export async function deleteEvaluation(ctx: InvestContext, id: string): Promise<void> {
  const existing = await requireEvaluation(ctx, id);
  await inTransaction(ctx.db, async (db) => {
    await store.deleteEvaluation(db, ctx.tenant.tenantId, id);
    await writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: 'invest.evaluation_deleted', target: id, details: { title: existing.title } });
  });
}

const moneyFigures = ({ years: _years, irrCandidates: _candidates, ...figures }: EvaluationResults['scenarios']['expected']): MoneyFigures => figures;

/**
 * Alternatives side by side: money figures of every scenario and the utility score, all scored
 * on the criteria and weights of the first evaluation so the scores are comparable.
 */
export async function compareEvaluations(ctx: InvestContext, ids: readonly string[]): Promise<EvaluationComparison> {
  if (new Set(ids).size !== ids.length) throw new ProblemError(400, 'invest_compare_duplicate');
  const found = await store.listEvaluations(ctx.db, ctx.tenant.tenantId, ids);
  if (found.length !== ids.length) throw notFound('evaluation');
  const ordered = ids.map((id) => found.find((e) => e.id === id)!);
  const reference = ordered[0];
  const weights = reference.criteria.filter((c) => c.weight > 0).map((c) => ({ id: c.id, weight: c.weight }));
  const scoresOf = (e: store.StoredEvaluation) =>
    Object.fromEntries(e.criteria.filter((c) => c.score !== null).map((c) => [c.id, c.score!]));
  const comparable = weights.length === 0 ? [] : ordered.filter((e) => weights.every((w) => scoresOf(e)[w.id] !== undefined));
  const ranked = weights.length === 0 ? [] : compareAlternatives(weights, comparable.map((e) => ({ id: e.id, scores: scoresOf(e), figures: null })));

  const alternatives = ordered.map((e): ComparedAlternative => {
    const results = detail(e).results;
    const rankedEntry = ranked.find((r) => r.id === e.id);
    return {
      id: e.id,
      title: e.title,
      rank: rankedEntry?.rank ?? null,
      utilityScore: rankedEntry?.utility.score ?? null,
      ownUtilityScore: results.utility?.score ?? null,
      investmentCents: e.inputs.investmentCents,
      scenarios: Object.fromEntries(SCENARIO_NAMES.map((name) => [name, moneyFigures(results.scenarios[name])])) as ComparedAlternative['scenarios'],
    };
  });
  return {
    weightsFrom: reference.id,
    criteria: reference.criteria.map((c) => ({ id: c.id, label: c.label, weight: c.weight })),
    alternatives,
  };
}
