import { discountedPaybackYears, irr, npv, paybackYears, roi } from './finance.js';
import { utilityScore, type CriterionRating } from './utility-analysis.js';

/**
 * Starting discount rate: the yearly return the firm could otherwise earn on the money, or pays
 * for a loan, plus a margin for risk. 8 % is a common starting point for small firms; set your own.
 */
export const DEFAULT_DISCOUNT_RATE = 0.08;

export interface ScenarioFigures {
  npv: number;
  irr: number | null;
  paybackYears: number | null;
  discountedPaybackYears: number | null;
  roi: number | null;
}

export interface EvaluationInput {
  discountRate: number;
  /** Net cash flow per year per scenario name; cashFlows[0] is year 0. */
  scenarios: Readonly<Record<string, { cashFlows: readonly number[] }>>;
  criteria: readonly CriterionRating[];
}

export interface EvaluationResult {
  scenarios: Record<string, ScenarioFigures>;
  /** 0–100, null without criteria. */
  utilityScore: number | null;
}

/** All money figures of one series of yearly net cash flows. */
export function scenarioFigures(discountRate: number, cashFlows: readonly number[]): ScenarioFigures {
  return {
    npv: npv(discountRate, cashFlows),
    irr: irr(cashFlows),
    paybackYears: paybackYears(cashFlows),
    discountedPaybackYears: discountedPaybackYears(discountRate, cashFlows),
    roi: roi(cashFlows),
  };
}

/** Money figures per scenario and the utility score: the decision sheet in numbers. */
export function evaluateInvestment(input: EvaluationInput): EvaluationResult {
  const scenarios = Object.fromEntries(
    Object.entries(input.scenarios).map(([name, s]) => [name, scenarioFigures(input.discountRate, s.cashFlows)]),
  );
  return { scenarios, utilityScore: utilityScore(input.criteria) };
}
