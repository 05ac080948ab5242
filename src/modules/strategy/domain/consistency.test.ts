import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConsistencyModel, ScenarioSpaceTooLargeError, consistentScenarios } from './consistency.js';

/** A model from a table keyed "i.a|j.b" (i < j); missing pairs count 0. */
function model(levelCounts: number[], table: Record<string, number>): ConsistencyModel {
  return { levelCounts, value: (i, a, j, b) => table[`${i}.${a}|${j}.${b}`] ?? 0 };
}

/** Every combination, checked one by one: what the search must equal. */
function bruteForce(m: ConsistencyModel, threshold: number) {
  const n = m.levelCounts.length;
  const all: Array<{ levels: number[]; consistency: number; minPair: number }> = [];
  const total = m.levelCounts.reduce((a, b) => a * b, 1);
  for (let code = 0; code < total; code++) {
    const levels: number[] = [];
    let rest = code;
    for (let i = n - 1; i >= 0; i--) {
      levels[i] = rest % m.levelCounts[i]!;
      rest = Math.floor(rest / m.levelCounts[i]!);
    }
    let sum = 0;
    let min = Infinity;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const v = m.value(i, levels[i]!, j, levels[j]!);
        sum += v;
        min = Math.min(min, v);
      }
    if (min >= threshold) all.push({ levels, consistency: sum, minPair: min });
  }
  return all.sort((a, b) => b.consistency - a.consistency || a.levels.join(',').localeCompare(b.levels.join(','), 'en', { numeric: true }));
}

describe('consistency analysis', () => {
  it('ranks the consistent scenarios of a hand-computed example', () => {
    // factors 0 and 1 with two levels each, factor 2 with one
    const m = model([2, 2, 1], { '0.0|1.0': 3, '0.0|1.1': -2, '0.1|1.0': 1, '0.1|1.1': 2, '0.0|2.0': 1, '1.1|2.0': -1 });
    // (0,0,0): 3 + 1 + 0 = 4, min 0 · (0,1,0): −2 … · (1,0,0): 1 + 0 + 0 = 1, min 0 · (1,1,0): 2 + 0 − 1 = 1, min −1
    expect(consistentScenarios(m, 0)).toEqual([
      { levels: [0, 0, 0], consistency: 4, minPair: 0 },
      { levels: [1, 0, 0], consistency: 1, minPair: 0 },
    ]);
    expect(consistentScenarios(m, -1).map((s) => s.levels)).toEqual([[0, 0, 0], [1, 0, 0], [1, 1, 0]]);
    expect(consistentScenarios(m, 1)).toEqual([]);
  });

  it('finds exactly what checking every combination finds, each at the threshold', () => {
    const arbitrary = fc
      .array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 5 })
      .chain((levelCounts) =>
        fc.record({
          levelCounts: fc.constant(levelCounts),
          values: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 200, maxLength: 200 }),
          threshold: fc.integer({ min: -3, max: 3 }),
        }),
      );
    fc.assert(
      fc.property(arbitrary, ({ levelCounts, values, threshold }) => {
        const m: ConsistencyModel = { levelCounts, value: (i, a, j, b) => values[(i * 37 + a * 11 + j * 5 + b * 3) % values.length]! };
        const found = consistentScenarios(m, threshold);
        for (const s of found) expect(s.minPair).toBeGreaterThanOrEqual(threshold);
        expect(found).toEqual(bruteForce(m, threshold));
      }),
    );
  });

  it('refuses one factor, and a space beyond its limits instead of running for ever', () => {
    expect(() => consistentScenarios(model([3], {}), 0)).toThrow(/two factors/);
    expect(() => consistentScenarios(model([10, 10, 10], {}), 0, { scenarios: 999, steps: 1e6 })).toThrow(ScenarioSpaceTooLargeError);
    expect(() => consistentScenarios(model([10, 10, 10], {}), 0, { scenarios: 1e6, steps: 500 })).toThrow(/partial combinations/);
  });
});
