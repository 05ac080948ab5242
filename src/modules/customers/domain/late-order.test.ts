import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OperationProgress, type ProductionOrderProgress, type WorkClock, forecastPosition } from './late-order.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T = Date.UTC(2027, 2, 1, 8, 0);

const op = (over: Partial<OperationProgress> = {}): OperationProgress => ({
  id: 'op',
  status: 'planned',
  setupMinutes: 0,
  idealCycleSeconds: 60,
  good: 0,
  scrap: 0,
  startedAt: null,
  finishedAt: null,
  ...over,
});
const order = (operations: OperationProgress[], quantity = 100, plannedStart: number | null = null): ProductionOrderProgress => ({ id: 'po1', quantity, plannedStart, operations });
const finished = (good = 100) => op({ id: 'op1', status: 'finished', good, startedAt: T - 5 * HOUR, finishedAt: T - HOUR });

describe('late-order forecast', () => {
  it('predicts a running order from its remaining parts and is on time with slack', () => {
    const f = forecastPosition([order([finished(), op({ id: 'op2', status: 'running', good: 40, startedAt: T - HOUR })])], T + 2 * HOUR, T);
    expect([f.expectedFinish, f.late, f.reason, f.slackMs]).toEqual([T + HOUR, false, null, HOUR]);
  });

  it('flags the same order behind plan when the promise is sooner', () => {
    const f = forecastPosition([order([finished(), op({ id: 'op2', status: 'running', good: 40, startedAt: T - HOUR })])], T + 30 * MIN, T);
    expect([f.late, f.reason, f.slackMs]).toEqual([true, 'behind-plan', -30 * MIN]);
  });

  it('flags an order not started past its latest start, with setup counted', () => {
    const f = forecastPosition([order([op({ setupMinutes: 30 })], 60)], T + HOUR, T);
    expect([f.expectedFinish, f.late, f.reason]).toEqual([T + 90 * MIN, true, 'not-started']);
    expect(f.orders[0]!.latestStart).toBe(T - 30 * MIN);
    const later = forecastPosition([order([op({ setupMinutes: 30 })], 60, T + HOUR)], T + 3 * HOUR, T);
    expect([later.expectedFinish, later.late, later.orders[0]!.latestStart]).toEqual([T + 150 * MIN, false, T + 90 * MIN]);
  });

  it('blames scrap when the delay comes from the runs needed to replace scrap', () => {
    const running = op({ status: 'running', good: 50, scrap: 50, startedAt: T - HOUR });
    const f = forecastPosition([order([running])], T + 60 * MIN, T);
    expect([f.expectedFinish, f.late, f.reason]).toEqual([T + 100 * MIN, true, 'scrap']);
    expect(f.orders[0]!.scrapWorkMs).toBe(50 * MIN);
    // still late without the scrap → behind plan is the reason
    expect(forecastPosition([order([running])], T + 40 * MIN, T).reason).toBe('behind-plan');
  });

  it('cannot name a finish when an operation finished short of good parts', () => {
    const f = forecastPosition([order([finished(90), op({ id: 'op2' })])], T + 10 * HOUR, T);
    expect([f.expectedFinish, f.late, f.reason, f.orders[0]!.shortfall]).toEqual([null, true, 'scrap', 10]);
  });

  it('does not take a running operation for finished, even with all parts booked', () => {
    const f = forecastPosition([order([op({ status: 'running', good: 100, startedAt: T - 2 * HOUR })])], T - MIN, T);
    expect([f.expectedFinish, f.late, f.reason]).toEqual([T, true, 'behind-plan']);
    const done = forecastPosition([order([finished()])], T - MIN, T);
    expect([done.expectedFinish, done.late]).toEqual([T - HOUR, false]);
    expect(forecastPosition([order([finished()])], T - 2 * HOUR, T)).toMatchObject({ late: true, reason: 'behind-plan', expectedFinish: T - HOUR });
  });

  it('counts elapsed setup up to now only, never time from the future', () => {
    const inSetup = (startedAt: number) => forecastPosition([order([op({ status: 'setup', setupMinutes: 30, startedAt })], 10)], T + 10 * HOUR, T).expectedFinish;
    expect(inSetup(T - 10 * MIN)).toBe(T + 20 * MIN + 10 * MIN);
    expect(inSetup(T + 10 * MIN)).toBe(T + 30 * MIN + 10 * MIN);
    expect(inSetup(T - 2 * HOUR)).toBe(T + 10 * MIN);
  });

  it('runs production orders of one position side by side and waits for the last', () => {
    const a = { ...order([op()], 30), id: 'a' };
    const b = { ...order([op({ status: 'running', good: 10, startedAt: T })], 70), id: 'b' };
    const f = forecastPosition([a, b], T + HOUR, T);
    expect([f.expectedFinish, f.late, f.reason]).toEqual([T + 60 * MIN, false, null]);
    expect(forecastPosition([a, b], T + 45 * MIN, T).reason).toBe('behind-plan');
  });

  it('says so when there is no production order yet, and honours efficiency and the work clock', () => {
    expect(forecastPosition([], T + HOUR, T)).toEqual({ expectedFinish: null, late: false, reason: null, slackMs: null, orders: [] });
    expect(forecastPosition([], T - HOUR, T)).toMatchObject({ late: true, reason: 'no-production-order' });
    expect(forecastPosition([order([op()], 60)], T + 10 * HOUR, T, { efficiency: 0.5 }).expectedFinish).toBe(T + 2 * HOUR);
    expect(() => forecastPosition([order([op()])], T, T, { efficiency: 0 })).toThrow(RangeError);
    // a shift clock where every work hour takes three calendar hours
    const slow: WorkClock = { add: (from, ms) => from + 3 * ms, subtract: (to, ms) => to - 3 * ms };
    const f = forecastPosition([order([op()], 60)], T + 2 * HOUR, T, { clock: slow });
    expect([f.expectedFinish, f.late, f.reason, f.orders[0]!.latestStart]).toEqual([T + 3 * HOUR, true, 'not-started', T - HOUR]);
  });

  it('turns each operation\'s work into calendar time with the clock of its own work centre', () => {
    // sawing on a centre working around the clock, then welding on one where a work hour takes three calendar hours
    const slow: WorkClock = { add: (from, ms) => from + 3 * ms, subtract: (to, ms) => to - 3 * ms };
    const clocks = new Map([['schweissen', slow]]);
    const twoSteps = order([op({ id: 'saw', workCentreId: 'saegen' }), op({ id: 'weld', workCentreId: 'schweissen' })], 60);
    // one hour of sawing (T + 1 h), then one hour of welding (three calendar hours)
    const f = forecastPosition([twoSteps], T + 5 * HOUR, T, { clocks });
    expect(f.expectedFinish).toBe(T + 4 * HOUR);
    // backwards from the promise: welding needs 3 calendar hours, sawing 1
    expect(f.orders[0]!.latestStart).toBe(T + HOUR);
    // without the centres' clocks both hours would count as calendar hours
    expect(forecastPosition([twoSteps], T + 5 * HOUR, T).expectedFinish).toBe(T + 2 * HOUR);
    expect(forecastPosition([twoSteps], T + 3 * HOUR, T, { clocks })).toMatchObject({ late: true, reason: 'not-started' });
  });
});

const statusArb = fc.constantFrom<OperationProgress['status']>('planned', 'setup', 'running', 'paused', 'finished');
const operationArb = fc.record({
  id: fc.constant('x'),
  status: statusArb,
  setupMinutes: fc.integer({ min: 0, max: 120 }),
  idealCycleSeconds: fc.integer({ min: 1, max: 600 }),
  good: fc.nat(120),
  scrap: fc.nat(40),
  startedAt: fc.integer({ min: -10 * HOUR, max: HOUR }).map((d) => T + d),
  finishedAt: fc.integer({ min: -10 * HOUR, max: 0 }).map((d) => T + d),
});
/** An order whose operations are finished up to some point, then running or not started. */
const orderArb = fc.record({ quantity: fc.integer({ min: 1, max: 100 }), ops: fc.array(operationArb, { minLength: 1, maxLength: 5 }), plannedStart: fc.option(fc.integer({ min: -HOUR, max: 5 * HOUR }).map((d) => T + d), { nil: null }) }).map(({ quantity, ops, plannedStart }) => {
  let seenOpen = false;
  const operations = ops.map((o, i): OperationProgress => {
    let status = o.status;
    if (seenOpen) status = 'planned';
    else if (status !== 'finished') seenOpen = true;
    return { ...o, id: `op${i}`, status, startedAt: status === 'planned' ? null : o.startedAt, finishedAt: status === 'finished' ? o.finishedAt : null, good: status === 'planned' ? 0 : o.good, scrap: status === 'planned' ? 0 : o.scrap };
  });
  return { id: 'po', quantity, plannedStart, operations };
});
const finishOf = (f: { expectedFinish: number | null }) => f.expectedFinish ?? Number.POSITIVE_INFINITY;

/** A clock with working time only in the first `share` of each hour (a crude shift calendar). */
const partTimeClock = (share: number): WorkClock => {
  const work = share * HOUR;
  return {
    add(from, ms) {
      if (ms <= 0) return from;
      let t = from;
      let left = ms;
      for (;;) {
        const hour = Math.floor(t / HOUR) * HOUR;
        const end = hour + work;
        if (t < end) {
          if (left <= end - t) return t + left;
          left -= end - t;
        }
        t = hour + HOUR;
      }
    },
    subtract(to, ms) {
      if (ms <= 0) return to;
      let t = to;
      let left = ms;
      for (;;) {
        const hour = Math.floor((t - 1) / HOUR) * HOUR;
        const end = Math.min(t, hour + work);
        if (end > hour) {
          if (left <= end - hour) return end - left;
          left -= end - hour;
        }
        t = hour;
      }
    },
  };
};

describe('late-order forecast with work centres\' calendars', () => {
  it('is never earlier than counting every hour, nor when more work centres keep shifts', () => {
    fc.assert(
      fc.property(orderArb, fc.integer({ min: 0, max: 20 * HOUR }), fc.constantFrom(0.25, 0.5, 0.75), (o, promise, share) => {
        const byCentre = { ...o, operations: o.operations.map((op, i) => ({ ...op, workCentreId: i % 2 === 0 ? 'even' : 'odd' })) };
        const continuous = forecastPosition([byCentre], T + promise, T);
        const someShifts = forecastPosition([byCentre], T + promise, T, { clocks: new Map([['odd', partTimeClock(share)]]) });
        const allShifts = forecastPosition([byCentre], T + promise, T, { clocks: new Map([['odd', partTimeClock(share)], ['even', partTimeClock(share)]]) });
        expect(finishOf(someShifts)).toBeGreaterThanOrEqual(finishOf(continuous));
        expect(finishOf(allShifts)).toBeGreaterThanOrEqual(finishOf(someShifts));
        if (continuous.late) expect(someShifts.late).toBe(true);
      }),
    );
  });
});

describe('late-order forecast for any order', () => {
  it('never gets later with more good parts booked on an operation', () => {
    fc.assert(
      fc.property(orderArb, fc.nat(4), fc.integer({ min: 1, max: 50 }), fc.integer({ min: -HOUR, max: 20 * HOUR }), (o, pick, more, promise) => {
        const i = pick % o.operations.length;
        if (o.operations[i]!.status === 'planned') return;
        const more_ = { ...o, operations: o.operations.map((x, j) => (j === i ? { ...x, good: x.good + more } : x)) };
        expect(finishOf(forecastPosition([more_], T + promise, T))).toBeLessThanOrEqual(finishOf(forecastPosition([o], T + promise, T)));
      }),
    );
  });

  it('never gets earlier with more scrap, nor as time passes without bookings; an open order never finishes in the past', () => {
    fc.assert(
      fc.property(orderArb, fc.nat(4), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 10 * HOUR }), (o, pick, more, wait) => {
        const base = forecastPosition([o], T + HOUR, T);
        const i = pick % o.operations.length;
        if (o.operations[i]!.status !== 'planned' && o.operations[i]!.status !== 'finished') {
          const scrapped = { ...o, operations: o.operations.map((x, j) => (j === i ? { ...x, scrap: x.scrap + more } : x)) };
          expect(finishOf(forecastPosition([scrapped], T + HOUR, T))).toBeGreaterThanOrEqual(finishOf(base));
        }
        expect(finishOf(forecastPosition([o], T + HOUR, T + wait))).toBeGreaterThanOrEqual(finishOf(base));
        const open = o.operations.some((x) => x.status !== 'finished');
        if (open && base.expectedFinish !== null) expect(base.expectedFinish).toBeGreaterThanOrEqual(T);
        expect(base.late).toBe(finishOf(base) > T + HOUR);
        expect(base.reason !== null).toBe(base.late);
      }),
    );
  });

  it('flags every order not started past its latest start as late, for not being started', () => {
    fc.assert(
      fc.property(orderArb, fc.integer({ min: -5 * HOUR, max: 20 * HOUR }), (o, promise) => {
        const notStarted = { ...o, operations: o.operations.map((x) => ({ ...x, status: 'planned' as const, good: 0, scrap: 0, startedAt: null, finishedAt: null })) };
        const f = forecastPosition([notStarted], T + promise, T);
        const latestStart = f.orders[0]!.latestStart!;
        if (T > latestStart) expect([f.late, f.reason]).toEqual([true, 'not-started']);
        else if ((o.plannedStart ?? T) <= T) expect(f.late).toBe(false);
      }),
    );
  });
});
