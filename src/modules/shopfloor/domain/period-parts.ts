import { DateTime } from 'luxon';
import type { Interval } from './intervals';

/** A piece of the period (a local day or month, a shift) and the instants that belong to it. */
export interface Part<K> {
  key: K;
  set: Interval[];
}

/** The local days or months of the period, clipped to it, in time order. */
export function localSpans(period: Interval, unit: 'day' | 'month', timeZone: string): Part<string>[] {
  const parts: Part<string>[] = [];
  let cursor = DateTime.fromMillis(period.start, { zone: timeZone }).startOf(unit);
  while (cursor.toMillis() < period.end) {
    const next = cursor.plus(unit === 'day' ? { days: 1 } : { months: 1 });
    const start = Math.max(cursor.toMillis(), period.start);
    const end = Math.min(next.toMillis(), period.end);
    if (end > start) parts.push({ key: cursor.toFormat(unit === 'day' ? 'yyyy-MM-dd' : 'yyyy-MM'), set: [{ start, end }] });
    cursor = next;
  }
  return parts;
}

/** For consecutive single-interval parts in time order (binary search). */
export function findSpan<K>(parts: Part<K>[], instant: number): Part<K> | undefined {
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (parts[mid].set[0].end <= instant) lo = mid + 1;
    else hi = mid;
  }
  const part = parts[lo];
  return part && part.set[0].start <= instant ? part : undefined;
}
