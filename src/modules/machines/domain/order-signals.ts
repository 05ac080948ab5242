import type { AlarmRule } from './alarm-rules.js';

/**
 * Machine signals during an operation, from minute aggregates: min / mean / max of a data point
 * over the operation's phases and the time its value lay outside the limits of its threshold
 * rules. Pure; the service reads the buckets and rules.
 */
export const MINUTE_MS = 60_000;

/** A time span [start, end), epoch ms. */
export interface Span {
  start: number;
  end: number;
}

/** One minute aggregate of a data point (bucket = start of the minute, UTC). */
export interface MinuteAggregate {
  bucket: number;
  count: number;
  min: number;
  max: number;
  sum: number;
}

/** The limits of a data point: a value above `high` or below `low` is outside; null = no limit on that side. */
export interface PointLimits {
  low: number | null;
  high: number | null;
}

export interface SignalSummary {
  /** samples counted */
  count: number;
  min: number;
  mean: number;
  max: number;
  /** time inside the spans in minutes whose values crossed a limit, ms */
  outsideMs: number;
}

/**
 * The limits of a point from its enabled threshold rules: the tightest high limit and the tightest
 * low limit. Rate-of-change and no-data rules set no limit on the value.
 */
export function limitsOfRules(rules: readonly AlarmRule[]): PointLimits {
  let low: number | null = null;
  let high: number | null = null;
  for (const r of rules) {
    if (r.kind !== 'threshold') continue;
    if (r.direction === 'high') high = high === null ? r.limit : Math.min(high, r.limit);
    else low = low === null ? r.limit : Math.max(low, r.limit);
  }
  return { low, high };
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Whether a minute's values crossed a limit: its maximum above the high limit or its minimum below the low one. */
export const crossesLimits = (m: Pick<MinuteAggregate, 'min' | 'max'>, limits: PointLimits) =>
  (limits.high !== null && m.max > limits.high) || (limits.low !== null && m.min < limits.low);

/**
 * The summary of one data point over disjoint spans. Every minute that overlaps a span counts
 * whole for min, mean and max (aggregates are per minute: the first and last minute of a phase
 * may hold a few samples from just before or after it); time outside the limits counts only the
 * part of such a minute that lies inside a span. Null when no minute overlaps.
 */
export function summariseSignal(minutes: readonly MinuteAggregate[], spans: readonly Span[], limits: PointLimits): SignalSummary | null {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let outsideMs = 0;
  const seen = new Set<number>();
  for (const m of minutes) {
    if (seen.has(m.bucket) || m.count <= 0) continue;
    const minute = { start: m.bucket, end: m.bucket + MINUTE_MS };
    const inside = spans.reduce((total, s) => total + overlap(minute, s), 0);
    if (inside === 0) continue;
    seen.add(m.bucket);
    count += m.count;
    sum += m.sum;
    min = Math.min(min, m.min);
    max = Math.max(max, m.max);
    if (crossesLimits(m, limits)) outsideMs += inside;
  }
  if (count === 0) return null;
  // the mean of floating-point sums can stray a hair beyond the extremes
  return { count, min, max, mean: Math.min(max, Math.max(min, sum / count)), outsideMs };
}

/** Whether an alarm [raisedAt, clearedAt or still open) overlaps any of the spans. */
export function alarmDuring(alarm: { raisedAt: number; clearedAt: number | null }, spans: readonly Span[], now: number): boolean {
  const period = { start: alarm.raisedAt, end: alarm.clearedAt ?? Math.max(now, alarm.raisedAt + 1) };
  return spans.some((s) => (period.end === period.start ? s.start <= period.start && period.start < s.end : overlap(period, s) > 0));
}
