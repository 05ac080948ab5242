import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Booking, applyBookings, emptySyncState, needsConfirmation } from './booking-sync';

let counter = 0;
const key = () => `k-${++counter}`;

/** A running operation with quantity bookings of random sizes (some on a second operation). */
const scenario = fc.record({
  quantities: fc.array(fc.record({ good: fc.nat(60), scrap: fc.nat(6), other: fc.boolean() }).filter((q) => q.good + q.scrap > 0), { minLength: 1, maxLength: 12 }),
  pick: fc.nat(),
  finishBefore: fc.boolean(),
});

function build(s: { quantities: Array<{ good: number; scrap: number; other: boolean }>; finishBefore: boolean }) {
  const bookings: Booking[] = [];
  let seq = 0;
  const add = (b: Omit<Booking, 'key' | 'deviceId' | 'sequence' | 'at'>) => {
    seq++;
    const booking = { key: key(), deviceId: 'tablet', sequence: seq, at: seq * 1000, ...b } as Booking;
    bookings.push(booking);
    return booking;
  };
  add({ operationId: 'op-1', kind: 'start-production' });
  add({ operationId: 'op-2', kind: 'start-production' });
  const quantities = s.quantities.map((q) => add({ operationId: q.other ? 'op-2' : 'op-1', kind: 'quantity', good: q.good, scrap: q.scrap }));
  if (s.finishBefore) add({ operationId: 'op-1', kind: 'finish' });
  return { bookings, quantities, next: () => ++seq };
}

describe('reversal of a quantity booking', () => {
  it('restores good and scrap of every operation exactly as if the booking had never been made (also after the finish)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { bookings, quantities, next } = build(s);
        const target = quantities[s.pick % quantities.length]!;
        const seq = next();
        const reversal: Booking = { key: key(), deviceId: 'tablet', sequence: seq, at: seq * 1000, operationId: target.operationId, kind: 'reversal', reverses: target.key, reason: 'Tippfehler' };
        const reversed = applyBookings(emptySyncState, [...bookings, reversal]);
        expect(reversed.results.at(-1)).toEqual({ key: reversal.key, status: 'applied' });
        const without = applyBookings(emptySyncState, bookings.filter((b) => b.key !== target.key).map((b, i) => ({ ...b, sequence: i + 1 })));
        for (const id of ['op-1', 'op-2']) {
          const a = reversed.state.operations.get(id)!;
          const b = without.state.operations.get(id)!;
          expect([a.status, a.good, a.scrap, a.runs]).toEqual([b.status, b.good, b.scrap, b.runs]);
        }
      }),
    );
  });

  it('is applied at most once, only to an applied quantity booking of the same operation, and exactly once when sent again', () => {
    const { bookings, quantities, next } = build({ quantities: [{ good: 5, scrap: 0, other: false }, { good: 3, scrap: 1, other: true }], finishBefore: false });
    const reverse = (reverses: string, operationId = 'op-1'): Booking => {
      const seq = next();
      return { key: key(), deviceId: 'tablet', sequence: seq, at: seq * 1000, operationId, kind: 'reversal', reverses, reason: 'falsch gezählt' };
    };
    const first = reverse(quantities[0]!.key);
    const twice = reverse(quantities[0]!.key);
    const otherOperation = reverse(quantities[1]!.key, 'op-1');
    const aStart = reverse(bookings[0]!.key);
    const unknown = reverse('no-such-key');
    const { state, results } = applyBookings(emptySyncState, [...bookings, first, twice, otherOperation, aStart, unknown]);
    expect(results.slice(-5).map((r) => (r.status === 'conflict' ? r.reason : r.status))).toEqual(['applied', 'already-reversed', 'not-reversible', 'not-reversible', 'not-reversible']);
    expect(state.operations.get('op-1')!.good).toBe(0);
    // the same reversal delivered again is a duplicate and takes nothing back a second time
    const again = applyBookings(state, [first]);
    expect(again.results).toEqual([{ key: first.key, status: 'duplicate' }]);
    expect(again.state.operations.get('op-1')!.good).toBe(0);
  });
});

describe('quantities above the remaining quantity', () => {
  it('need confirmation beyond the margin: order of 40, 10 %: up to 44 at once, 9,999 not', () => {
    const limit = { orderQuantity: 40, marginPercent: 10 };
    expect(needsConfirmation(limit, 0, 44, 0)).toBe(false);
    expect(needsConfirmation(limit, 0, 45, 0)).toBe(true);
    expect(needsConfirmation(limit, 0, 9999, 0)).toBe(true);
    expect(needsConfirmation(limit, 35, 9, 0)).toBe(false);
    expect(needsConfirmation(limit, 35, 10, 0)).toBe(true);
    expect(needsConfirmation(limit, 40, 4, 0)).toBe(false);
    expect(needsConfirmation(limit, 44, 1, 0)).toBe(true);
    expect(needsConfirmation({ orderQuantity: 40, marginPercent: 0 }, 0, 40, 1)).toBe(true);
  });

  it('a booking above the limit is refused as confirmation-required unless confirmed; the refusal does not block later bookings', () => {
    const limit = () => ({ orderQuantity: 40, marginPercent: 10 });
    const b = (sequence: number, extra: Partial<Booking>): Booking => ({ key: key(), deviceId: 'd', sequence, at: sequence, operationId: 'op', kind: 'quantity', ...extra });
    const { state, results } = applyBookings(emptySyncState, [
      b(1, { kind: 'start-production' }),
      b(2, { good: 9999 }),
      b(3, { good: 30 }),
      b(4, { good: 9999, confirmed: true }),
    ], { quantityLimit: limit });
    expect(results.map((r) => (r.status === 'conflict' ? r.reason : r.status))).toEqual(['applied', 'confirmation-required', 'applied', 'applied']);
    expect(state.operations.get('op')!.good).toBe(10029);
  });

  it('without confirmation, the good parts of an operation never exceed the order quantity plus the margin', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 50 }), fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 20 }), (orderQuantity, marginPercent, sizes) => {
      const batch: Booking[] = [{ key: key(), deviceId: 'd', sequence: 1, at: 1, operationId: 'op', kind: 'start-production' }];
      sizes.forEach((good, i) => batch.push({ key: key(), deviceId: 'd', sequence: i + 2, at: i + 2, operationId: 'op', kind: 'quantity', good }));
      const { state, results } = applyBookings(emptySyncState, batch, { quantityLimit: () => ({ orderQuantity, marginPercent }) });
      const good = state.operations.get('op')!.good;
      expect(good).toBeLessThanOrEqual(orderQuantity + Math.floor((orderQuantity * marginPercent) / 100));
      // and a refused booking was one that would have gone past that line
      let soFar = 0;
      sizes.forEach((size, i) => {
        const r = results[i + 1]!;
        if (r.status === 'applied') soFar += size;
        else expect(soFar + size).toBeGreaterThan(orderQuantity + Math.floor((orderQuantity * marginPercent) / 100));
      });
    }));
  });
});
