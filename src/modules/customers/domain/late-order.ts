/**
 * "Where is my order?": when a customer order position will be finished, judged from its
 * production orders' operations at the moment `now`, against the promised moment.
 *
 * The model, kept simple so that it is explainable and monotone:
 * - the operations of a production order run one after the other; production orders of one
 *   position run side by side, the position is finished when the last of them is;
 * - remaining work of an operation = remaining setup + remaining runs × ideal cycle ÷ efficiency;
 *   remaining runs = the good parts still missing, inflated by the scrap rate observed on that
 *   operation so far (good + scrap booked), so scrap shows up as later finish;
 * - an operation that is not finished is not finished: its remaining work starts at `now` at the
 *   earliest, never in the past, and only time up to `now` counts as elapsed;
 * - the observed pace is not extrapolated (a first slow part would otherwise make the forecast
 *   jump); a slow operation shows as the clock runs on without bookings;
 * - work time becomes calendar time through the work clock of the operation's work centre (its
 *   shift calendar), one operation after the other; continuous when none is known.
 */

export type OperationStatus = 'planned' | 'setup' | 'running' | 'paused' | 'finished';

export interface OperationProgress {
  id: string;
  /** whose work clock turns the operation's work into calendar time */
  workCentreId?: string | null;
  status: OperationStatus;
  setupMinutes: number;
  idealCycleSeconds: number;
  good: number;
  scrap: number;
  /** when setup (or production, without setup) began; null while planned */
  startedAt: number | null;
  /** when it was finished; null unless finished */
  finishedAt: number | null;
}

export interface ProductionOrderProgress {
  id: string;
  quantity: number;
  /** earliest start planned for the order (release / schedule); null = as soon as possible */
  plannedStart: number | null;
  /** in routing order */
  operations: OperationProgress[];
}

/** Turns work time into calendar time (shift calendar); both directions must be monotone. */
export interface WorkClock {
  add(from: number, workMs: number): number;
  subtract(to: number, workMs: number): number;
}
export const continuousClock: WorkClock = { add: (from, ms) => from + ms, subtract: (to, ms) => to - ms };

export interface LateOrderOptions {
  /** share of the ideal pace reached in practice (0 < e ≤ 1), e.g. the work centre's performance */
  efficiency?: number;
  /** the clock of operations whose work centre has none in `clocks` */
  clock?: WorkClock;
  /** work clocks by work centre id (shift calendars) */
  clocks?: ReadonlyMap<string, WorkClock>;
  /** a scrap rate above this is taken as this, so a bad start cannot predict "never" */
  maxScrapRate?: number;
}

export type LateReason = 'no-production-order' | 'not-started' | 'behind-plan' | 'scrap';

export interface OrderForecast {
  orderId: string;
  started: boolean;
  finished: boolean;
  /** remaining work time in ms (0 once finished) */
  remainingWorkMs: number;
  /** the part of it caused by scrap (extra runs for the observed scrap rate) */
  scrapWorkMs: number;
  /** null when the order cannot reach its quantity: an operation finished with too few good parts */
  expectedFinish: number | null;
  /** for an order not started: the last moment it can start and still meet the promise */
  latestStart: number | null;
  /** good parts missing for good once an operation finished short */
  shortfall: number;
}

export interface LateOrderForecast {
  /** null when it cannot be said: no production order, or one will end short */
  expectedFinish: number | null;
  late: boolean;
  reason: LateReason | null;
  /** promisedAt − expectedFinish (negative when late); null with expectedFinish null */
  slackMs: number | null;
  orders: OrderForecast[];
}

const MINUTE = 60_000;

interface Step {
  workMs: number;
  scrapWorkMs: number;
  clock: WorkClock;
}

/** Runs the steps one after the other from `start`; `withScrap` false leaves out the runs for scrap. */
const runForward = (steps: readonly Step[], start: number, withScrap = true) => steps.reduce((t, s) => s.clock.add(t, withScrap ? s.workMs : s.workMs - s.scrapWorkMs), start);
const runBackward = (steps: readonly Step[], end: number) => steps.reduceRight((t, s) => s.clock.subtract(t, s.workMs), end);

function forecastOrder(order: ProductionOrderProgress, now: number, promisedAt: number, efficiency: number, clockOf: (op: OperationProgress) => WorkClock, maxScrapRate: number): OrderForecast & { finishWithoutScrap: number } {
  let shortfall = 0;
  let lastFinish: number | null = null;
  const steps: Step[] = [];
  // parts the next operation can get: all ordered ones unless an earlier operation finished short
  let available = order.quantity;
  for (const op of order.operations) {
    const needed = Math.min(order.quantity, available);
    if (op.status === 'finished') {
      if (op.good < needed) shortfall = Math.max(shortfall, order.quantity - op.good);
      available = Math.min(available, op.good);
      if (op.finishedAt !== null) lastFinish = Math.max(lastFinish ?? op.finishedAt, op.finishedAt);
      continue;
    }
    const setupMs = op.setupMinutes * MINUTE;
    let remainingSetup = 0;
    if (op.status === 'planned') remainingSetup = setupMs;
    else if (op.status === 'setup') {
      const elapsed = op.startedAt === null ? 0 : Math.max(0, now - op.startedAt);
      remainingSetup = Math.max(0, setupMs - elapsed);
    }
    const missing = Math.max(0, needed - op.good);
    const booked = op.good + op.scrap;
    const scrapRate = booked === 0 ? 0 : Math.min(maxScrapRate, op.scrap / booked);
    const runs = missing === 0 ? 0 : Math.ceil(missing / (1 - scrapRate));
    const cycleMs = (op.idealCycleSeconds * 1000) / efficiency;
    steps.push({ workMs: Math.ceil(remainingSetup + runs * cycleMs), scrapWorkMs: Math.ceil(runs * cycleMs) - Math.ceil(missing * cycleMs), clock: clockOf(op) });
  }
  const started = order.operations.some((o) => o.status !== 'planned');
  const finished = order.operations.length > 0 && order.operations.every((o) => o.status === 'finished');
  const start = started ? now : Math.max(now, order.plannedStart ?? now);
  let expectedFinish: number | null;
  if (shortfall > 0) expectedFinish = null;
  else if (finished) expectedFinish = lastFinish ?? now;
  else expectedFinish = Math.max(now, runForward(steps, start));
  const sum = (pick: (s: Step) => number) => steps.reduce((a, s) => a + pick(s), 0);
  return {
    orderId: order.id,
    started,
    finished,
    remainingWorkMs: finished ? 0 : sum((s) => s.workMs),
    scrapWorkMs: finished ? 0 : sum((s) => s.scrapWorkMs),
    expectedFinish,
    latestStart: started ? null : runBackward(steps, promisedAt),
    shortfall,
    finishWithoutScrap: finished ? (expectedFinish ?? now) : Math.max(now, runForward(steps, start, false)),
  };
}

/**
 * The forecast for one order position: expected finish, late or not, and why. The reason names
 * what to act on first: an order short of good parts or whose delay is all scrap → scrap; a late
 * position with an order not yet started → not started; otherwise behind plan.
 */
export function forecastPosition(orders: readonly ProductionOrderProgress[], promisedAt: number, now: number, options: LateOrderOptions = {}): LateOrderForecast {
  const efficiency = options.efficiency ?? 1;
  if (!(efficiency > 0 && efficiency <= 1)) throw new RangeError('efficiency must be in (0, 1]');
  const fallback = options.clock ?? continuousClock;
  const clockOf = (op: OperationProgress) => (op.workCentreId ? options.clocks?.get(op.workCentreId) : undefined) ?? fallback;
  const maxScrapRate = options.maxScrapRate ?? 0.9;
  if (orders.length === 0) {
    const late = now > promisedAt;
    return { expectedFinish: null, late, reason: late ? 'no-production-order' : null, slackMs: null, orders: [] };
  }
  const computed = orders.map((o) => forecastOrder(o, now, promisedAt, efficiency, clockOf, maxScrapRate));
  const forecasts: OrderForecast[] = computed.map(({ finishWithoutScrap: _, ...f }) => f);
  if (forecasts.some((f) => f.shortfall > 0)) return { expectedFinish: null, late: true, reason: 'scrap', slackMs: null, orders: forecasts };
  const expectedFinish = Math.max(...forecasts.map((f) => f.expectedFinish!));
  const late = expectedFinish > promisedAt;
  let reason: LateReason | null = null;
  if (late) {
    const lateOnes = computed.filter((f) => f.expectedFinish! > promisedAt);
    if (lateOnes.every((f) => !f.finished && f.scrapWorkMs > 0 && f.finishWithoutScrap <= promisedAt)) reason = 'scrap';
    else if (lateOnes.some((f) => !f.started)) reason = 'not-started';
    else reason = 'behind-plan';
  }
  return { expectedFinish, late, reason, slackMs: promisedAt - expectedFinish, orders: forecasts };
}
