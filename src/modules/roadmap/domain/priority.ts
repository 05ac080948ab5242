import type { Level } from '../catalogue/measure-schema.js';
import { QUADRANTS, quadrantOf } from './matrix.js';

const RANK: Record<Level, number> = { low: 0, medium: 1, high: 2 };

/**
 * Compares two measures by priority (negative = `a` first): quadrant (quick wins, big bets,
 * fill-ins, questionable), then higher benefit, then lower effort. Equal measures compare as 0 so
 * callers keep their original order.
 */
export function comparePriority(
  a: { effort: Level; benefit: Level },
  b: { effort: Level; benefit: Level },
): number {
  const qa = QUADRANTS.indexOf(quadrantOf(a.effort, a.benefit));
  const qb = QUADRANTS.indexOf(quadrantOf(b.effort, b.benefit));
  if (qa !== qb) return qa - qb;
  if (a.benefit !== b.benefit) return RANK[b.benefit] - RANK[a.benefit];
  return RANK[a.effort] - RANK[b.effort];
}
