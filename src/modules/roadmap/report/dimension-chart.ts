import type { ChartOption } from '../../../kernel/pdf/index.js';

export interface DimensionBar {
  name: string;
  score: number | null;
  previous: number | null;
}

/** Horizontal bars of the dimension scores (previous check in grey), for the PDF chart. */
export function dimensionChartOption(bars: DimensionBar[], labels: { current: string; previous: string | null }): ChartOption {
  const names = bars.map((b) => b.name).reverse();
  const series: object[] = [];
  if (labels.previous) {
    series.push({ name: labels.previous, type: 'bar', data: bars.map((b) => b.previous ?? 0).reverse(), itemStyle: { color: '#adb5bd' }, barGap: '10%' });
  }
  series.push({
    name: labels.current,
    type: 'bar',
    data: bars.map((b) => b.score ?? 0).reverse(),
    itemStyle: { color: '#1c5d99' },
    label: { show: true, position: 'right', color: '#212529', fontSize: 10, formatter: (p: { dataIndex: number }) => String(bars[bars.length - 1 - p.dataIndex]!.score ?? '–') },
  });
  return {
    legend: { bottom: 0, textStyle: { fontSize: 10, color: '#343a40' } },
    grid: { left: 150, right: 30, top: 8, bottom: 34 },
    xAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { fontSize: 9, color: '#495057' }, splitLine: { lineStyle: { color: '#dee2e6' } } },
    yAxis: { type: 'category', data: names, axisLabel: { fontSize: 10, color: '#212529' }, axisTick: { show: false } },
    series,
  };
}
