import { type FactorRole, systemGrid } from './system-grid.js';
import { type ConsistencyModel, consistentScenarios } from './consistency.js';

/** A factor with its levels (ids as the analysis names them). */
export interface Factor {
  id: string;
  levels: string[];
}

export interface ScenarioAnalysisInput {
  factors: Factor[];
  /** n × n, row drives column, 0–3; the diagonal is ignored. */
  impact: Array<Array<number | null>>;
  /** `"<factorA>.<levelX>|<factorB>.<levelY>"` → −3…3; a pair not given counts 0; either order. */
  consistency: Record<string, number>;
  threshold: number;
}

export interface ScenarioAnalysisResult {
  active: Record<string, number>;
  passive: Record<string, number>;
  roles: Record<string, FactorRole>;
  scenarios: Array<{ levels: Record<string, string>; consistency: number; minPair: number }>;
}

/** The key of one level in a consistency pair. */
export const levelKey = (factorId: string, levelId: string) => `${factorId}.${levelId}`;

/** Reads `"A.x|B.y"`: factor ids have no dot, so the first dot ends the factor id. */
export function parsePairKey(key: string): [{ factor: string; level: string }, { factor: string; level: string }] | null {
  const halves = key.split('|');
  if (halves.length !== 2) return null;
  const parts = halves.map((h) => {
    const dot = h.indexOf('.');
    return dot > 0 && dot < h.length - 1 ? { factor: h.slice(0, dot), level: h.slice(dot + 1) } : null;
  });
  return parts[0] && parts[1] ? [parts[0], parts[1]] : null;
}

/**
 * The whole analysis of an input already checked by `scenarioAnalysisInputSchema`: active and
 * passive sums, roles in the system grid, and the consistent scenarios at the threshold.
 */
export function analyseScenarios(input: ScenarioAnalysisInput): ScenarioAnalysisResult {
  const { factors } = input;
  const grid = systemGrid(input.impact.map((row, i) => row.map((v, j) => (i === j ? 0 : (v ?? 0)))));
  const index = new Map(factors.map((f, i) => [f.id, { i, levels: new Map(f.levels.map((l, a) => [l, a])) }]));
  // values[i][j][a * levelsOf(j) + b] for i < j
  const values = factors.map((_, i) => factors.map((_, j) => (i < j ? new Int8Array(factors[i]!.levels.length * factors[j]!.levels.length) : null)));
  for (const [key, value] of Object.entries(input.consistency)) {
    const pair = parsePairKey(key)!;
    let [p, q] = pair.map((side) => {
      const f = index.get(side.factor)!;
      return { i: f.i, a: f.levels.get(side.level)! };
    }) as [{ i: number; a: number }, { i: number; a: number }];
    if (p.i > q.i) [p, q] = [q, p];
    values[p.i]![q.i]![p.a * factors[q.i]!.levels.length + q.a] = value;
  }
  const model: ConsistencyModel = {
    levelCounts: factors.map((f) => f.levels.length),
    value: (i, a, j, b) => values[i]![j]![a * factors[j]!.levels.length + b]!,
  };
  const byId = <T>(pick: (i: number) => T) => Object.fromEntries(factors.map((f, i) => [f.id, pick(i)]));
  return {
    active: byId((i) => grid.active[i]!),
    passive: byId((i) => grid.passive[i]!),
    roles: byId((i) => grid.roles[i]!),
    scenarios: consistentScenarios(model, input.threshold).map((s) => ({
      levels: byId((i) => factors[i]!.levels[s.levels[i]!]!),
      consistency: s.consistency,
      minPair: s.minPair,
    })),
  };
}
