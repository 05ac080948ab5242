/** A phase of an operation as the shop-floor bookings give it; `end` null while it lasts. */
export interface OperationPhase {
  operationId: string;
  orderId: string;
  phase: 'setup' | 'running' | 'paused';
  start: number;
  end: number | null;
}

/** Who a stretch of time on a work centre belongs to: [start, end). */
export interface ContextSegment {
  operationId: string;
  orderId: string;
  phase: 'setup' | 'running';
  start: number;
  end: number;
}

const counts = (p: OperationPhase): p is OperationPhase & { phase: 'setup' | 'running' } => p.phase === 'setup' || p.phase === 'running';

/** Of two phases covering the same instant, the one that started later wins; then the greater operation id. */
const wins = (a: OperationPhase, b: OperationPhase) => a.start > b.start || (a.start === b.start && a.operationId > b.operationId);

/**
 * The order context of one work centre: the phases of its operations turned into disjoint
 * half-open segments [start, end), sorted by start.
 *
 * - Only setup and production count; a paused operation has no samples attributed to it.
 * - Where phases overlap (two operations open at once), the phase that started last wins — the
 *   machine does what was started last; an operation left open is superseded, not extended.
 * - A phase still open (end null) lasts until `now`.
 * Adjacent segments of the same operation and phase are merged.
 */
export function contextTimeline(phases: readonly OperationPhase[], now: number): ContextSegment[] {
  const active = phases
    .filter(counts)
    .map((p) => ({ ...p, end: p.end ?? Math.max(now, p.start) }))
    .filter((p) => p.end > p.start);
  const bounds = [...new Set(active.flatMap((p) => [p.start, p.end]))].sort((a, b) => a - b);
  const out: ContextSegment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i];
    const end = bounds[i + 1];
    let winner: (typeof active)[number] | undefined;
    for (const p of active) if (p.start <= start && p.end >= end && (!winner || wins(p, winner))) winner = p;
    if (!winner) continue;
    const last = out[out.length - 1];
    if (last && last.end === start && last.operationId === winner.operationId && last.phase === winner.phase) last.end = end;
    else out.push({ operationId: winner.operationId, orderId: winner.orderId, phase: winner.phase, start, end });
  }
  return out;
}

/** The segment holding the instant `ts` (start inclusive, end exclusive), if any. */
export function contextAt<T extends ContextSegment>(timeline: readonly T[], ts: number): T | undefined {
  let lo = 0;
  let hi = timeline.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = timeline[mid];
    if (ts < s.start) hi = mid - 1;
    else if (ts >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Segments clipped to [from, to). */
export function clip(timeline: readonly ContextSegment[], from: number, to: number): ContextSegment[] {
  return timeline.filter((s) => s.end > from && s.start < to).map((s) => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) }));
}
