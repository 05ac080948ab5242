import { Card, Text, Title } from '@mantine/core';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { useChartFormat } from '../../../../web/components/chart-format';
import { useFormat } from '../../../../web/i18n/format';
import type { BenchmarkComparison } from '../../domain/benchmarks';
import { CHART_COLORS, echarts } from './echarts-setup';
import { useBenchmarkText } from './use-benchmark-text';

/** A study distribution as horizontal bars, with the firm's own category highlighted. */
interface Props {
  comparison: BenchmarkComparison;
  categoryLabel: (category: string) => string;
  /** Overrides how the firm's value is put in words. */
  firmText?: string;
}

export function DistributionChart({ comparison: c, categoryLabel, firmText }: Props) {
  const { t } = useTranslation();
  const { percent, localized } = useFormat();
  const f = useChartFormat();
  const text = useBenchmarkText();
  const title = localized(c.label);
  const firm = firmText ?? text.firmValue(c);
  const rows = [...(c.distribution ?? [])].reverse();
  const own = (category: string) => c.figureId !== null && c.figureId.endsWith(`.${category}`);
  const option = {
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, show: false },
    yAxis: {
      type: 'category',
      data: rows.map((d) => (own(d.category) ? `${categoryLabel(d.category)} (${t('check.results.firmYou')})` : categoryLabel(d.category))),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: CHART_COLORS.text, fontSize: 13 },
    },
    series: [
      {
        type: 'bar',
        barWidth: 28,
        data: rows.map((d) => ({ value: d.value, itemStyle: { color: own(d.category) ? CHART_COLORS.firm : CHART_COLORS.muted, borderRadius: 4 } })),
        label: { show: true, position: 'right', color: CHART_COLORS.text, fontSize: 13, formatter: (p: { value: number }) => percent(p.value / 100) },
      },
    ],
  };
  const summary = t('check.results.benchChartLabel', { title, firm });
  return (
    <Card withBorder padding="md" data-testid={`distribution-${c.id}`}>
      <Title order={4} size="h5" mb={4}>{title}</Title>
      <Text size="sm" mb="xs">{t('check.results.firmYou')}: <Text span fw={700} size="sm">{firm}</Text></Text>
      <EChartsReactCore
        echarts={echarts}
        option={option}
        opts={{ renderer: 'svg', locale: f.echartsLocale }}
        notMerge
        style={{ height: 32 + rows.length * 48, width: '100%' }}
        role="img"
        aria-label={`${summary} ${(c.distribution ?? []).map((d) => `${categoryLabel(d.category)}: ${percent(d.value / 100)}`).join(', ')}`}
      />
      <Text size="xs" c="dimmed" mt="xs">{text.source(c)}</Text>
    </Card>
  );
}
