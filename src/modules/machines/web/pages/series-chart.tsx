import '../load-analytics-translations';
import { useElementSize } from '@mantine/hooks';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { CHART_TOOLTIP, useChartFormat } from '../../../../web/components/chart-format';
import { useFormat } from '../../../../web/i18n/format';
import type { Bucket, OrderSegment, Resolution } from '../analytics-api';
import type { Value } from '../api';
import { echarts } from '../echarts-setup';
import { labelledSegments } from './segment-labels';

const LINE = '#1c5d99';
const BAND = 'rgba(28, 93, 153, 0.18)';
const PHASE_COLOUR = { setup: 'rgba(230, 119, 0, 0.14)', running: 'rgba(47, 158, 68, 0.14)' } as const;

export interface SeriesChartProps {
  resolution: Resolution;
  samples: Array<{ ts: string; value: Value }>;
  buckets: Bucket[];
  segments?: Array<Pick<OrderSegment, 'start' | 'end' | 'phase'> & { label: string }>;
  unit: string;
  label: string;
  ariaLabel: string;
  height?: number;
  from?: string;
  to?: string;
}

/** Room the y-axis labels and the grid's margins take from the container's width, in pixels. */
const AXIS_ROOM = 80;

const numeric = (v: Value) => (typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'number' ? v : null);

/**
 * A data point over time: raw samples as a line; aggregates as their average with a band from min
 * to max; production orders as shaded areas (setup orange, production green) labelled with their number.
 */
export function SeriesChart({ resolution, samples, buckets, segments = [], unit, label, ariaLabel, height = 320, from, to }: SeriesChartProps) {
  const { t } = useTranslation();
  const { dateTime, number } = useFormat();
  const f = useChartFormat();
  const { ref, width } = useElementSize();
  const plotWidth = Math.max(0, width - AXIS_ROOM);
  const times = [...samples.map((s) => s.ts), ...buckets.map((b) => b.ts)].map(Date.parse);
  const range = { from: from ? Date.parse(from) : Math.min(...times), to: to ? Date.parse(to) : Math.max(...times) };
  const shown = labelledSegments(segments, range, plotWidth);
  const markArea = segments.length === 0 ? undefined : {
    silent: true,
    label: { show: true, position: 'insideTop', color: '#333', fontSize: 11 },
    data: segments.map((s, i) => [
      { xAxis: s.start, name: s.label, itemStyle: { color: PHASE_COLOUR[s.phase] }, label: { show: shown[i] } },
      { xAxis: s.end },
    ]),
  };
  const fmt = (x: number) => `${number(x, Math.abs(x) < 10 ? 2 : 1)}${unit ? ` ${unit}` : ''}`;
  const series = resolution === 'raw'
    ? [{ name: label, type: 'line', showSymbol: samples.length < 50, data: samples.map((s) => [s.ts, numeric(s.value)]).filter((p) => p[1] !== null),
        lineStyle: { width: 2, color: LINE }, itemStyle: { color: LINE }, markArea }]
    : [
        { name: 'min', type: 'line', stack: 'band', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, data: buckets.map((b) => [b.ts, b.min]), tooltip: { show: false } },
        { name: 'band', type: 'line', stack: 'band', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: BAND }, data: buckets.map((b) => [b.ts, b.max - b.min]), tooltip: { show: false } },
        { name: label, type: 'line', showSymbol: buckets.length < 50, data: buckets.map((b) => [b.ts, b.avg]), lineStyle: { width: 2, color: LINE }, itemStyle: { color: LINE }, markArea },
      ];
  const byTs = new Map(buckets.map((b) => [b.ts, b]));
  const option = {
    animation: false,
    grid: { left: 12, right: 24, top: segments.length > 0 ? 28 : 24, bottom: 12, containLabel: true },
    tooltip: {
      ...CHART_TOOLTIP,
      trigger: 'axis',
      formatter: (params: Array<{ axisValue: number | string; data: [string, number] }>) => {
        const p = params.find((x) => x.data) ?? params[0];
        if (!p) return '';
        const ts = p.data[0];
        const b = byTs.get(ts);
        const head = dateTime(ts);
        if (resolution === 'raw' || !b) return `${head}\n${fmt(p.data[1])}`;
        return [head, `${t('machinesAnalytics.chart.avg')}: ${fmt(b.avg)}`, `${t('machinesAnalytics.chart.min')}: ${fmt(b.min)}`, `${t('machinesAnalytics.chart.max')}: ${fmt(b.max)}`, t('machinesAnalytics.chart.count', { count: b.count })].join('\n');
      },
    },
    xAxis: {
      type: 'time',
      min: from,
      max: to,
      splitNumber: Math.max(2, Math.min(8, Math.floor(plotWidth / 110))),
      axisLabel: { formatter: (v: number) => f.timeLabel(v, range.to - range.from), hideOverlap: true },
    },
    yAxis: { type: 'value', scale: true, name: unit, splitNumber: 4, axisLabel: { formatter: (v: number) => f.number(v, 4), hideOverlap: true } },
    series,
  };
  return (
    <div ref={ref}>
      <EChartsReactCore echarts={echarts} option={option} opts={{ renderer: 'svg', locale: f.echartsLocale }} notMerge style={{ height, width: '100%' }} role="img" aria-label={ariaLabel} />
    </div>
  );
}
