import type { EvaluationData, EvaluationResults, PlanInputs, ScenarioResult } from '../schemas.js';
import { buildCashFlows, netCashFlows, type CashFlowInput, type CashFlowYear } from './cash-flows.js';
import { scenarioFigures } from './evaluate.js';
import { irrCandidates } from './finance.js';
import { applyDeviations, cumulativeChart, SCENARIO_NAMES, type ScenarioName } from './scenarios.js';
import { utilityAnalysis } from './utility-analysis.js';

/** The domain's cash-flow input for stored plain inputs over the evaluation's horizon. */
export function toCashFlowInput(horizonYears: number, inputs: PlanInputs): CashFlowInput {
  const { subsidy } = inputs;
  return {
    horizonYears,
    investmentCents: inputs.investmentCents,
    subsidy: subsidy === null ? undefined : subsidy.kind === 'amount' ? { amountCents: subsidy.amountCents } : { rate: subsidy.rate },
    subsidyYear: inputs.subsidyYear ?? undefined,
    runningCostsPerYearCents: inputs.runningCostsPerYearCents,
    savingsPerYearCents: inputs.savingsPerYearCents,
    extraRevenuePerYearCents: inputs.extraRevenuePerYearCents,
    residualValueCents: inputs.residualValueCents,
    operationStartYear: inputs.operationStartYear,
  };
}

/** A year row that holds only the net amount (scenarios entered as own net cash flows). */
const netOnlyYear = (year: number, net: number): CashFlowYear => ({
  year, investment: 0, subsidy: 0, runningCosts: 0, savings: 0, extraRevenue: 0, residualValue: 0, net,
});

/** Yearly cash flows of worst, expected and best case. */
export function scenarioYears(e: EvaluationData): Record<ScenarioName, CashFlowYear[]> {
  const expected = toCashFlowInput(e.horizonYears, e.inputs);
  const build = (name: ScenarioName): CashFlowYear[] => {
    if (name === 'expected') return buildCashFlows(expected);
    const spec = e.scenarios[name];
    if (spec.mode === 'deviations') return buildCashFlows(applyDeviations(expected, spec.deviations));
    if (spec.mode === 'inputs') return buildCashFlows(toCashFlowInput(e.horizonYears, spec.inputs));
    return spec.cashFlowsCents.map((net, year) => netOnlyYear(year, net));
  };
  return { worst: build('worst'), expected: build('expected'), best: build('best') };
}

/** Money figures per scenario, the chart series and the utility score of a stored evaluation. */
export function evaluationResults(e: EvaluationData): EvaluationResults {
  const years = scenarioYears(e);
  const scenarios = {} as Record<ScenarioName, ScenarioResult>;
  const flows = {} as Record<ScenarioName, number[]>;
  for (const name of SCENARIO_NAMES) {
    flows[name] = netCashFlows(years[name]);
    const { npv, ...figures } = scenarioFigures(e.discountRate, flows[name]);
    scenarios[name] = { npvCents: npv, ...figures, irrCandidates: irrCandidates(flows[name]), years: years[name] };
  }
  const unratedCriteria = e.criteria.filter((c) => c.weight > 0 && c.score === null).map((c) => c.id);
  const rated = e.criteria.filter((c) => c.score !== null).map((c) => ({ id: c.id, weight: c.weight, score: c.score! }));
  const utility = unratedCriteria.length > 0 || !rated.some((c) => c.weight > 0) ? null : utilityAnalysis(rated);
  return { scenarios, chart: cumulativeChart(flows), utility, unratedCriteria };
}
