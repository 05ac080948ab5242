import { registerLocale } from 'echarts/core';
import * as langDE from 'echarts/i18n/langDE-obj.js';
import { useMemo } from 'react';
import { useFormat } from '../i18n/format';

// echarts ships English built in; German month and day names come from its own locale file.
registerLocale('DE', { ...langDE } as Parameters<typeof registerLocale>[1]);

/** Formatters for echarts' axis labels, tooltips and value labels in the UI language. */
export interface ChartFormat {
  /** Passed to echarts' init options (`opts.locale`): month and day names of time axes. */
  echartsLocale: 'DE' | 'EN';
  /** A value with grouping and up to `maxDigits` decimals: "1.330,5" / "1,330.5". */
  number: (value: number | null | undefined, maxDigits?: number) => string;
  /** A value given in percent points (75.3 means 75.3 %): "1.330 %" / "1,330%". */
  percent: (points: number | null | undefined, maxDigits?: number) => string;
  /**
   * A time-axis tick: the day ("7. Dez." / "7 Dec") at midnight, else the time of day ("14:00");
   * on axes spanning more than 90 days (`spanMs`) the month and year ("Dez. 2026" / "Dec 2026").
   */
  timeLabel: (value: number, spanMs?: number) => string;
}

const MISSING = '–';

/**
 * Tooltip base for every chart: drawn as rich text inside the chart, because echarts' HTML
 * tooltips carry inline style attributes that the Content-Security-Policy (style-src without
 * 'unsafe-inline') blocks. Tooltip formatters return plain text with "\n" between lines.
 */
export const CHART_TOOLTIP = { renderMode: 'richText', confine: true } as const;

/** The formatters for a BCP 47 locale ("de-DE", "en-GB"); pure, so they can be tested on their own. */
export function chartFormat(locale: string): ChartFormat {
  const numbers = new Map<number, Intl.NumberFormat>();
  const percents = new Map<number, Intl.NumberFormat>();
  const cached = (cache: Map<number, Intl.NumberFormat>, digits: number, style: 'decimal' | 'percent') => {
    let f = cache.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(locale, { style, maximumFractionDigits: digits });
      cache.set(digits, f);
    }
    return f;
  };
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return {
    echartsLocale: locale.toLowerCase().startsWith('de') ? 'DE' : 'EN',
    number: (value, maxDigits = 2) => (value === null || value === undefined || !Number.isFinite(value) ? MISSING : cached(numbers, maxDigits, 'decimal').format(value)),
    percent: (points, maxDigits = 1) => (points === null || points === undefined || !Number.isFinite(points) ? MISSING : cached(percents, maxDigits, 'percent').format(points / 100)),
    timeLabel: (value, spanMs = 0) => {
      const d = new Date(value);
      if (spanMs > 90 * 86_400_000) return month.format(d);
      return d.getHours() === 0 && d.getMinutes() === 0 ? day.format(d) : time.format(d);
    },
  };
}

/** Chart formatters in the current UI language. */
export function useChartFormat(): ChartFormat {
  const { locale } = useFormat();
  return useMemo(() => chartFormat(locale), [locale]);
}
