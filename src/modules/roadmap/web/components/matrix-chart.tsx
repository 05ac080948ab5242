import EChartsReactCore from 'echarts-for-react/esm/core';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { CHART_TOOLTIP, useChartFormat } from '../../../../web/components/chart-format';
import { useFormat } from '../../../../web/i18n/format';
import type { SuggestionView } from '../api';

echarts.use([ScatterChart, GridComponent, MarkAreaComponent, TooltipComponent, LabelLayout, SVGRenderer]);

const LEVELS = ['low', 'medium', 'high'] as const;
const LEVEL_POS = { low: 1, medium: 2, high: 3 } as const;
const DOT = '#1c5d99';

/**
 * Effort to the right, benefit upwards; measures of the same cell are spread a little so they stay
 * visible. Each dot carries its number from the list below the chart; its title stands beside it
 * where there is room (overlapping titles are hidden) and in the tooltip.
 */
export function MatrixChart({ suggestions, describedBy }: { suggestions: SuggestionView[]; describedBy?: string }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const f = useChartFormat();
  const seen = new Map<string, number>();
  const data = suggestions.map((s, i) => {
    const cell = `${s.effort}-${s.benefit}`;
    const k = seen.get(cell) ?? 0;
    seen.set(cell, k + 1);
    const dx = ((k % 5) - 2) * 0.12;
    const dy = (Math.floor(k / 5) % 5 - 2) * 0.12;
    return {
      value: [LEVEL_POS[s.effort] + dx, LEVEL_POS[s.benefit] + dy],
      name: `${i + 1}. ${localized(s.title)}`,
      n: i + 1,
      details: `${t('roadmap.matrix.effort')}: ${t(`roadmap.level.${s.effort}`)} · ${t('roadmap.matrix.benefit')}: ${t(`roadmap.level.${s.benefit}`)} · ${t(`roadmap.quadrant.${s.quadrant}`)}`,
    };
  });
  const area = (name: string, from: [number, number], to: [number, number], color: string) => [
    { name, xAxis: from[0], yAxis: from[1], itemStyle: { color }, label: { color: '#343a40', fontSize: 13, fontWeight: 'bold' as const } },
    { xAxis: to[0], yAxis: to[1] },
  ];
  const levelAxis = (name: string, nameGap: number) => ({
    type: 'value',
    min: 0.5,
    max: 3.5,
    interval: 1,
    name,
    nameLocation: 'middle',
    nameGap,
    nameTextStyle: { color: '#343a40', fontSize: 13, fontWeight: 'bold' as const },
    axisTick: { customValues: [1, 2, 3] },
    axisLabel: { customValues: [1, 2, 3], color: '#495057', formatter: (v: number) => t(`roadmap.level.${LEVELS[Math.round(v) - 1] ?? 'medium'}`) },
  });
  const option = {
    animation: false,
    tooltip: {
      ...CHART_TOOLTIP,
      trigger: 'item',
      formatter: (p: { data?: { name: string; details: string } }) => (p.data ? `${p.data.name}\n${p.data.details}` : ''),
    },
    grid: { left: 72, right: 24, top: 20, bottom: 56 },
    xAxis: levelAxis(t('roadmap.matrix.effortAxis'), 32),
    yAxis: levelAxis(t('roadmap.matrix.benefitAxis'), 54),
    series: [
      {
        // Titles beside the dots where they fit; drawn first so the numbered dots stay on top.
        type: 'scatter',
        silent: true,
        symbolSize: 18,
        itemStyle: { opacity: 0 },
        tooltip: { show: false },
        data: data.map((d) => ({ value: d.value, name: d.name })),
        label: { show: true, position: 'right', distance: 6, formatter: '{b}', color: '#343a40', fontSize: 11, width: 150, overflow: 'truncate' },
        labelLayout: { hideOverlap: true },
      },
      {
        type: 'scatter',
        symbolSize: 18,
        itemStyle: { color: DOT, opacity: 0.92 },
        data,
        label: { show: true, position: 'inside', color: '#ffffff', fontSize: 10, fontWeight: 'bold' as const, formatter: (p: { data: { n: number } }) => f.number(p.data.n, 0) },
        markArea: {
          silent: true,
          label: { position: 'insideTopLeft' },
          data: [
            area(t('roadmap.quadrant.quickWin'), [0.5, 1.5], [1.5, 3.5], 'rgba(43,138,62,0.10)'),
            area(t('roadmap.quadrant.bigBet'), [1.5, 1.5], [3.5, 3.5], 'rgba(28,93,153,0.10)'),
            area(t('roadmap.quadrant.fillIn'), [0.5, 0.5], [1.5, 1.5], 'rgba(134,142,150,0.10)'),
            area(t('roadmap.quadrant.questionable'), [1.5, 0.5], [3.5, 1.5], 'rgba(201,42,42,0.08)'),
          ],
        },
      },
    ],
  };
  return (
    <EChartsReactCore
      echarts={echarts}
      option={option}
      opts={{ renderer: 'svg', locale: f.echartsLocale }}
      notMerge
      style={{ height: 460, width: '100%' }}
      role="img"
      aria-label={t('roadmap.matrix.chartLabel')}
      aria-describedby={describedBy}
      data-testid="matrix-chart"
    />
  );
}
