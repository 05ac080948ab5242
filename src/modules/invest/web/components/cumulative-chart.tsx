import { Card, ScrollArea, Table, Text, Title } from '@mantine/core';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { CHART_TOOLTIP, useChartFormat } from '../../../../web/components/chart-format';
import { useFormat } from '../../../../web/i18n/format';
import type { CumulativeChart as ChartData } from '../../domain/scenarios';
import { SCENARIO_NAMES } from '../../domain/scenarios';
import { SCENARIO_STYLE, echarts } from './echarts-setup';

/** Cumulative cash flow of worst, expected and best case over the years, with the same values as a table. */
export function CumulativeChart({ chart }: { chart: ChartData }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const f = useChartFormat();
  const series = SCENARIO_NAMES.map((name) => ({ name, values: chart.series.find((s) => s.scenario === name)?.cumulative ?? [] }));
  const option = {
    animation: false,
    grid: { left: 12, right: 24, top: 40, bottom: 12, containLabel: true },
    legend: { top: 0, textStyle: { fontSize: 13 } },
    tooltip: { ...CHART_TOOLTIP, trigger: 'axis', valueFormatter: (v: number) => money(v * 100) },
    xAxis: { type: 'category', data: chart.years.map((y) => `${t('invest.lines.year')} ${y}`), boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${f.number(v / 1000, 0)} T€` } },
    series: series.map(({ name, values }) => ({
      name: t(`invest.scenarios.${name}`),
      type: 'line',
      symbolSize: 7,
      data: values.map((c) => c / 100),
      itemStyle: { color: SCENARIO_STYLE[name].color },
      lineStyle: { color: SCENARIO_STYLE[name].color, type: SCENARIO_STYLE[name].type, width: 3 },
      ...(name === 'expected' ? { markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#495057', type: 'solid', width: 1 }, label: { show: false } } } : {}),
    })),
  };
  return (
    <Card withBorder padding="md" data-testid="cumulative-chart">
      <Title order={2} size="h4" mb="xs">{t('invest.web.chartTitle')}</Title>
      <EChartsReactCore echarts={echarts} option={option} opts={{ renderer: 'svg', locale: f.echartsLocale }} notMerge style={{ height: 320, width: '100%' }} role="img" aria-label={t('invest.web.chartLabel')} />
      <ScrollArea mt="sm">
        <Table striped withTableBorder data-testid="cumulative-table">
          <Table.Caption>{t('invest.web.chartTable')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('invest.lines.year')}</Table.Th>
              {series.map(({ name }) => <Table.Th key={name} scope="col" ta="right">{t(`invest.scenarios.${name}`)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {chart.years.map((year, i) => (
              <Table.Tr key={year}>
                <Table.Th scope="row">{year}</Table.Th>
                {series.map(({ name, values }) => (
                  <Table.Td key={name} ta="right" c={values[i] < 0 ? 'red.9' : undefined}>{money(Math.round(values[i]))}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Text size="xs" c="dimmed" mt={4}>{t('invest.lines.cumulative')}</Text>
    </Card>
  );
}
