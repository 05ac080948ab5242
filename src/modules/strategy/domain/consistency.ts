/**
 * Consistency analysis of formative scenario analysis (Scholz & Tietje 2002, ch. 9): each factor
 * takes one of its levels; every pair of chosen levels has a consistency value from −3 (they
 * exclude each other) to +3 (they support each other), 0 when not given. A scenario is one level
 * per factor; its consistency is the sum over all pairs of factors, its weakest link the lowest
 * pair value. Scenarios whose lowest pair value is below the threshold are inconsistent.
 */
export interface ConsistencyModel {
  /** The number of levels of each factor, in factor order. */
  levelCounts: readonly number[];
  /** The value of level `a` of factor `i` with level `b` of factor `j` (i < j). */
  value(i: number, a: number, j: number, b: number): number;
}

export interface RankedScenario {
  /** The chosen level of each factor, in factor order. */
  levels: number[];
  consistency: number;
  minPair: number;
}

export class ScenarioSpaceTooLargeError extends Error {
  constructor(readonly kind: 'results' | 'search', readonly limit: number) {
    super(
      kind === 'results'
        ? `more than ${limit} consistent scenarios: raise the threshold or use fewer levels`
        : `more than ${limit} partial combinations to search: raise the threshold or use fewer levels`,
    );
  }
}

export const MAX_SCENARIOS = 100_000;
const MAX_SEARCH_STEPS = 20_000_000;

/**
 * Every scenario whose lowest pair value is ≥ `threshold`, by consistency descending, then by the
 * levels in factor and level order (so equal totals come in a fixed order). Needs two factors or
 * more. The search assigns factors one after the other and stops a branch at the first pair below
 * the threshold, so it visits far fewer combinations than the full product when the threshold
 * bites; it gives the same result as checking every combination (property-tested).
 */
export function consistentScenarios(model: ConsistencyModel, threshold: number, limits = { scenarios: MAX_SCENARIOS, steps: MAX_SEARCH_STEPS }): RankedScenario[] {
  const n = model.levelCounts.length;
  if (n < 2) throw new Error('a consistency analysis needs at least two factors');
  const chosen: number[] = new Array(n).fill(0);
  const found: RankedScenario[] = [];
  let steps = 0;

  const visit = (i: number, total: number, min: number) => {
    if (i === n) {
      if (found.length >= limits.scenarios) throw new ScenarioSpaceTooLargeError('results', limits.scenarios);
      found.push({ levels: [...chosen], consistency: total, minPair: min });
      return;
    }
    for (let level = 0; level < model.levelCounts[i]!; level++) {
      if (++steps > limits.steps) throw new ScenarioSpaceTooLargeError('search', limits.steps);
      let sum = total;
      let low = min;
      let consistent = true;
      for (let j = 0; j < i; j++) {
        const v = model.value(j, chosen[j]!, i, level);
        if (v < threshold) {
          consistent = false;
          break;
        }
        sum += v;
        if (v < low) low = v;
      }
      if (!consistent) continue;
      chosen[i] = level;
      visit(i + 1, sum, low);
    }
  };
  visit(0, 0, Number.POSITIVE_INFINITY);
  return found.sort((a, b) => b.consistency - a.consistency || compareLevels(a.levels, b.levels));
}

function compareLevels(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
