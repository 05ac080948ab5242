import { type Interval, intersect, normalize, subtract, totalDuration } from './intervals';

/** Measured quantities of one period, already reduced to durations (ms) and counts. */
export interface OeeTimes {
  readonly plannedProductionMs: number;
  /** Run time inside the planned production time. */
  readonly runMs: number;
  /** Σ ideal cycle time × (good + scrap) over everything produced. */
  readonly idealOutputMs: number;
  readonly good: number;
  readonly scrap: number;
}

/** Fractions (1 = 100 %); null where the definition divides by zero. */
export interface OeeFigures {
  readonly availability: number | null;
  readonly performance: number | null;
  /** Performance above 100 %: the ideal cycle time is too long or quantities were booked outside run time. */
  readonly performanceAboveIdeal: boolean;
  readonly quality: number | null;
  readonly oee: number | null;
}

export interface OeePeriod {
  readonly plannedWindows: readonly Interval[];
  readonly plannedDowntime: readonly Interval[];
  readonly runs: readonly Interval[];
  readonly idealCycleMs: number;
  readonly good: number;
  readonly scrap: number;
}

export interface OeeResult extends OeeFigures {
  readonly plannedProductionMs: number;
  readonly runMs: number;
}

function requireNonNegative(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${field} must be a finite number ≥ 0, got ${value}`);
}

/**
 * ISO 22400 figures from durations and counts:
 * availability = run ÷ planned production time, performance = ideal output time ÷ run time,
 * quality = good ÷ (good + scrap), OEE = availability × performance × quality.
 *
 * Zero denominators give null, never NaN. OEE is null only when nothing was planned
 * (planned production time 0). Otherwise a stage that passes nothing on makes OEE 0 even though a
 * later factor is null: no run time (availability 0, performance null) or run time without any
 * quantity (performance 0, quality null).
 */
export function oeeFromTimes(times: OeeTimes): OeeFigures {
  const { plannedProductionMs, runMs, idealOutputMs, good, scrap } = times;
  requireNonNegative(plannedProductionMs, 'plannedProductionMs');
  requireNonNegative(runMs, 'runMs');
  requireNonNegative(idealOutputMs, 'idealOutputMs');
  requireNonNegative(good, 'good');
  requireNonNegative(scrap, 'scrap');
  if (runMs > plannedProductionMs) {
    throw new RangeError(`runMs (${runMs}) must not exceed plannedProductionMs (${plannedProductionMs})`);
  }

  const availability = plannedProductionMs > 0 ? runMs / plannedProductionMs : null;
  const performance = runMs > 0 ? idealOutputMs / runMs : null;
  const quality = good + scrap > 0 ? good / (good + scrap) : null;
  let oee: number | null;
  if (availability === null) oee = null;
  else if (availability === 0 || performance === 0 || quality === 0) oee = 0;
  else oee = availability * (performance as number) * (quality as number);
  return { availability, performance, performanceAboveIdeal: performance !== null && performance > 1, quality, oee };
}

/** Planned production time = shift windows minus the planned downtime inside them (normal form). */
export function plannedProductionTime(plannedWindows: readonly Interval[], plannedDowntime: readonly Interval[]): Interval[] {
  return subtract(plannedWindows, plannedDowntime);
}

/**
 * OEE of one period from time intervals. Overlapping windows and runs are merged; run time counts
 * only inside the planned production time, so breaks inside runs and runs outside shifts add nothing.
 */
export function computeOee(period: OeePeriod): OeeResult {
  requireNonNegative(period.idealCycleMs, 'idealCycleMs');
  requireNonNegative(period.good, 'good');
  requireNonNegative(period.scrap, 'scrap');
  const planned = plannedProductionTime(period.plannedWindows, period.plannedDowntime);
  const plannedProductionMs = totalDuration(planned);
  const runMs = totalDuration(intersect(normalize(period.runs), planned));
  const figures = oeeFromTimes({
    plannedProductionMs,
    runMs,
    idealOutputMs: period.idealCycleMs * (period.good + period.scrap),
    good: period.good,
    scrap: period.scrap,
  });
  return { plannedProductionMs, runMs, ...figures };
}
