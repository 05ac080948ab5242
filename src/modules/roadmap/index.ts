/**
 * What other modules may use of the roadmap on the server. Other modules never read the roadmap
 * tables directly.
 */
import type { Db } from '../../kernel/db/database.js';
import { findPlanItem } from './roadmap.store.js';

/** Whether `id` is a measure in the company's plan (so a body cannot point at another company's). */
export async function planItemExists(db: Db, tenantId: string, id: string): Promise<boolean> {
  return (await findPlanItem(db, tenantId, id)) !== undefined;
}

export { providePlanItemEvaluations, type PlanItemEvaluation, type PlanItemEvaluationSource } from './plan-evaluations.js';
