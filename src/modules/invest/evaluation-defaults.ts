import { DEFAULT_CRITERION_IDS, DEFAULT_CRITERION_WEIGHTS } from './domain/utility-analysis.js';
import type { LineDeviations } from './domain/scenarios.js';

/** Planning horizon a new evaluation starts with. */
export const DEFAULT_HORIZON_YEARS = 5;

/**
 * Starting deviations of the worst and best case from the expected case, in percent per line.
 * Typical overruns of small digitalisation projects: costs run over more often than savings
 * exceed the plan, so the worst case is wider than the best case. The owner adapts them.
 */
export const DEFAULT_DEVIATIONS: Readonly<Record<'worst' | 'best', LineDeviations>> = {
  worst: { investment: 20, runningCosts: 20, savings: -30, extraRevenue: -30 },
  best: { investment: -5, runningCosts: -10, savings: 15, extraRevenue: 15 },
};

/** The six default criteria with their default weights, not yet rated. */
export const defaultCriteria = () =>
  DEFAULT_CRITERION_IDS.map((id) => ({ id, label: null, weight: DEFAULT_CRITERION_WEIGHTS[id], score: null }));
