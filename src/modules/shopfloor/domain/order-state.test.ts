import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OperationStatus } from './booking-sync.js';
import { orderStateOf } from './order-state.js';

const status = fc.constantFrom<OperationStatus>('planned', 'setup', 'running', 'paused', 'finished');
const operation = status.chain((s) => fc.record({ status: fc.constant(s), finishedAt: s === 'finished' ? fc.integer({ min: 0, max: 2e12 }) : fc.constant(null) }));

describe('order state', () => {
  it('is finished exactly when every operation is, at the latest finish', () => {
    fc.assert(fc.property(fc.array(operation, { minLength: 1, maxLength: 8 }), (ops) => {
      const { state, finishedAt } = orderStateOf(ops);
      const allFinished = ops.every((op) => op.status === 'finished');
      expect(state === 'finished').toBe(allFinished);
      expect(finishedAt).toBe(allFinished ? Math.max(...ops.map((op) => op.finishedAt!)) : null);
    }));
  });

  it('is planned exactly while no operation has been started, active otherwise', () => {
    fc.assert(fc.property(fc.array(operation, { minLength: 1, maxLength: 8 }), (ops) => {
      const { state } = orderStateOf(ops);
      if (ops.every((op) => op.status === 'planned')) expect(state).toBe('planned');
      else if (!ops.every((op) => op.status === 'finished')) expect(state).toBe('active');
    }));
  });

  it('counts an order without operations as planned, and one finished but one still set up as active', () => {
    expect(orderStateOf([])).toEqual({ state: 'planned', finishedAt: null });
    expect(orderStateOf([{ status: 'finished', finishedAt: 5 }, { status: 'setup', finishedAt: null }])).toEqual({ state: 'active', finishedAt: null });
    expect(orderStateOf([{ status: 'finished', finishedAt: 5 }, { status: 'finished', finishedAt: 9 }])).toEqual({ state: 'finished', finishedAt: 9 });
  });
});
