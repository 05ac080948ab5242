import type { Level } from '../catalogue/measure-schema.js';

export const QUADRANTS = ['quickWin', 'bigBet', 'fillIn', 'questionable'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/**
 * Effort/benefit quadrant (seed 003's prioritisation matrix).
 *
 * The matrix has two columns and two rows, but effort and benefit have three levels. Medium is
 * placed as follows:
 * - medium effort counts as high effort: a quick win must really be cheap — 10 to 40 person-days
 *   already tie up a small firm for weeks;
 * - medium benefit counts as high benefit: a measure that clearly helps is worth planning and
 *   should not be labelled questionable.
 *
 * |                | benefit low  | benefit medium | benefit high |
 * |----------------|--------------|----------------|--------------|
 * | effort low     | fillIn       | quickWin       | quickWin     |
 * | effort medium  | questionable | bigBet         | bigBet       |
 * | effort high    | questionable | bigBet         | bigBet       |
 */
export function quadrantOf(effort: Level, benefit: Level): Quadrant {
  const cheap = effort === 'low';
  const worthwhile = benefit !== 'low';
  if (cheap) return worthwhile ? 'quickWin' : 'fillIn';
  return worthwhile ? 'bigBet' : 'questionable';
}
