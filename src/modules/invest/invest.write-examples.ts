import type { WriteExamples } from '../../kernel/testing/write-example.js';

const evaluation = (planItemId: string) => ({
  title: 'Walk evaluation', description: 'for the input walk', planItemId, measureId: null, horizonYears: 5, discountRate: 0.08,
  inputs: {
    investmentCents: 5_000_000, subsidy: { kind: 'rate', rate: 0.3 }, fundingProgramme: 'Walk-Förderung', subsidyYear: 1, runningCostsPerYearCents: 100_000,
    savingsPerYearCents: 1_500_000, extraRevenuePerYearCents: 0, residualValueCents: 200_000, operationStartYear: 1,
  },
  scenarios: { worst: { mode: 'deviations', deviations: { investment: 20, savings: -30 } }, best: { mode: 'cashFlows', cashFlowsCents: [-5_000_000, 2_000_000, 2_000_000, 2_000_000, 2_000_000, 2_000_000] } },
  criteria: [{ id: 'risk', label: null, weight: 3, score: 4 }, { id: 'own-walk', label: 'Walk', weight: 2, score: null }],
});

/** Valid requests to the investment module's write routes, for the input walk. */
export const investWriteExamples: WriteExamples = (ids) => ({
  'POST /companies/:companyId/invest/evaluations': { body: evaluation(ids.itemId) },
  'PUT /companies/:companyId/invest/evaluations/:evaluationId': { body: evaluation(ids.itemId) },
  'DELETE /companies/:companyId/invest/evaluations/:evaluationId': {},
});
