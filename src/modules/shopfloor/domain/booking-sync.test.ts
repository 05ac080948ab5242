import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Booking,
  type BookingKind,
  type OperationStatus,
  type SyncResult,
  type SyncState,
  applyBookings,
  emptySyncState,
} from './booking-sync';

/** The kinds of the state machine; reversals are tested in reversal.property.test.ts. */
type StateKind = Exclude<BookingKind, 'reversal'>;
const KINDS: StateKind[] = ['start-setup', 'start-production', 'pause', 'resume', 'finish', 'quantity', 'parameters'];

// The documented state machine, written out as a table: next status, or the conflict reason.
const TABLE: Record<OperationStatus, Record<StateKind, OperationStatus | string>> = {
  planned: { 'start-setup': 'setup', 'start-production': 'running', pause: 'not-running', resume: 'not-paused', finish: 'not-started', quantity: 'not-started', parameters: 'not-started' },
  setup: { 'start-setup': 'already-in-setup', 'start-production': 'running', pause: 'not-running', resume: 'not-paused', finish: 'not-started', quantity: 'not-started', parameters: 'not-started' },
  running: { 'start-setup': 'already-started', 'start-production': 'already-started', pause: 'paused', resume: 'not-paused', finish: 'finished', quantity: 'running', parameters: 'running' },
  paused: { 'start-setup': 'already-started', 'start-production': 'already-started', pause: 'already-paused', resume: 'running', finish: 'finished', quantity: 'paused', parameters: 'paused' },
  finished: { 'start-setup': 'already-finished', 'start-production': 'already-finished', pause: 'already-finished', resume: 'already-finished', finish: 'already-finished', quantity: 'already-finished', parameters: 'already-finished' },
};
const STATUSES = Object.keys(TABLE) as OperationStatus[];
const isStatus = (x: string): x is OperationStatus => (STATUSES as string[]).includes(x);

const WELD = [{ name: 'current', value: 182 }, { name: 'gas', value: 'M21' }];

let counter = 0;
function booking(deviceId: string, sequence: number, kind: BookingKind, extra: Partial<Booking> = {}): Booking {
  counter++;
  return { key: `k-${counter}`, deviceId, sequence, operationId: 'op-1', kind, at: 1_000 * sequence, ...(kind === 'quantity' ? { good: 1 } : {}), ...(kind === 'parameters' ? { parameters: WELD } : {}), ...extra };
}

const PATH_TO: Record<OperationStatus, BookingKind[]> = {
  planned: [],
  setup: ['start-setup'],
  running: ['start-setup', 'start-production'],
  paused: ['start-production', 'pause'],
  finished: ['start-production', 'finish'],
};

function run(state: SyncState, batch: Booking[]) {
  return applyBookings(state, batch);
}

describe('operation state machine', () => {
  for (const from of STATUSES) {
    for (const kind of KINDS) {
      const expected = TABLE[from][kind];
      it(`${from} + ${kind} → ${expected}`, () => {
        const setup = PATH_TO[from].map((k, i) => booking('d1', i + 1, k));
        const { state } = run(emptySyncState, setup);
        expect(state.operations.get('op-1')?.status ?? 'planned').toBe(from);
        const b = booking('d1', setup.length + 1, kind);
        const r = run(state, [b]);
        if (isStatus(expected)) {
          expect(r.results).toEqual([{ key: b.key, status: 'applied' }]);
          expect(r.state.operations.get('op-1')?.status).toBe(expected);
        } else {
          expect(r.results).toEqual([{ key: b.key, status: 'conflict', reason: expected, operationStatus: from }]);
          expect(r.state.operations.get('op-1')?.status ?? 'planned').toBe(from);
        }
      });
    }
  }

  it('records run intervals and quantities while running and paused', () => {
    const batch = [
      booking('d1', 1, 'start-setup', { at: 100 }),
      booking('d1', 2, 'start-production', { at: 200 }),
      booking('d1', 3, 'quantity', { at: 250, good: 10, scrap: 1 }),
      booking('d1', 4, 'pause', { at: 300, reason: 'Material fehlt' }),
      booking('d1', 5, 'quantity', { at: 350, good: 0, scrap: 2 }),
      booking('d1', 6, 'resume', { at: 400 }),
      booking('d1', 7, 'finish', { at: 700 }),
    ];
    const op = run(emptySyncState, batch).state.operations.get('op-1');
    expect(op).toMatchObject({ status: 'finished', good: 10, scrap: 3, runs: [{ start: 200, end: 300 }, { start: 400, end: 700 }], runningSince: null });
    expect(op?.appliedKeys).toEqual(batch.map((b) => b.key));
  });

  it('refuses quantities that are negative or zero', () => {
    const { state } = run(emptySyncState, [booking('d1', 1, 'start-production')]);
    const neg = booking('d1', 2, 'quantity', { good: -1 });
    const zero = booking('d1', 3, 'quantity', { good: 0, scrap: 0 });
    expect(run(state, [neg, zero]).results.map((r) => r.status === 'conflict' && r.reason)).toEqual(['invalid-quantity', 'invalid-quantity']);
  });
});

describe('process parameters', () => {
  it('are recorded while running or paused without changing state or quantities', () => {
    const batch = [booking('d1', 1, 'start-production'), booking('d1', 2, 'parameters'), booking('d1', 3, 'pause'), booking('d1', 4, 'parameters')];
    const r = run(emptySyncState, batch);
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(r.state.operations.get('op-1')).toMatchObject({ status: 'paused', good: 0, scrap: 0 });
  });

  it('are refused before production starts, after finish, and when empty', () => {
    const before = booking('d1', 1, 'parameters');
    const { state, results } = run(emptySyncState, [before, booking('d1', 2, 'start-production')]);
    expect(results[0]).toEqual({ key: before.key, status: 'conflict', reason: 'not-started', operationStatus: 'planned' });
    const empty = booking('d1', 3, 'parameters', { parameters: [] });
    expect(run(state, [empty]).results).toEqual([{ key: empty.key, status: 'conflict', reason: 'invalid-parameters', operationStatus: 'running' }]);
  });

  it('a replay is a duplicate; the same key with other values is idempotency-key-reused', () => {
    const start = booking('d1', 1, 'start-production');
    const values = booking('d1', 2, 'parameters');
    const { state } = run(emptySyncState, [start, values]);
    expect(run(state, [values]).results).toEqual([{ key: values.key, status: 'duplicate' }]);
    const changed = { ...values, parameters: [{ name: 'current', value: 183 }, { name: 'gas', value: 'M21' }] };
    expect(run(state, [changed]).results).toEqual([{ key: values.key, status: 'conflict', reason: 'idempotency-key-reused' }]);
  });
});

describe('exactly once, in device order', () => {
  it('a replayed booking is acknowledged as duplicate and not applied again', () => {
    const start = booking('d1', 1, 'start-production');
    const qty = booking('d1', 2, 'quantity', { good: 5 });
    const first = run(emptySyncState, [start, qty]);
    const again = run(first.state, [start, qty]);
    expect(again.results).toEqual([{ key: start.key, status: 'duplicate' }, { key: qty.key, status: 'duplicate' }]);
    expect(again.state.operations.get('op-1')?.good).toBe(5);
  });

  it('a replayed conflicting booking gets the same conflict again', () => {
    const finish = booking('d1', 1, 'finish');
    const first = run(emptySyncState, [finish]);
    const again = run(first.state, [finish]);
    expect(again.results).toEqual(first.results);
    expect(first.results[0]).toMatchObject({ status: 'conflict', reason: 'not-started' });
  });

  it('the same key with other content is refused and changes nothing', () => {
    const qty = booking('d1', 2, 'quantity', { good: 5 });
    const { state } = run(emptySyncState, [booking('d1', 1, 'start-production'), qty]);
    const forged = { ...qty, good: 500 };
    const r = run(state, [forged]);
    expect(r.results).toEqual([{ key: qty.key, status: 'conflict', reason: 'idempotency-key-reused' }]);
    expect(r.state.operations.get('op-1')?.good).toBe(5);
  });

  it('a booking ahead of a gap waits and is applied when the gap is filled', () => {
    const b1 = booking('d1', 1, 'start-production');
    const b2 = booking('d1', 2, 'quantity', { good: 3 });
    const b3 = booking('d1', 3, 'finish');
    const r1 = run(emptySyncState, [b3, b2]);
    expect(r1.results).toEqual([
      { key: b3.key, status: 'waiting', expectedSequence: 1 },
      { key: b2.key, status: 'waiting', expectedSequence: 1 },
    ]);
    expect(r1.state.operations.size).toBe(0);
    const r1again = run(r1.state, [b2]);
    expect(r1again.results).toEqual([{ key: b2.key, status: 'waiting', expectedSequence: 1 }]);
    const r2 = run(r1again.state, [b1]);
    expect(r2.results).toEqual([
      { key: b1.key, status: 'applied' },
      { key: b2.key, status: 'applied' },
      { key: b3.key, status: 'applied' },
    ]);
    expect(r2.state.operations.get('op-1')).toMatchObject({ status: 'finished', good: 3 });
    expect(r2.state.waiting.size).toBe(0);
  });

  it('another key with a sequence number already used is refused', () => {
    const b1 = booking('d1', 1, 'start-production');
    const { state } = run(emptySyncState, [b1]);
    const other = booking('d1', 1, 'finish');
    expect(run(state, [other]).results).toEqual([{ key: other.key, status: 'conflict', reason: 'sequence-reused' }]);
    const held = booking('d1', 5, 'pause');
    const s2 = run(state, [held]).state;
    const clash = booking('d1', 5, 'finish');
    expect(run(s2, [clash]).results).toEqual([{ key: clash.key, status: 'conflict', reason: 'sequence-reused' }]);
  });

  it('sequence numbers must be positive integers', () => {
    for (const sequence of [0, -1, 1.5]) {
      const b = booking('d1', sequence, 'start-production');
      expect(run(emptySyncState, [b]).results).toEqual([{ key: b.key, status: 'conflict', reason: 'invalid-sequence' }]);
    }
  });

  it('does not modify the state it was given', () => {
    const { state } = run(emptySyncState, [booking('d1', 1, 'start-production')]);
    const snapshot = JSON.stringify([...state.operations], null, 0);
    run(state, [booking('d1', 2, 'quantity', { good: 1 }), booking('d1', 4, 'finish')]);
    expect(JSON.stringify([...state.operations], null, 0)).toBe(snapshot);
    expect(state.waiting.size).toBe(0);
    expect(emptySyncState.operations.size).toBe(0);
  });
});

describe('two devices on the same operation (first synced wins)', () => {
  it('a second start conflicts; quantities from both count; a second finish conflicts', () => {
    const aStart = booking('A', 1, 'start-production');
    const bStart = booking('B', 1, 'start-production');
    const bQty = booking('B', 2, 'quantity', { good: 4 });
    const aQty = booking('A', 2, 'quantity', { good: 6 });
    const aFinish = booking('A', 3, 'finish');
    const bFinish = booking('B', 3, 'finish');
    const r1 = run(emptySyncState, [aStart, aQty]);
    const r2 = run(r1.state, [bStart, bQty, bFinish]);
    expect(r2.results).toEqual([
      { key: bStart.key, status: 'conflict', reason: 'already-started', operationStatus: 'running' },
      { key: bQty.key, status: 'applied' },
      { key: bFinish.key, status: 'applied' },
    ]);
    const r3 = run(r2.state, [aFinish]);
    expect(r3.results).toEqual([{ key: aFinish.key, status: 'conflict', reason: 'already-finished', operationStatus: 'finished' }]);
    expect(r3.state.operations.get('op-1')).toMatchObject({ status: 'finished', good: 10 });
  });
});

// --- properties -------------------------------------------------------------------------------

interface Plan {
  bookings: Booking[];
  deliveries: number[][];
}

function planArb(devices: string[], operations: string[]): fc.Arbitrary<Plan> {
  const step = fc.record({
    device: fc.constantFrom(...devices),
    operationId: fc.constantFrom(...operations),
    kind: fc.constantFrom(...KINDS, 'quantity', 'quantity'),
    good: fc.nat(20),
    scrap: fc.nat(3),
  });
  return fc.array(step, { minLength: 1, maxLength: 25 }).chain((steps) => {
    const next = new Map<string, number>();
    const bookings = steps.map((s, i): Booking => {
      const sequence = (next.get(s.device) ?? 0) + 1;
      next.set(s.device, sequence);
      const b: Booking = { key: `key-${i}`, deviceId: s.device, sequence, operationId: s.operationId, kind: s.kind, at: i * 1000 };
      if (s.kind === 'parameters') return { ...b, parameters: [{ name: 'current', value: s.good }] };
      return s.kind === 'quantity' ? { ...b, good: s.good, scrap: s.scrap } : b;
    });
    const index = fc.integer({ min: 0, max: bookings.length - 1 });
    const all = bookings.map((_, i) => i);
    return fc
      .tuple(
        fc.array(fc.array(index, { maxLength: 10 }), { maxLength: 6 }),
        fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
        fc.array(fc.array(index, { maxLength: 10 }), { maxLength: 3 }),
      )
      .map(([before, everything, after]) => ({ bookings, deliveries: [...before, everything, ...after] }));
  });
}

interface RefOp {
  status: OperationStatus;
  good: number;
  scrap: number;
}

/** Applies bookings through the table above, in the given order. */
function reference(bookings: Booking[]) {
  const ops = new Map<string, RefOp>();
  const outcome = new Map<string, string>();
  for (const b of bookings) {
    const op = ops.get(b.operationId) ?? { status: 'planned', good: 0, scrap: 0 };
    const next = TABLE[op.status][b.kind as StateKind];
    const emptyQuantity = b.kind === 'quantity' && (b.good ?? 0) + (b.scrap ?? 0) === 0;
    if (isStatus(next) && !emptyQuantity) {
      ops.set(b.operationId, { status: next, good: op.good + (b.good ?? 0), scrap: op.scrap + (b.scrap ?? 0) });
      outcome.set(b.key, 'applied');
    } else {
      outcome.set(b.key, emptyQuantity && isStatus(next) ? 'invalid-quantity' : next);
    }
  }
  return { ops, outcome };
}

function deliver(plan: Plan) {
  let state = emptySyncState;
  const results: SyncResult[] = [];
  for (const d of plan.deliveries) {
    const r = applyBookings(state, d.map((i) => plan.bookings[i]));
    state = r.state;
    results.push(...r.results);
  }
  return { state, results };
}

const summary = (state: SyncState) =>
  new Map([...state.operations].map(([id, op]) => [id, { status: op.status, good: op.good, scrap: op.scrap }]));

describe('sync properties', () => {
  it('one device: any replays and reorderings give the result of applying each booking once, in order', () => {
    fc.assert(
      fc.property(planArb(['tablet'], ['op-1', 'op-2']), (plan) => {
        const { state, results } = deliver(plan);
        const ref = reference(plan.bookings);
        expect(summary(state)).toEqual(ref.ops);
        for (const b of plan.bookings) {
          const recorded = state.processed.get(b.key)?.result;
          expect(recorded?.status === 'applied' ? 'applied' : recorded?.status === 'conflict' && recorded.reason).toBe(ref.outcome.get(b.key));
          expect(results.filter((r) => r.key === b.key && r.status === 'applied').length).toBeLessThanOrEqual(1);
        }
        expect(state.waiting.size).toBe(0);
      }),
    );
  });

  it('several devices: each key applied at most once, nothing left waiting, state = applied bookings in applied order', () => {
    fc.assert(
      fc.property(planArb(['A', 'B', 'C'], ['op-1']), (plan) => {
        const { state, results } = deliver(plan);
        const appliedKeys = results.filter((r) => r.status === 'applied').map((r) => r.key);
        expect(new Set(appliedKeys).size).toBe(appliedKeys.length);
        expect(state.waiting.size).toBe(0);
        expect(state.processed.size).toBe(plan.bookings.length);

        const byKey = new Map(plan.bookings.map((b) => [b.key, b]));
        const applied = appliedKeys.map((k) => byKey.get(k) as Booking);
        const ref = reference(applied);
        expect([...ref.outcome.values()].every((o) => o === 'applied')).toBe(true);
        expect(summary(state)).toEqual(ref.ops);
        for (const device of ['A', 'B', 'C']) {
          const sequences = applied.filter((b) => b.deviceId === device).map((b) => b.sequence);
          expect(sequences).toEqual([...sequences].sort((x, y) => x - y));
        }
      }),
    );
  });

  it('sending the whole history again changes nothing', () => {
    fc.assert(
      fc.property(planArb(['A', 'B'], ['op-1', 'op-2']), (plan) => {
        const first = deliver(plan);
        const again = applyBookings(first.state, plan.bookings);
        expect(summary(again.state)).toEqual(summary(first.state));
        for (const r of again.results) {
          const original = first.state.processed.get(r.key)?.result;
          expect(r).toEqual(original?.status === 'applied' ? { key: r.key, status: 'duplicate' } : original);
        }
      }),
    );
  });
});
