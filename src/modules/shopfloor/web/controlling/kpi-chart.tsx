import EChartsReactCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { CHART_TOOLTIP, useChartFormat } from '../../../../web/components/chart-format';
import type { KpiRow } from './api';
import { echarts } from './echarts-setup';

export const KPI_COLORS = { availability: '#4dabf7', performance: '#f08c00', quality: '#37b24d', oee: '#1c5d99' } as const;
const FIGURES = ['availability', 'performance', 'quality', 'oee'] as const;

/**
 * Availability, performance, quality and OEE per row as grouped bars in percent; the dashed line
 * marks 100 %. A click on a bar group opens the bookings behind that row.
 */
export function KpiChart({ rows, labels, onSelect }: { rows: KpiRow[]; labels: string[]; onSelect: (index: number) => void }) {
  const { t } = useTranslation();
  const f = useChartFormat();
  // The top of the axis in steps of 50 %, so its labels fall on round numbers (0, 50, 100, 150, 200 %).
  const max = Math.max(100, ...rows.flatMap((r) => FIGURES.map((fig) => (r[fig] === null ? 0 : Math.ceil(((r[fig] as number) * 100) / 50) * 50))));
  const option = {
    animation: false,
    tooltip: {
      ...CHART_TOOLTIP,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number | null) => f.percent(v, 1),
    },
    legend: { bottom: 0, textStyle: { color: '#343a40' } },
    grid: { left: 48, right: 16, top: 16, bottom: labels.length > 10 ? 84 : 56 },
    xAxis: {
      type: 'category',
      data: labels,
      triggerEvent: true,
      axisLabel: { color: '#343a40', rotate: labels.length > 10 ? 45 : 0, interval: labels.length > 31 ? 'auto' : 0, hideOverlap: true },
      axisTick: { show: false },
    },
    yAxis: { type: 'value', min: 0, max, splitNumber: 4, axisLabel: { color: '#495057', formatter: (v: number) => f.percent(v, 0) } },
    series: FIGURES.map((fig, i) => ({
      name: t(`shopfloorControlling.figures.${fig}`),
      type: 'bar',
      data: rows.map((r) => (r[fig] === null ? null : Math.round((r[fig] as number) * 1000) / 10)),
      itemStyle: { color: KPI_COLORS[fig] },
      barMaxWidth: 28,
      cursor: 'pointer',
      ...(i === 0 ? { markLine: { silent: true, symbol: 'none', data: [{ yAxis: 100 }], lineStyle: { color: '#868e96', type: 'dashed' }, label: { show: false } } } : {}),
    })),
  };
  const onEvents = {
    click: (p: { componentType: string; dataIndex?: number; value?: string }) => {
      if (p.componentType === 'series' && p.dataIndex !== undefined) onSelect(p.dataIndex);
      else if (p.componentType === 'xAxis' && p.value !== undefined) onSelect(labels.indexOf(p.value));
    },
  };
  return (
    <EChartsReactCore
      echarts={echarts}
      option={option}
      opts={{ renderer: 'svg', locale: f.echartsLocale }}
      notMerge
      onEvents={onEvents}
      style={{ height: 340, width: '100%' }}
      role="img"
      aria-label={t('shopfloorControlling.chart.label')}
      data-testid="controlling-chart"
    />
  );
}
