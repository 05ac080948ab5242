import '../load-translations';
import { Anchor, Card, Group, NativeSelect, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { useAcknowledge, useMachine, useMachineAlarms, useSeries } from '../api';
import { echarts } from '../echarts-setup';
import { AlarmItem } from './alarm-item';
import { formatValue } from './format-value';

const RANGES = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 } as const;
type Range = keyof typeof RANGES;
const LAST_VALUES = 20;

export default function MachinePage() {
  const { t } = useTranslation();
  const { dateTime, number } = useFormat();
  const company = useCompany();
  const machineId = useParams().machineId!;
  const machine = useMachine(company.id, machineId);
  const alarms = useMachineAlarms(company.id, machineId);
  const acknowledge = useAcknowledge(company.id);
  const [pointName, setPointName] = useState<string>();
  const [range, setRange] = useState<Range>('24h');
  // The range start is fixed per choice so that the query key stays stable between renders.
  const from = useMemo(() => new Date(Date.now() - RANGES[range]).toISOString(), [range]);
  const point = machine.data?.points.find((p) => p.name === pointName) ?? machine.data?.points[0];
  const series = useSeries(company.id, machineId, point?.name, from);
  if (machine.error) return <ProblemAlert error={machine.error} />;
  if (!machine.data) return <Loading />;
  const samples = series.data?.samples ?? [];
  const numeric = samples.filter((s) => typeof s.value !== 'string').map((s) => [s.ts, typeof s.value === 'boolean' ? (s.value ? 1 : 0) : s.value]);
  const unit = point?.unit ?? '';
  const option = {
    animation: false,
    grid: { left: 12, right: 24, top: 24, bottom: 12, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true, name: unit },
    series: [{ name: point?.label || point?.name, type: 'line', showSymbol: numeric.length < 50, data: numeric, lineStyle: { width: 2, color: '#1c5d99' }, itemStyle: { color: '#1c5d99' } }],
  };
  const last = samples.slice(-LAST_VALUES).reverse();
  return (
    <>
      <PageHeader title={machine.data.name} intro={machine.data.description || undefined}>
        <Anchor component={Link} to={`/c/${company.id}/machines`}>{t('machines.detail.back')}</Anchor>
      </PageHeader>
      {machine.data.points.length === 0 ? (
        <Text>{t('machines.detail.noPoints')}</Text>
      ) : (
        <Stack>
          <Group align="end">
            <NativeSelect label={t('machines.detail.point')} value={point?.name} onChange={(e) => setPointName(e.currentTarget.value)}
              data={machine.data.points.map((p) => ({ value: p.name, label: p.label ? `${p.label} (${p.name})` : p.name }))} />
            <NativeSelect label={t('machines.detail.range')} value={range} onChange={(e) => setRange(e.currentTarget.value as Range)}
              data={(Object.keys(RANGES) as Range[]).map((r) => ({ value: r, label: t(`machines.detail.ranges.${r}`) }))} />
          </Group>
          {series.error && <ProblemAlert error={series.error} />}
          <Card withBorder padding="md" data-testid="series-chart">
            {series.data?.truncated && <Text c="orange.9" size="sm">{t('machines.detail.truncated', { count: samples.length })}</Text>}
            {samples.length === 0 && !series.isLoading ? (
              <Text>{t('machines.detail.noSamples')}</Text>
            ) : (
              <EChartsReactCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} notMerge style={{ height: 320, width: '100%' }} role="img"
                aria-label={t('machines.detail.chartLabel', { point: point?.label || point?.name })} />
            )}
            {last.length > 0 && (
              <ScrollArea mt="sm">
                <Table striped withTableBorder data-testid="last-values">
                  <Table.Caption>{t('machines.detail.lastValues', { point: point?.label || point?.name })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('machines.detail.time')}</Table.Th>
                      <Table.Th scope="col" ta="right">{t('machines.detail.value')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {last.map((s) => (
                      <Table.Tr key={s.ts}>
                        <Table.Td>{dateTime(s.ts)}</Table.Td>
                        <Table.Td ta="right" ff="monospace">{formatValue(s.value, unit, number)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            )}
          </Card>
        </Stack>
      )}
      <Title order={2} size="h4" mt="lg" mb="xs">{t('machines.detail.alarms')}</Title>
      {acknowledge.error && <ProblemAlert error={acknowledge.error} />}
      {alarms.data && alarms.data.length === 0 && <Text>{t('machines.detail.noAlarms')}</Text>}
      <Stack gap="sm">
        {alarms.data?.map((a) => (
          <AlarmItem key={a.id} alarm={a} canAcknowledge={company.permissions.includes('machines.acknowledge')} onAcknowledge={() => acknowledge.mutate(a)} busy={acknowledge.isPending} />
        ))}
      </Stack>
    </>
  );
}
