import type { Db } from '../../kernel/db/database.js';
import type { RoadmapContext } from './roadmap-context.js';
import type { PlanItemEvaluationView } from './schemas.js';

/** Expected-case figures of one evaluation attached to a plan item, as a module that evaluates measures provides them. */
export interface PlanItemEvaluation {
  planItemId: string;
  evaluationId: string;
  title: string;
  npv: number | null;
  irr: number | null;
  paybackYears: number | null;
  utilityScore: number | null;
}

/** Reads the evaluations attached to a company's plan items; oldest first. */
export type PlanItemEvaluationSource = (db: Db, tenantId: string) => Promise<PlanItemEvaluation[]>;

let provider: { moduleId: string; read: PlanItemEvaluationSource } | undefined;

/**
 * Called by the module that evaluates measures (invest) when it is loaded, so the roadmap shows
 * its figures without importing it: invest knows the roadmap (an evaluation refers to a plan
 * item), the roadmap does not know invest.
 */
export function providePlanItemEvaluations(moduleId: string, read: PlanItemEvaluationSource): void {
  provider = { moduleId, read };
}

/**
 * Investment evaluations attached to the company's plan items, by plan item id — read through
 * the providing module, and only while that module is on for the company.
 * Evaluations are always those of the caller's company, so an id of another company's plan item
 * never matches anything here.
 */
export async function planItemEvaluations(ctx: RoadmapContext): Promise<{ enabled: boolean; byItem: Map<string, PlanItemEvaluationView[]> }> {
  const byItem = new Map<string, PlanItemEvaluationView[]>();
  const enabled = provider && ctx.isModuleEnabled ? await ctx.isModuleEnabled(provider.moduleId) : false;
  if (!provider || !enabled) return { enabled, byItem };
  for (const e of await provider.read(ctx.db, ctx.tenant.tenantId)) {
    const list = byItem.get(e.planItemId) ?? [];
    list.push({ evaluationId: e.evaluationId, title: e.title, npvCents: e.npv, irr: e.irr, paybackYears: e.paybackYears, utilityScore: e.utilityScore });
    byItem.set(e.planItemId, list);
  }
  return { enabled, byItem };
}
