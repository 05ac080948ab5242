import { describe, expect, it } from 'vitest';
import { operationPhases } from './operation-phases.js';

describe('operationPhases', () => {
  it('turns applied bookings into setup, production and pause phases', () => {
    const b = (operationId: string, kind: string, at: number) => ({ operationId, kind, at });
    expect(operationPhases([
      b('a', 'start-setup', 0), b('a', 'start-production', 10), b('b', 'start-production', 12), b('a', 'quantity', 15),
      b('a', 'pause', 20), b('a', 'resume', 30), b('a', 'finish', 40), b('b', 'pause', 50),
    ])).toEqual([
      { operationId: 'a', phase: 'setup', start: 0, end: 10 },
      { operationId: 'a', phase: 'running', start: 10, end: 20 },
      { operationId: 'b', phase: 'running', start: 12, end: 50 },
      { operationId: 'a', phase: 'paused', start: 20, end: 30 },
      { operationId: 'a', phase: 'running', start: 30, end: 40 },
      { operationId: 'b', phase: 'paused', start: 50, end: null },
    ]);
  });

  it('never ends a phase before it started (device clocks)', () => {
    expect(operationPhases([{ operationId: 'a', kind: 'start-production', at: 100 }, { operationId: 'a', kind: 'finish', at: 90 }]))
      .toEqual([{ operationId: 'a', phase: 'running', start: 100, end: 100 }]);
  });
});
