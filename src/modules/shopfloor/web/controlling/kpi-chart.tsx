import EChartsReactCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
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
  const { number } = useFormat();
  const max = Math.max(100, ...rows.flatMap((r) => FIGURES.map((f) => (r[f] === null ? 0 : Math.ceil((r[f] as number) * 10) * 10))));
  const option = {
    animation: false,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number | null) => (v === null || v === undefined ? '–' : `${number(v, 1)} %`),
    },
    legend: { bottom: 0, textStyle: { color: '#343a40' } },
    grid: { left: 48, right: 16, top: 16, bottom: labels.length > 10 ? 84 : 56 },
    xAxis: {
      type: 'category',
      data: labels,
      triggerEvent: true,
      axisLabel: { color: '#343a40', rotate: labels.length > 10 ? 45 : 0, interval: labels.length > 31 ? 'auto' : 0 },
      axisTick: { show: false },
    },
    yAxis: { type: 'value', min: 0, max, axisLabel: { color: '#495057', formatter: '{value} %' } },
    series: FIGURES.map((f, i) => ({
      name: t(`shopfloorControlling.figures.${f}`),
      type: 'bar',
      data: rows.map((r) => (r[f] === null ? null : Math.round((r[f] as number) * 1000) / 10)),
      itemStyle: { color: KPI_COLORS[f] },
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
      opts={{ renderer: 'svg' }}
      notMerge
      onEvents={onEvents}
      style={{ height: 340, width: '100%' }}
      role="img"
      aria-label={t('shopfloorControlling.chart.label')}
      data-testid="controlling-chart"
    />
  );
}
