import type { WorkCentreShift } from './kpis';

/**
 * The shift an instant belongs to, by the rule of the KPIs: where shifts overlap, the one that
 * started first; null outside every shift. Windows are half-open [start, end).
 */
export function shiftAtInstant(shifts: readonly WorkCentreShift[], instant: number): string | null {
  let best: WorkCentreShift | null = null;
  for (const s of shifts) {
    if (s.window.start <= instant && instant < s.window.end && (best === null || s.window.start < best.window.start)) best = s;
  }
  return best ? best.name : null;
}
