import type { Level } from '../catalogue/measure-schema.js';
import { findCycle } from './find-cycle.js';
import { comparePriority } from './priority.js';

export interface Orderable {
  id: string;
  dependsOn: readonly string[];
  effort: Level;
  benefit: Level;
}

/**
 * Orders measures so that each comes after everything it depends on (topological order), and
 * among measures that are ready at the same time takes the highest priority first (quick wins,
 * big bets, fill-ins, questionable; then higher benefit, lower effort; then input order).
 * Dependencies on ids outside the list are ignored. Throws on duplicate ids or a cycle.
 */
export function orderMeasures<T extends Orderable>(items: readonly T[]): T[] {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`duplicate measure id ${item.id}`);
    ids.add(item.id);
  }
  const cycle = findCycle(items);
  if (cycle) throw new Error(`measures depend on each other in a cycle: ${cycle.join(' → ')}`);

  const placed = new Set<string>();
  const pending = items.map((item, index) => ({ item, index }));
  const result: T[] = [];
  while (pending.length > 0) {
    let best = -1;
    for (let i = 0; i < pending.length; i++) {
      const candidate = pending[i]!.item;
      const ready = candidate.dependsOn.every((d) => !ids.has(d) || placed.has(d));
      if (!ready) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      const current = pending[best]!;
      const cmp = comparePriority(candidate, current.item);
      if (cmp < 0 || (cmp === 0 && pending[i]!.index < current.index)) best = i;
    }
    const [next] = pending.splice(best, 1);
    placed.add(next!.item.id);
    result.push(next!.item);
  }
  return result;
}
