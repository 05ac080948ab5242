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

/** The company's plan measures with their titles in both languages (own measures: their title twice), in plan order. */
export async function planItemTitles(db: Db, tenantId: string): Promise<Array<{ id: string; title: { de: string; en: string }; status: PlanStatus }>> {
  return (await listPlanItems(db, tenantId)).map((r) => {
    const catalogue = r.measure_id ? measuresById.get(r.measure_id)?.title : undefined;
    return { id: r.id, title: catalogue ?? { de: r.title ?? '', en: r.title ?? '' }, status: r.status };
  });
}

/** The title of a measure of the catalogue, in both languages (undefined for an unknown id). */
export function catalogueMeasureTitle(measureId: string): { de: string; en: string } | undefined {
  return measuresById.get(measureId)?.title;
}

export { providePlanItemEvaluations, type PlanItemEvaluation, type PlanItemEvaluationSource } from './plan-evaluations.js';
export { provideMeasureSuggestions, type ModuleMeasureSuggestion, type ModuleMeasureSuggestionSource } from './module-suggestions.js';
