import { type CsvCell, type DecimalMark, toCsv } from './domain/csv.js';
import type { SeriesAnswer } from './series.service.js';

export interface RowContext {
  orderNumber: string;
  operationName: string;
  phase: string;
}

/**
 * Raw samples: `time;value` and, with order context, `order;operation;phase`. Aggregates:
 * `bucket_start;count;min;avg;max;last`. Times in ISO 8601 UTC.
 */
export function seriesCsv(series: SeriesAnswer, decimal: DecimalMark, context?: (ts: string) => RowContext | undefined): string {
  if (series.resolution !== 'raw') {
    return toCsv(['bucket_start', 'count', 'min', 'avg', 'max', 'last'], series.buckets.map((b) => [b.ts, b.count, b.min, b.avg, b.max, b.last]), decimal);
  }
  if (!context) return toCsv(['time', 'value'], series.samples.map((s) => [s.ts, s.value]), decimal);
  return toCsv(['time', 'value', 'order', 'operation', 'phase'], series.samples.map((s): CsvCell[] => {
    const c = context(s.ts);
    return [s.ts, s.value, c?.orderNumber ?? null, c?.operationName ?? null, c?.phase ?? null];
  }), decimal);
}
