import type { Db } from '../../kernel/db/database.js';
import { evaluationResults } from './domain/evaluation-results.js';
import { linkedEvaluations } from './invest.store.js';

export interface PlanItemEvaluation {
  planItemId: string;
  evaluationId: string;
  title: string;
  /** Net present value of the expected case in whole euro cents. */
  npv: number | null;
  /** Internal rate of return of the expected case as a fraction (0.12 = 12 %); null when none exists. */
  irr: number | null;
  paybackYears: number | null;
  /** 0–100; null while a weighted criterion is not rated. */
  utilityScore: number | null;
}

/**
 * Expected-case figures of every evaluation attached to a roadmap plan item, for the plan and
 * its PDF report. A plan item may have several evaluations (alternatives); oldest first.
 */
export async function evaluationsForPlanItems(db: Db, tenantId: string): Promise<PlanItemEvaluation[]> {
  const evaluations = await linkedEvaluations(db, tenantId);
  return evaluations
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .map((e) => {
      const results = evaluationResults(e);
      const expected = results.scenarios.expected;
      return {
        planItemId: e.planItemId!,
        evaluationId: e.id,
        title: e.title,
        npv: Math.round(expected.npvCents),
        irr: expected.irr,
        paybackYears: expected.paybackYears,
        utilityScore: results.utility?.score ?? null,
      };
    });
}
