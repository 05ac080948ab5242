import type { SampleValue } from './payload.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** Summary of the numeric samples of one data point in one time bucket (UTC-aligned). */
export interface Aggregate {
  /** Start of the bucket, epoch milliseconds. */
  bucket: number;
  count: number;
  min: number;
  max: number;
  sum: number;
  avg: number;
  /** Value and time of the latest sample in the bucket. */
  last: number;
  lastTs: number;
}

/** Numbers as they are, booleans as 1/0 (so the average is the share of `true`), texts not at all. */
export function numericValue(value: SampleValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}

export const bucketOf = (ts: number, bucketMs: number) => Math.floor(ts / bucketMs) * bucketMs;

function mergeInto(into: Aggregate, part: Omit<Aggregate, 'bucket' | 'avg'>) {
  into.count += part.count;
  into.sum += part.sum;
  if (part.min < into.min) into.min = part.min;
  if (part.max > into.max) into.max = part.max;
  // The latest sample wins; on equal times the later input wins.
  if (part.lastTs >= into.lastTs) {
    into.last = part.last;
    into.lastTs = part.lastTs;
  }
}

function finish(buckets: Map<number, Aggregate>): Aggregate[] {
  return [...buckets.values()]
    .map((a) => ({ ...a, avg: Math.min(a.max, Math.max(a.min, a.sum / a.count)) }))
    .sort((a, b) => a.bucket - b.bucket);
}

/** Aggregates raw samples (any order) into buckets of `bucketMs` (e.g. 1 minute, 1 hour). */
export function downsample(samples: ReadonlyArray<{ ts: number; value: SampleValue }>, bucketMs: number): Aggregate[] {
  const buckets = new Map<number, Aggregate>();
  for (const { ts, value } of samples) {
    const x = numericValue(value);
    if (x === null) continue;
    const bucket = bucketOf(ts, bucketMs);
    const part = { count: 1, sum: x, min: x, max: x, last: x, lastTs: ts };
    const existing = buckets.get(bucket);
    if (existing) mergeInto(existing, part);
    else buckets.set(bucket, { bucket, avg: x, ...part });
  }
  return finish(buckets);
}

/**
 * Re-aggregates finer aggregates into coarser buckets (1-minute into 1-hour); `bucketMs` must
 * be a multiple of the finer bucket size. Count, min, max, sum and last equal those of
 * aggregating the raw samples directly.
 */
export function rollUp(aggregates: readonly Aggregate[], bucketMs: number): Aggregate[] {
  const buckets = new Map<number, Aggregate>();
  for (const a of aggregates) {
    const bucket = bucketOf(a.bucket, bucketMs);
    const existing = buckets.get(bucket);
    if (existing) mergeInto(existing, a);
    else buckets.set(bucket, { ...a, bucket });
  }
  return finish(buckets);
}
