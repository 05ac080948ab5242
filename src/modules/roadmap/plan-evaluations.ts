import { evaluationsForPlanItems } from '../invest/index.js';
import type { RoadmapContext } from './roadmap-context.js';
import type { PlanItemEvaluationView } from './schemas.js';

/**
 * Investment evaluations attached to the company's plan items, by plan item id — read through
 * the invest module's public interface, and only while that module is on for the company.
 * Evaluations are always those of the caller's company, so an id of another company's plan item
 * never matches anything here.
 */
export async function planItemEvaluations(ctx: RoadmapContext): Promise<{ enabled: boolean; byItem: Map<string, PlanItemEvaluationView[]> }> {
  const byItem = new Map<string, PlanItemEvaluationView[]>();
  const enabled = ctx.isModuleEnabled ? await ctx.isModuleEnabled('invest') : false;
  if (!enabled) return { enabled, byItem };
  for (const e of await evaluationsForPlanItems(ctx.db, ctx.tenant.tenantId)) {
    const list = byItem.get(e.planItemId) ?? [];
    list.push({ evaluationId: e.evaluationId, title: e.title, npvCents: e.npv, irr: e.irr, paybackYears: e.paybackYears, utilityScore: e.utilityScore });
    byItem.set(e.planItemId, list);
  }
  return { enabled, byItem };
}
