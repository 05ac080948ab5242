import '../load-analytics-translations';
import '../load-translations';
import { Anchor, Card, Group, NativeSelect, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { type OrderPoint, type OrderProcessData, useOrderProcessData } from '../analytics-api';
import { SeriesChart } from './series-chart';

/** "Auftrag 4711: Prozessdaten" — the parameters an order was made with, per machine at its work centres. */
export default function OrderProcessPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const company = useCompany();
  const orderId = useParams().orderId!;
  const [operationId, setOperationId] = useState<string>('');
  const all = useOrderProcessData(company.id, orderId);
  const data = useOrderProcessData(company.id, orderId, operationId || undefined);
  if (all.error) return <ProblemAlert error={all.error} />;
  if (!all.data) return <Loading />;
  const order = all.data.order;
  const shown = data.data;
  return (
    <>
      <PageHeader title={t('machinesAnalytics.order.title', { number: order.number })}
        intro={t('machinesAnalytics.order.intro', { part: order.partNumber, quantity: order.quantity })}>
        {company.modules.some((m) => m.id === 'shopfloor' && m.enabled) && (
          <Anchor component={Link} to={`/c/${company.id}/shopfloor`}>{t('machinesAnalytics.order.back')}</Anchor>
        )}
      </PageHeader>
      <Stack>
        {all.data.operations.length > 1 && (
          <Group>
            <NativeSelect label={t('machinesAnalytics.order.operation')} value={operationId} onChange={(e) => setOperationId(e.currentTarget.value)}
              data={[{ value: '', label: t('machinesAnalytics.order.allOperations') }, ...all.data.operations.map((o) => ({ value: o.id, label: `${o.position}. ${o.name}` }))]} />
          </Group>
        )}
        {data.error && <ProblemAlert error={data.error} />}
        {!shown ? <Loading /> : (
          <>
            <Card withBorder padding="md">
              <Title order={2} size="h4" mb="xs">{t('machinesAnalytics.order.runs')}</Title>
              {shown.operations.every((o) => o.segments.length === 0) ? <Text>{t('machinesAnalytics.order.notRun')}</Text> : (
                <ScrollArea>
                  <Table withTableBorder data-testid="order-runs">
                    <Table.Caption>{t('machinesAnalytics.order.runsCaption', { number: order.number })}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('machinesAnalytics.orders.operation')}</Table.Th>
                        <Table.Th scope="col">{t('machinesAnalytics.orders.phase')}</Table.Th>
                        <Table.Th scope="col">{t('machinesAnalytics.orders.from')}</Table.Th>
                        <Table.Th scope="col">{t('machinesAnalytics.orders.to')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {shown.operations.flatMap((o) => o.segments.map((s) => (
                        <Table.Tr key={`${o.id}-${s.start}`}>
                          <Table.Td>{o.position}. {o.name}</Table.Td>
                          <Table.Td>{t(`machinesAnalytics.phase.${s.phase}`)}</Table.Td>
                          <Table.Td>{dateTime(s.start)}</Table.Td>
                          <Table.Td>{dateTime(s.end)}</Table.Td>
                        </Table.Tr>
                      )))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea>
              )}
            </Card>
            {shown.machines.length === 0 && <Text>{t('machinesAnalytics.order.noMachines')}</Text>}
            {shown.machines.map((m) => <MachineCard key={m.id} machine={m} data={shown} />)}
          </>
        )}
      </Stack>
    </>
  );
}

function MachineCard({ machine, data }: { machine: OrderProcessData['machines'][number]; data: OrderProcessData }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const company = useCompany();
  const segments = data.operations.flatMap((o) => o.segments.map((s) => ({ ...s, label: '' })));
  const fmt = (p: OrderPoint, x: number | null) => (x === null ? '–' : `${number(x, Math.abs(x) < 10 ? 2 : 1)}${p.unit ? ` ${p.unit}` : ''}`);
  const withValues = machine.points.filter((p) => p.count > 0);
  return (
    <Card withBorder padding="md" data-machine={machine.name}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">{machine.name}</Title>
        <Anchor component={Link} to={`/c/${company.id}/machines/${machine.id}`}>{t('machinesAnalytics.order.openMachine', { name: machine.name })}</Anchor>
      </Group>
      <ScrollArea>
        <Table withTableBorder striped data-testid="order-parameters">
          <Table.Caption>{t('machinesAnalytics.order.parametersCaption', { machine: machine.name, number: data.order.number })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('machinesAnalytics.order.point')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('machinesAnalytics.chart.min')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('machinesAnalytics.chart.avg')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('machinesAnalytics.chart.max')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('machinesAnalytics.order.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {machine.points.map((p) => (
              <Table.Tr key={p.name} data-point={p.name}>
                <Table.Th scope="row" fw={500}>{p.label || p.name}</Table.Th>
                <Table.Td ta="right" ff="monospace">{fmt(p, p.min)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{fmt(p, p.avg)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{fmt(p, p.max)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{number(p.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {withValues.length > 0 && data.span && (
        <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
          {withValues.map((p) => p.series && (
            <div key={p.name}>
              <Text size="sm" fw={500}>{p.label || p.name}</Text>
              <SeriesChart resolution={p.series.resolution} samples={p.series.samples} buckets={p.series.buckets} unit={p.unit} label={p.label || p.name}
                segments={segments} height={180} from={data.span!.from} to={data.span!.to}
                ariaLabel={t('machinesAnalytics.order.chartLabel', { point: p.label || p.name, number: data.order.number })} />
            </div>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
