/** What an operation was doing from `start` to `end` (device clock, epoch ms; end null while it lasts). */
export interface OperationPhase {
  operationId: string;
  phase: 'setup' | 'running' | 'paused';
  start: number;
  end: number | null;
}

interface AppliedBooking {
  operationId: string;
  kind: string;
  at: number;
}

const opens: Record<string, OperationPhase['phase'] | null | undefined> = {
  'start-setup': 'setup',
  'start-production': 'running',
  pause: 'paused',
  resume: 'running',
  finish: null,
};

/**
 * The phases of operations from their applied bookings in processing order: setup from start
 * setup to start production, production from start production or resume to pause or finish, pause
 * from pause to resume or finish. A phase ends where the next begins (never before its own start);
 * quantity and parameter bookings change nothing.
 */
export function operationPhases(applied: readonly AppliedBooking[]): OperationPhase[] {
  const open = new Map<string, OperationPhase>();
  const out: OperationPhase[] = [];
  for (const b of applied) {
    const next = opens[b.kind];
    if (next === undefined) continue;
    const current = open.get(b.operationId);
    if (current) {
      current.end = Math.max(current.start, b.at);
      open.delete(b.operationId);
    }
    if (next !== null) {
      const phase: OperationPhase = { operationId: b.operationId, phase: next, start: b.at, end: null };
      open.set(b.operationId, phase);
      out.push(phase);
    }
  }
  return out;
}
