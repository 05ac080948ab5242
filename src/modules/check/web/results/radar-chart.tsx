import EChartsReactCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { CHART_TOOLTIP, useChartFormat } from '../../../../web/components/chart-format';
import { useFormat } from '../../../../web/i18n/format';
import type { Localized } from '../../domain/questionnaire-schema';
import { CHART_COLORS, echarts, wrapLabel } from './echarts-setup';

export interface RadarSeries {
  name: string;
  values: Array<number | null>;
  kind: 'firm' | 'previous' | 'peers';
}

/** The nine dimensions as a radar; missing scores leave a gap instead of pretending zero. */
export function RadarChart({ dimensions, series }: { dimensions: Localized[]; series: RadarSeries[] }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const f = useChartFormat();
  const style = (kind: RadarSeries['kind']) => {
    const color = CHART_COLORS[kind];
    return kind === 'firm'
      ? { itemStyle: { color }, lineStyle: { color, width: 3 }, areaStyle: { color, opacity: 0.22 }, symbolSize: 7 }
      : { itemStyle: { color }, lineStyle: { color, width: 2, type: 'dashed' }, symbolSize: 4 };
  };
  const option = {
    animation: false,
    legend: { bottom: 0, textStyle: { color: CHART_COLORS.text, fontSize: 13 }, data: series.map((s) => s.name) },
    tooltip: { ...CHART_TOOLTIP, trigger: 'item', valueFormatter: (v: number | string) => (typeof v === 'number' ? f.number(v, 0) : '–') },
    radar: {
      indicator: dimensions.map((d) => ({ name: wrapLabel(localized(d), 14), max: 100 })),
      radius: '58%',
      center: ['50%', '47%'],
      splitNumber: 5,
      axisName: { color: CHART_COLORS.text, fontSize: 12, lineHeight: 15 },
      splitArea: { areaStyle: { color: ['#f8f9fa', '#ffffff'] } },
    },
    series: [
      {
        type: 'radar',
        data: series.map((s) => ({ name: s.name, value: s.values.map((v) => (v === null ? '-' : v)), ...style(s.kind) })),
      },
    ],
  };
  return (
    <EChartsReactCore
      echarts={echarts}
      option={option}
      opts={{ renderer: 'svg', locale: f.echartsLocale }}
      notMerge
      style={{ height: 440, width: '100%' }}
      role="img"
      aria-label={t('check.results.chartLabel')}
      data-testid="radar-chart"
    />
  );
}
