import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PositionToDeliver, applyDelivery, deliveryProblems, orderDeliveryState } from './deliveries.js';

const positions: PositionToDeliver[] = [
  { positionId: 'p10', orderedMilli: 100_000, deliveredMilli: 0 },
  { positionId: 'p20', orderedMilli: 40_000, deliveredMilli: 30_000 },
];

describe('partial deliveries', () => {
  it('deliver part of an order, then the rest, and the order is delivered', () => {
    expect(orderDeliveryState(positions)).toBe('partly-delivered');
    expect(orderDeliveryState(positions.map((p) => ({ ...p, deliveredMilli: 0 })))).toBe('open');
    const first = applyDelivery(positions, [{ positionId: 'p10', quantityMilli: 60_000 }]);
    expect(first.map((p) => p.deliveredMilli)).toEqual([60_000, 30_000]);
    expect(orderDeliveryState(first)).toBe('partly-delivered');
    const rest = applyDelivery(first, [{ positionId: 'p10', quantityMilli: 40_000 }, { positionId: 'p20', quantityMilli: 10_000 }]);
    expect(orderDeliveryState(rest)).toBe('delivered');
    expect(orderDeliveryState([])).toBe('open');
  });

  it('name every problem, and ask for confirmation beyond the margin only', () => {
    const problems = deliveryProblems(positions, [{ positionId: 'p99', quantityMilli: 1000 }, { positionId: 'p10', quantityMilli: 0 }, { positionId: 'p10', quantityMilli: 1000 }, { positionId: 'p20', quantityMilli: 15_000 }], 1000, false);
    expect(problems).toEqual([
      { positionId: 'p99', problem: 'unknown-position' },
      { positionId: 'p10', problem: 'quantity-not-positive' },
      { positionId: 'p10', problem: 'duplicate-position' },
      { positionId: 'p20', problem: 'over-delivery-needs-confirmation' },
    ]);
    // 10 % of 40 = 4 over the 10 still open: 14 without asking, 15 with confirmation
    expect(deliveryProblems(positions, [{ positionId: 'p20', quantityMilli: 14_000 }], 1000, false)).toEqual([]);
    expect(deliveryProblems(positions, [{ positionId: 'p20', quantityMilli: 15_000 }], 1000, true)).toEqual([]);
    expect(deliveryProblems(positions, [], 1000, false)).toEqual([{ positionId: null, problem: 'no-lines' }]);
  });

  it('for any sequence of accepted deliveries: delivered quantities only grow, and the state follows them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(fc.record({ pick: fc.nat(3), quantity: fc.integer({ min: -2, max: 30 }) }), { maxLength: 3 }), { maxLength: 8 }),
        (ordered, deliveries) => {
          let state = ordered.map((q, i) => ({ positionId: `p${i}`, orderedMilli: q * 1000, deliveredMilli: 0 }));
          for (const d of deliveries) {
            const lines = d.map((l) => ({ positionId: `p${l.pick % ordered.length}`, quantityMilli: l.quantity * 1000 }));
            if (deliveryProblems(state, lines, 0, false).length > 0) continue;
            const next = applyDelivery(state, lines);
            next.forEach((p, i) => {
              expect(p.deliveredMilli).toBeGreaterThan(state[i]!.deliveredMilli - 1);
              expect(p.deliveredMilli).toBeLessThanOrEqual(p.orderedMilli); // margin 0: never over
            });
            state = next;
          }
          const s = orderDeliveryState(state);
          expect(s === 'delivered').toBe(state.every((p) => p.deliveredMilli === p.orderedMilli));
          expect(s === 'open').toBe(state.every((p) => p.deliveredMilli === 0));
        },
      ),
    );
  });
});
