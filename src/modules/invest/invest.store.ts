import type { Db } from '../../kernel/db/database.js';
import { storedJson } from '../../kernel/db/stored-json.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import type { EvaluationData, PlanInputs, StoredCriterion } from './schemas.js';

export interface StoredEvaluation extends EvaluationData {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = ['id', 'title', 'description', 'plan_item_id', 'measure_id', 'horizon_years', 'discount_rate', 'inputs', 'scenarios', 'created_at', 'updated_at'] as const;

const columnsOf = (e: EvaluationData) => ({
  title: e.title,
  description: e.description,
  plan_item_id: e.planItemId,
  measure_id: e.measureId,
  horizon_years: e.horizonYears,
  discount_rate: e.discountRate,
  inputs: JSON.stringify(e.inputs),
  scenarios: JSON.stringify(e.scenarios),
});

/** Evaluations with their criteria, newest first; `ids` narrows to those (in any order). */
export async function listEvaluations(db: Db, tenantId: string, ids?: readonly string[]): Promise<StoredEvaluation[]> {
  if (ids && ids.length === 0) return [];
  let query = db.selectFrom('invest_evaluations').select(COLUMNS).where('tenant_id', '=', tenantId);
  if (ids) query = query.where('id', 'in', ids);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  if (rows.length === 0) return [];
  const criteria = await db
    .selectFrom('invest_criteria')
    .select(['evaluation_id', 'criterion_id', 'label', 'weight', 'score'])
    .where('tenant_id', '=', tenantId)
    .where('evaluation_id', 'in', rows.map((r) => r.id))
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    planItemId: r.plan_item_id,
    measureId: r.measure_id,
    horizonYears: r.horizon_years,
    discountRate: Number(r.discount_rate),
    inputs: storedJson<PlanInputs>(r.inputs),
    scenarios: storedJson<EvaluationData['scenarios']>(r.scenarios),
    criteria: criteria
      .filter((c) => c.evaluation_id === r.id)
      .map((c): StoredCriterion => ({ id: c.criterion_id, label: c.label, weight: Number(c.weight), score: c.score === null ? null : Number(c.score) })),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  }));
}

export async function findEvaluation(db: Db, tenantId: string, id: string): Promise<StoredEvaluation | undefined> {
  return (await listEvaluations(db, tenantId, [id]))[0];
}

async function replaceCriteria(db: Db, tenantId: string, evaluationId: string, criteria: readonly StoredCriterion[]) {
  await db.deleteFrom('invest_criteria').where('tenant_id', '=', tenantId).where('evaluation_id', '=', evaluationId).execute();
  if (criteria.length === 0) return;
  await db
    .insertInto('invest_criteria')
    .values(criteria.map((c, position) => ({ tenant_id: tenantId, evaluation_id: evaluationId, criterion_id: c.id, label: c.label, weight: c.weight, score: c.score, position })))
    .execute();
}

export async function insertEvaluation(db: Db, tenantId: string, id: string, userId: string | null, e: EvaluationData): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.insertInto('invest_evaluations').values({ tenant_id: tenantId, id, created_by: userId, ...columnsOf(e) }).execute();
    await replaceCriteria(tx, tenantId, id, e.criteria);
  });
}

/** Replaces an evaluation and its criteria; false when there is none with this id. */
export async function updateEvaluation(db: Db, tenantId: string, id: string, e: EvaluationData): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const done = await tx
      .updateTable('invest_evaluations')
      .set({ ...columnsOf(e), updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return false;
    await replaceCriteria(tx, tenantId, id, e.criteria);
    return true;
  });
}

export async function deleteEvaluation(db: Db, tenantId: string, id: string): Promise<boolean> {
  const done = await db.deleteFrom('invest_evaluations').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(done.numDeletedRows) === 1;
}

/** Evaluations attached to a roadmap plan item. */
export async function linkedEvaluations(db: Db, tenantId: string): Promise<StoredEvaluation[]> {
  const rows = await db
    .selectFrom('invest_evaluations')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('plan_item_id', 'is not', null)
    .execute();
  return listEvaluations(db, tenantId, rows.map((r) => r.id));
}
