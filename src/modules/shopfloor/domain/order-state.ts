import type { OperationStatus } from './booking-sync.js';

export const orderStates = ['planned', 'active', 'finished'] as const;
export type OrderState = (typeof orderStates)[number];

/**
 * Where an order stands from its operations: finished when every operation is finished (at the last
 * finish), planned while none has been started, active in between. An order without operations has
 * nothing to do yet and counts as planned.
 */
export function orderStateOf(operations: ReadonlyArray<{ status: OperationStatus; finishedAt: number | null }>): { state: OrderState; finishedAt: number | null } {
  if (operations.length === 0) return { state: 'planned', finishedAt: null };
  if (operations.every((op) => op.status === 'finished' && op.finishedAt !== null)) {
    return { state: 'finished', finishedAt: Math.max(...operations.map((op) => op.finishedAt as number)) };
  }
  return { state: operations.every((op) => op.status === 'planned') ? 'planned' : 'active', finishedAt: null };
}
