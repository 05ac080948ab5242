import EChartsReactCore from 'echarts-for-react/esm/core';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { SuggestionView } from '../api';

echarts.use([ScatterChart, GridComponent, MarkAreaComponent, TooltipComponent, SVGRenderer]);

const LEVEL_POS = { low: 1, medium: 2, high: 3 } as const;

/** Effort to the right, benefit upwards; measures of the same cell are spread a little so they stay visible. */
export function MatrixChart({ suggestions }: { suggestions: SuggestionView[] }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const seen = new Map<string, number>();
  const data = suggestions.map((s, i) => {
    const cell = `${s.effort}-${s.benefit}`;
    const k = seen.get(cell) ?? 0;
    seen.set(cell, k + 1);
    const dx = ((k % 5) - 2) * 0.12;
    const dy = (Math.floor(k / 5) % 5 - 2) * 0.12;
    return { value: [LEVEL_POS[s.effort] + dx, LEVEL_POS[s.benefit] + dy], name: `${i + 1}. ${localized(s.title)}` };
  });
  const area = (name: string, from: [number, number], to: [number, number], color: string) => [
    { name, xAxis: from[0], yAxis: from[1], itemStyle: { color }, label: { color: '#343a40', fontSize: 13, fontWeight: 'bold' as const } },
    { xAxis: to[0], yAxis: to[1] },
  ];
  const option = {
    animation: false,
    tooltip: { trigger: 'item', formatter: (p: { name: string }) => p.name },
    grid: { left: 60, right: 20, top: 20, bottom: 50 },
    xAxis: { type: 'value', min: 0.5, max: 3.5, name: t('roadmap.matrix.effort'), nameLocation: 'middle', nameGap: 30, interval: 1, axisLabel: { formatter: (v: number) => (['', 'low', 'medium', 'high'][v] ? t(`roadmap.level.${['', 'low', 'medium', 'high'][v]}`) : '') } },
    yAxis: { type: 'value', min: 0.5, max: 3.5, name: t('roadmap.matrix.benefit'), nameLocation: 'middle', nameGap: 45, interval: 1, axisLabel: { formatter: (v: number) => (['', 'low', 'medium', 'high'][v] ? t(`roadmap.level.${['', 'low', 'medium', 'high'][v]}`) : '') } },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        itemStyle: { color: '#1c5d99', opacity: 0.85 },
        data,
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
  return <EChartsReactCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} notMerge style={{ height: 460, width: '100%' }} role="img" aria-label={t('roadmap.matrix.chartLabel')} data-testid="matrix-chart" />;
}
