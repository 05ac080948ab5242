import '../load-translations';
import { Anchor, Box, Button, Card, Group, NativeSelect, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { RecordHistory } from '../../../../web/components/record-history';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { type RequestedResolution, csvHref, useOrderContext, useRangeSeries } from '../analytics-api';
import { machineKeys, useAcknowledge, useMachine, useMachineAlarms } from '../api';
import { AlarmItem } from './alarm-item';
import { OrderSegments } from './order-segments';
import { RangeControls, type RangeChoice, ResolutionNote, useWindow } from './range-controls';
import { SeriesChart } from './series-chart';
import { formatValue } from './format-value';

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
  const [choice, setChoice] = useState<RangeChoice>({ kind: 'preset', preset: '24h' });
  const [resolution, setResolution] = useState<RequestedResolution>('auto');
  const range = useWindow(choice);
  const point = machine.data?.points.find((p) => p.name === pointName) ?? machine.data?.points[0];
  const series = useRangeSeries(company.id, machineId, range ? point?.name : undefined, range?.from ?? '', range?.to ?? '', resolution);
  const withOrders = !!machine.data?.workCentreId && company.permissions.includes('shopfloor.read');
  const context = useOrderContext(company.id, machineId, range?.from ?? '', range?.to ?? '', withOrders && !!range);
  if (machine.error) return <ProblemAlert error={machine.error} />;
  if (!machine.data) return <Loading />;
  const samples = series.data?.samples ?? [];
  const buckets = series.data?.buckets ?? [];
  const unit = point?.unit ?? '';
  const segments = context.data?.segments ?? [];
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
              data={machine.data.points.map((p) => ({ value: p.name, label: p.label || p.name }))} />
            <RangeControls choice={choice} onChoice={setChoice} resolution={resolution} onResolution={setResolution} />
            {point && range && series.data && (
              <Button component="a" variant="default" size="sm" href={csvHref(company.id, machineId, point.name, range.from, range.to, series.data.resolution)}
                download data-testid="csv-download">{t('machinesAnalytics.csv')}</Button>
            )}
            {point && range && series.data && (
              <Button component="a" variant="default" size="sm" href={csvHref(company.id, machineId, point.name, range.from, range.to, series.data.resolution).replace('/series.csv?', '/series.xlsx?')}
                download data-testid="xlsx-download">{t('machinesAnalytics.xlsx')}</Button>
            )}
          </Group>
          {series.error && <ProblemAlert error={series.error} />}
          <Card withBorder padding="md" data-testid="series-chart">
            {series.data && <ResolutionNote resolution={series.data.resolution} fellBack={series.data.fellBack} />}
            {series.data?.truncated && <Text c="orange.9" size="sm">{t('machines.detail.truncated', { count: samples.length })}</Text>}
            {samples.length === 0 && buckets.length === 0 && !series.isLoading ? (
              <Text>{t('machines.detail.noSamples')}</Text>
            ) : (
              <SeriesChart resolution={series.data?.resolution ?? 'raw'} samples={samples} buckets={buckets} unit={unit} label={point?.label || point?.name || ''}
                from={range?.from} to={range?.to} segments={segments.map((s) => ({ ...s, label: s.orderNumber }))}
                ariaLabel={t('machines.detail.chartLabel', { point: point?.label || point?.name })} />
            )}
            {context.data?.available && <OrderSegments segments={segments} />}
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
      <Box mt="lg">
        <RecordHistory path={`/companies/${company.id}/machines/${machineId}/history`} queryKey={machineKeys.machine(company.id, machineId)} />
      </Box>
    </>
  );
}
