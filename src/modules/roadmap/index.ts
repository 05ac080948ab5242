/**
 * What other modules may use of the roadmap on the server. Other modules never read the roadmap
 * tables directly.
 */
import type { Db } from '../../kernel/db/database.js';
import { measuresById } from './plan-view.js';
import { findPlanItem, listPlanItems } from './roadmap.store.js';
import type { PlanStatus } from './schemas.js';

/** Whether `id` is a measure in the company's plan (so a body cannot point at another company's). */
export async function planItemExists(db: Db, tenantId: string, id: string): Promise<boolean> {
  return (await findPlanItem(db, tenantId, id)) !== undefined;
}

/** The status of each measure in the company's plan, by id (planned, in_progress, done, dropped). */
export async function planItemStatuses(db: Db, tenantId: string): Promise<Map<string, PlanStatus>> {
  return new Map((await listPlanItems(db, tenantId)).map((r) => [r.id, r.status]));
}

/** The title of a measure of the catalogue, in both languages (undefined for an unknown id). */
export function catalogueMeasureTitle(measureId: string): { de: string; en: string } | undefined {
  return measuresById.get(measureId)?.title;
}

export { providePlanItemEvaluations, type PlanItemEvaluation, type PlanItemEvaluationSource } from './plan-evaluations.js';
