import { buildCashFlows, type CashFlowInput, type CashFlowYear } from './cash-flows.js';
import { cumulativeFlows } from './finance.js';

export const SCENARIO_NAMES = ['worst', 'expected', 'best'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/**
 * Deviations from the expected case in percent per line: +20 means 20 % more of that line,
 * -30 means 30 % less. A subsidy given as a rate follows the investment on its own; `subsidy`
 * scales a subsidy given as an amount.
 */
export interface LineDeviations {
  investment?: number;
  subsidy?: number;
  runningCosts?: number;
  savings?: number;
  extraRevenue?: number;
  residualValue?: number;
}

/** A worst or best case: its own inputs, or deviations from the expected case. */
export type ScenarioSpec = { input: CashFlowInput } | { deviations: LineDeviations };

export interface ScenarioSet {
  expected: CashFlowInput;
  worst?: ScenarioSpec;
  best?: ScenarioSpec;
}

/** Builds the yearly cash flows of each given scenario, in the order worst, expected, best. */
export function buildScenarios(set: ScenarioSet): Partial<Record<ScenarioName, CashFlowYear[]>> {
  const result: Partial<Record<ScenarioName, CashFlowYear[]>> = {};
  for (const name of SCENARIO_NAMES) {
    if (name === 'expected') {
      result.expected = buildCashFlows(set.expected);
      continue;
    }
    const spec = set[name];
    if (!spec) continue;
    result[name] = buildCashFlows('input' in spec ? spec.input : applyDeviations(set.expected, spec.deviations));
  }
  return result;
}

/** The expected inputs with each line scaled by (1 + percent / 100). */
export function applyDeviations(input: CashFlowInput, deviations: LineDeviations): CashFlowInput {
  for (const [line, percent] of Object.entries(deviations)) {
    if (percent !== undefined && !(Number.isFinite(percent) && percent >= -100)) {
      throw new RangeError(`deviations.${line} must be a percentage of at least -100`);
    }
  }
  const factor = (percent: number | undefined) => 1 + (percent ?? 0) / 100;
  const scale = (cents: number | undefined, percent: number | undefined) =>
    cents === undefined ? undefined : Math.round(cents * factor(percent));
  const investmentCents = Math.round(input.investmentCents * factor(deviations.investment));
  let subsidy = input.subsidy;
  if (subsidy && 'amountCents' in subsidy) {
    subsidy = { amountCents: Math.min(investmentCents, Math.round(subsidy.amountCents * factor(deviations.subsidy))) };
  }
  return {
    ...input,
    investmentCents,
    subsidy,
    runningCostsPerYearCents: scale(input.runningCostsPerYearCents, deviations.runningCosts),
    savingsPerYearCents: scale(input.savingsPerYearCents, deviations.savings),
    extraRevenuePerYearCents: scale(input.extraRevenuePerYearCents, deviations.extraRevenue),
    residualValueCents: scale(input.residualValueCents, deviations.residualValue),
  };
}

export interface CumulativeChart {
  /** Years 0 … longest horizon among the scenarios. */
  years: number[];
  series: Array<{ scenario: string; cumulative: number[] }>;
}

/**
 * Cumulative cash flow per scenario for a line chart. Scenarios with a shorter horizon are
 * extended with their final value (no flows after the horizon) so all series share the x-axis.
 */
export function cumulativeChart(flowsByScenario: Readonly<Record<string, readonly number[]>>): CumulativeChart {
  const entries = Object.entries(flowsByScenario);
  const length = Math.max(0, ...entries.map(([, flows]) => flows.length));
  return {
    years: Array.from({ length }, (_, t) => t),
    series: entries.map(([scenario, flows]) => {
      const cumulative = cumulativeFlows(flows);
      const final = cumulative.at(-1) ?? 0;
      while (cumulative.length < length) cumulative.push(final);
      return { scenario, cumulative };
    }),
  };
}
