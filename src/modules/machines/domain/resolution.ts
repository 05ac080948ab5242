import { HOUR_MS, MINUTE_MS } from './downsample.js';

export type Resolution = 'raw' | '1m' | '1h';
export type RequestedResolution = Resolution | 'auto';

/** About this many points make a readable chart; more only cost time. */
export const TARGET_POINTS = 2000;

export interface ResolutionFacts {
  from: number;
  to: number;
  /** Raw samples in the range, counted up to TARGET_POINTS + 1 (only needed for `auto`). */
  rawCount?: number;
  /** Before these instants raw samples / 1-minute aggregates of the point are gone. */
  rawKeptFrom: number;
  minuteKeptFrom: number;
}

export interface ResolutionChoice {
  resolution: Resolution;
  /** A finer resolution was asked for, but its data for the range is gone. */
  fellBack: boolean;
}

const bucketMs: Record<Exclude<Resolution, 'raw'>, number> = { '1m': MINUTE_MS, '1h': HOUR_MS };

/** The finest aggregate that still holds the whole range and gives at most TARGET_POINTS buckets. */
function aggregateFor(f: ResolutionFacts): Exclude<Resolution, 'raw'> {
  const minuteBuckets = Math.ceil((f.to - f.from) / bucketMs['1m']);
  return f.from >= f.minuteKeptFrom && minuteBuckets <= TARGET_POINTS ? '1m' : '1h';
}

/**
 * - `auto`: raw while the range holds at most TARGET_POINTS raw samples (and raw data of the whole
 *   range is kept), otherwise 1-minute aggregates for ranges up to TARGET_POINTS minutes (≈ 33 h),
 *   otherwise 1-hour aggregates (≈ 83 days give 2000 points; longer ranges give more, one per hour).
 * - an explicit resolution is honoured while its data of the whole range is kept; otherwise the
 *   next coarser level that holds it is used and `fellBack` is set.
 */
export function chooseResolution(requested: RequestedResolution, f: ResolutionFacts): ResolutionChoice {
  const rawKept = f.from >= f.rawKeptFrom;
  const minuteKept = f.from >= f.minuteKeptFrom;
  switch (requested) {
    case 'auto':
      if (rawKept && (f.rawCount ?? Number.POSITIVE_INFINITY) <= TARGET_POINTS) return { resolution: 'raw', fellBack: false };
      return { resolution: aggregateFor(f), fellBack: false };
    case 'raw':
      return rawKept ? { resolution: 'raw', fellBack: false } : { resolution: minuteKept ? '1m' : '1h', fellBack: true };
    case '1m':
      return minuteKept ? { resolution: '1m', fellBack: false } : { resolution: '1h', fellBack: true };
    case '1h':
      return { resolution: '1h', fellBack: false };
  }
}
