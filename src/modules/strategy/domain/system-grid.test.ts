import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleOf, systemGrid } from './system-grid.js';

describe('system grid', () => {
  it('sums rows and columns without the diagonal and sorts four factors into the four roles', () => {
    // A drives much, is driven little; B is driven much; C both; D neither. The diagonal (9) is ignored.
    const impact = [
      [9, 3, 3, 1],
      [0, 9, 1, 0],
      [1, 3, 9, 1],
      [0, 1, 2, 9],
    ];
    // active: A 7, B 1, C 5, D 3 · passive: A 1, B 7, C 6, D 2 · total 16, mean 4
    const grid = systemGrid(impact);
    expect(grid.active).toEqual([7, 1, 5, 3]);
    expect(grid.passive).toEqual([1, 7, 6, 2]);
    expect(grid.mean).toBe(4);
    expect(grid.roles).toEqual(['active', 'reactive', 'critical', 'buffering']);
  });

  it('counts a sum exactly on the mean as low', () => {
    // every factor drives and is driven by 2: all sums equal the mean
    const grid = systemGrid([
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ]);
    expect(grid.active).toEqual([2, 2, 2]);
    expect(grid.roles).toEqual(['buffering', 'buffering', 'buffering']);
    // 10 over 3 factors: a mean of 3.33…, so 4 is high and 3 is low
    expect(roleOf(4, 3, 10, 3)).toBe('active');
    expect(roleOf(3, 4, 10, 3)).toBe('reactive');
  });

  const matrix = fc.integer({ min: 1, max: 8 }).chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }));

  it('has as much activity as passivity, and roles that follow the sums', () => {
    fc.assert(
      fc.property(matrix, (impact) => {
        const grid = systemGrid(impact);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(sum(grid.active)).toBe(sum(grid.passive));
        grid.roles.forEach((role, i) => {
          const highA = grid.active[i]! > grid.mean + 1e-9;
          const highP = grid.passive[i]! > grid.mean + 1e-9;
          expect(role).toBe(highA ? (highP ? 'critical' : 'active') : highP ? 'reactive' : 'buffering');
        });
      }),
    );
  });

  it('does not depend on the diagonal nor on the order of the factors', () => {
    fc.assert(
      fc.property(matrix, fc.integer({ min: 0, max: 3 }), fc.integer(), (impact, diagonal, seed) => {
        const n = impact.length;
        const withDiagonal = impact.map((row, i) => row.map((v, j) => (i === j ? diagonal : v)));
        expect(systemGrid(withDiagonal)).toEqual(systemGrid(impact));
        const order = [...Array(n).keys()].sort((a, b) => ((a * 7919 + seed) % 31) - ((b * 7919 + seed) % 31) || a - b);
        const permuted = order.map((i) => order.map((j) => impact[i]![j]!));
        const grid = systemGrid(impact);
        const other = systemGrid(permuted);
        order.forEach((i, k) => {
          expect(other.active[k]).toBe(grid.active[i]);
          expect(other.passive[k]).toBe(grid.passive[i]);
          expect(other.roles[k]).toBe(grid.roles[i]);
        });
      }),
    );
  });
});
