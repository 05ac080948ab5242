/**
 * "Where is my order?": the forecast of `domain/late-order.ts` for the positions of a customer
 * order, fed with the production orders' progress as Shop floor's door gives it.
 */
import { forecastPosition, type LateReason, type ProductionOrderProgress, type WorkClock } from './domain/late-order.js';
import type { OperationProgressInfo } from '../shopfloor/index.js';

const FIRM_TIME_ZONE = 'Europe/Berlin';

/** The promised moment of a date: the end of that day (the first instant of the next) in the firm's time zone. */
export function endOfPromisedDay(date: string, timeZone = FIRM_TIME_ZONE): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const nextMidnightUtc = Date.UTC(y, m - 1, d + 1);
  // the zone's offset at that moment, found by reading the UTC instant back as wall time (twice, for a change of offset that night)
  const offsetAt = (t: number) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(t)).map((p) => [p.type, p.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - t;
  };
  let guess = nextMidnightUtc - offsetAt(nextMidnightUtc);
  guess = nextMidnightUtc - offsetAt(guess);
  return guess;
}

export interface ProductionOrderWithOperations {
  id: string;
  quantity: number;
  releasedAt: string | null;
  operations: OperationProgressInfo[];
}

export interface PositionForecast {
  /** ISO; null when it cannot be named (no production order, or one will end short of good parts) */
  expectedFinish: string | null;
  late: boolean;
  reason: LateReason | null;
  /** ISO, end of the promised day; null without a promised date */
  promisedAt: string | null;
}

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

function progressOf(po: ProductionOrderWithOperations): ProductionOrderProgress {
  return {
    id: po.id,
    quantity: po.quantity,
    // a release in the future is the earliest start; a past one does not hold anything back
    plannedStart: ms(po.releasedAt),
    operations: po.operations.map((op) => ({
      id: op.id, workCentreId: op.workCentreId, status: op.status, setupMinutes: op.setupMinutes, idealCycleSeconds: op.idealCycleSeconds,
      good: op.good, scrap: op.scrap, startedAt: ms(op.startedAt), finishedAt: ms(op.finishedAt),
    })),
  };
}

/**
 * The forecast of one position, with the work clocks of the work centres (shift calendars) from
 * Shop floor's door. A position that is not produced (free text) or has no promised
 * date gets an expected finish when it has production orders, but is never late.
 */
export function positionForecast(position: { producible: boolean; promisedDate: string | null }, productionOrders: readonly ProductionOrderWithOperations[], now: number, clocks?: ReadonlyMap<string, WorkClock>): PositionForecast {
  if (!position.producible && productionOrders.length === 0) return { expectedFinish: null, late: false, reason: null, promisedAt: null };
  const promisedAt = position.promisedDate === null ? null : endOfPromisedDay(position.promisedDate);
  const forecast = forecastPosition(productionOrders.map(progressOf), promisedAt ?? Number.MAX_SAFE_INTEGER, now, { clocks });
  const expectedFinish = forecast.expectedFinish === null ? null : new Date(forecast.expectedFinish).toISOString();
  if (promisedAt === null) return { expectedFinish, late: false, reason: null, promisedAt: null };
  return { expectedFinish, late: forecast.late, reason: forecast.reason, promisedAt: new Date(promisedAt).toISOString() };
}

/**
 * The order as a whole: the latest expected finish of the positions that are produced (null if
 * any of them cannot be named — e.g. one without a production order yet), late when any position is.
 */
export function orderForecast(positions: readonly PositionForecast[], produced: readonly boolean[]): { expectedFinish: string | null; late: boolean } {
  const late = positions.some((p) => p.late);
  const counted = positions.filter((_, i) => produced[i]);
  if (counted.length === 0 || counted.some((p) => p.expectedFinish === null)) return { expectedFinish: null, late };
  return { expectedFinish: counted.map((p) => p.expectedFinish!).sort().at(-1)!, late };
}
