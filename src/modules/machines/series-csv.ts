import { type Cell, type CsvFormat, type Table, toCsv } from '../../kernel/tabular/index.js';
import type { SeriesAnswer } from './series.service.js';

export type DecimalMark = 'comma' | 'point';

export interface RowContext {
  orderNumber: string;
  operationName: string;
  phase: string;
}

/**
 * Raw samples: `time;value` and, with order context, `order;operation;phase`. Aggregates:
 * `bucket_start;count;min;avg;max;last`. Times in ISO 8601 UTC.
 */
export function seriesTable(series: SeriesAnswer, context?: (ts: string) => RowContext | undefined): Table {
  if (series.resolution !== 'raw') {
    return { header: ['bucket_start', 'count', 'min', 'avg', 'max', 'last'], rows: series.buckets.map((b) => [b.ts, b.count, b.min, b.avg, b.max, b.last]) };
  }
  if (!context) return { header: ['time', 'value'], rows: series.samples.map((s) => [s.ts, s.value]) };
  return {
    header: ['time', 'value', 'order', 'operation', 'phase'],
    rows: series.samples.map((s): Cell[] => {
      const c = context(s.ts);
      return [s.ts, s.value, c?.orderNumber ?? null, c?.operationName ?? null, c?.phase ?? null];
    }),
  };
}

/** As German spreadsheet programs open it by double click: ";" between fields always, the decimal mark chosen. */
export function seriesCsv(series: SeriesAnswer, decimal: DecimalMark, context?: (ts: string) => RowContext | undefined): string {
  const format: CsvFormat = { separator: ';', locale: decimal === 'comma' ? 'de' : 'en' };
  return toCsv(seriesTable(series, context), format);
}
