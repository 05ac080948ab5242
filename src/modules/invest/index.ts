export { buildCashFlows, netCashFlows, type CashFlowInput, type CashFlowYear } from './domain/cash-flows.js';
export {
  cumulativeFlows,
  discountedPaybackYears,
  irr,
  irrCandidates,
  npv,
  paybackYears,
  roi,
} from './domain/finance.js';
export {
  applyDeviations,
  buildScenarios,
  cumulativeChart,
  SCENARIO_NAMES,
  type LineDeviations,
  type ScenarioName,
  type ScenarioSet,
} from './domain/scenarios.js';
export {
  compareAlternatives,
  DEFAULT_CRITERION_IDS,
  DEFAULT_CRITERION_WEIGHTS,
  utilityAnalysis,
  utilityScore,
  type CriterionRating,
} from './domain/utility-analysis.js';
export {
  DEFAULT_DISCOUNT_RATE,
  evaluateInvestment,
  scenarioFigures,
  type EvaluationResult,
  type ScenarioFigures,
} from './domain/evaluate.js';
export { evaluationsForPlanItems, type PlanItemEvaluation } from './plan-item-evaluations.js';
