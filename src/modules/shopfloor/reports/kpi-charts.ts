import type { ChartOption } from '../../../kernel/pdf/index.js';

export interface ChartSeries {
  name: string;
  /** Fractions; null where the figure is empty. */
  values: Array<number | null>;
  color: string;
  type: 'bar' | 'line';
}

/**
 * Bars or lines of KPI fractions in percent over categories (days, work centres), for the PDF chart;
 * `axisLabel` writes the percent axis in the report's language (echarts alone writes "1,330 %").
 */
export function kpiChartOption(categories: string[], series: ChartSeries[], labelRotate = 0, axisLabel: (points: number) => string = (v) => `${v} %`): ChartOption {
  const max = Math.max(100, ...series.flatMap((s) => s.values.map((v) => (v === null ? 0 : Math.ceil(v * 10) * 10))));
  return {
    legend: { bottom: 0, textStyle: { fontSize: 9, color: '#343a40' }, itemWidth: 12, itemHeight: 8 },
    grid: { left: 40, right: 12, top: 12, bottom: labelRotate ? 62 : 42 },
    xAxis: { type: 'category', data: categories, axisLabel: { fontSize: 8, color: '#495057', rotate: labelRotate, interval: 0 }, axisTick: { show: false } },
    yAxis: { type: 'value', min: 0, max, axisLabel: { fontSize: 8, color: '#495057', formatter: axisLabel }, splitLine: { lineStyle: { color: '#dee2e6' } } },
    series: series.map((s, i) => ({
      name: s.name,
      type: s.type,
      data: s.values.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
      itemStyle: { color: s.color },
      lineStyle: s.type === 'line' ? { width: 1.5, color: s.color } : undefined,
      symbolSize: 3,
      connectNulls: false,
      barGap: '8%',
      // the 100 % line shows performance above the ideal at a glance
      ...(i === 0 ? { markLine: { silent: true, symbol: 'none', data: [{ yAxis: 100 }], lineStyle: { color: '#868e96', type: 'dashed', width: 0.8 }, label: { show: false } } } : {}),
    })),
  };
}

export const KPI_COLORS = { availability: '#74c0fc', performance: '#ffa94d', quality: '#8ce99a', oee: '#1c5d99' };
