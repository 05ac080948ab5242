/**
 * Cross-impact analysis after Vester's sensitivity model ("Papiercomputer"), as used in the
 * SVIDT method: `impact[i][j]` (0–3) says how strongly factor i drives factor j; the diagonal is
 * ignored. A factor's active sum is its row sum, its passive sum its column sum.
 */
export type FactorRole = 'active' | 'reactive' | 'critical' | 'buffering';

export interface SystemGrid {
  active: number[];
  passive: number[];
  /** The mean of the active sums; it equals the mean of the passive sums (both are total ÷ n). */
  mean: number;
  roles: FactorRole[];
}

/**
 * Roles in the system grid: a sum is *high* when it lies strictly above the mean of all factors'
 * sums (the same mean for both axes); a sum exactly on the mean counts as low.
 * active: high active, low passive · reactive: low active, high passive ·
 * critical: both high · buffering: both low.
 */
export function roleOf(active: number, passive: number, total: number, n: number): FactorRole {
  // compared as active > total / n without division, so no rounding decides a role
  const highActive = active * n > total;
  const highPassive = passive * n > total;
  if (highActive && highPassive) return 'critical';
  if (highActive) return 'active';
  if (highPassive) return 'reactive';
  return 'buffering';
}

export function systemGrid(impact: readonly (readonly number[])[]): SystemGrid {
  const n = impact.length;
  const active = impact.map((row, i) => row.reduce((sum, v, j) => (i === j ? sum : sum + v), 0));
  const passive = impact.map((_, j) => impact.reduce((sum, row, i) => (i === j ? sum : sum + row[j]!), 0));
  const total = active.reduce((a, b) => a + b, 0);
  return {
    active,
    passive,
    mean: n === 0 ? 0 : total / n,
    roles: active.map((a, i) => roleOf(a, passive[i]!, total, n)),
  };
}
