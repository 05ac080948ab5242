/**
 * Half-open time intervals [start, end) in epoch milliseconds.
 *
 * A "set" of intervals is any array; the functions below return it in normal form:
 * sorted by start, non-empty, pairwise disjoint and non-adjacent ([a, b) and [b, c) become [a, c)).
 * Empty intervals (start = end) are dropped; end < start or non-finite bounds throw a RangeError.
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

function check(interval: Interval): void {
  if (!Number.isFinite(interval.start) || !Number.isFinite(interval.end)) {
    throw new RangeError(`interval bounds must be finite numbers (start ${interval.start}, end ${interval.end})`);
  }
  if (interval.end < interval.start) {
    throw new RangeError(`interval end ${interval.end} is before its start ${interval.start}`);
  }
}

/** Sorts and merges overlapping or touching intervals; drops empty ones. */
export function normalize(intervals: readonly Interval[]): Interval[] {
  for (const interval of intervals) check(interval);
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last.end) {
      if (end > last.end) out[out.length - 1] = { start: last.start, end };
    } else {
      out.push({ start, end });
    }
  }
  return out;
}

export function union(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  return normalize([...a, ...b]);
}

export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = normalize(a);
  const y = normalize(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const start = Math.max(x[i].start, y[j].start);
    const end = Math.min(x[i].end, y[j].end);
    if (start < end) out.push({ start, end });
    if (x[i].end < y[j].end) i++;
    else j++;
  }
  return out;
}

/** a \ b: the time in a that is not in b. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = normalize(a);
  const y = normalize(b);
  const out: Interval[] = [];
  let j = 0;
  for (const interval of x) {
    let cursor = interval.start;
    while (j < y.length && y[j].end <= cursor) j++;
    let k = j;
    while (k < y.length && y[k].start < interval.end) {
      if (y[k].start > cursor) out.push({ start: cursor, end: y[k].start });
      cursor = Math.max(cursor, y[k].end);
      k++;
    }
    if (cursor < interval.end) out.push({ start: cursor, end: interval.end });
  }
  return out;
}

/** Total covered time in ms; overlapping parts count once. */
export function totalDuration(intervals: readonly Interval[]): number {
  return normalize(intervals).reduce((sum, i) => sum + (i.end - i.start), 0);
}

/** The parts of the intervals that lie inside the window. */
export function clip(intervals: readonly Interval[], window: Interval): Interval[] {
  return intersect(intervals, [window]);
}

function firstEndingAfter(normalised: readonly Interval[], instant: number): number {
  let lo = 0;
  let hi = normalised.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (normalised[mid].end <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** clip() for a set already in normal form, in O(log n + k). */
export function clipNormalised(normalised: readonly Interval[], window: Interval): Interval[] {
  const out: Interval[] = [];
  for (let k = firstEndingAfter(normalised, window.start); k < normalised.length && normalised[k].start < window.end; k++) {
    const start = Math.max(normalised[k].start, window.start);
    const end = Math.min(normalised[k].end, window.end);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/**
 * Duration of the part of a normalised set inside the window, in O(log n + k).
 * The caller guarantees `normalised` is in normal form (the output of one of the functions above).
 */
export function durationWithin(normalised: readonly Interval[], window: Interval): number {
  let sum = 0;
  for (let k = firstEndingAfter(normalised, window.start); k < normalised.length && normalised[k].start < window.end; k++) {
    sum += Math.min(normalised[k].end, window.end) - Math.max(normalised[k].start, window.start);
  }
  return sum;
}

/** Whether the instant lies in one of the intervals of a normalised set (binary search). */
export function containsInstant(normalised: readonly Interval[], instant: number): boolean {
  const k = firstEndingAfter(normalised, instant);
  return k < normalised.length && normalised[k].start <= instant;
}
