import '../load-translations';
import '../reasons/load-translations';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { orderStateOf } from '../../domain/order-state';
import type { Order } from '../../schemas';
import { useOrder, useWorkCentres } from '../api';
import { NotFound } from '../components/not-found';
import { OrderBookings } from '../components/order-bookings';
import { OrderPaperLink } from '../components/order-paper-link';
import { OrderProcessDataLink } from '../components/order-process-data-link';
import { OrderEditLink } from '../components/order-planning-actions';
import { RecordedParameters } from '../components/recorded-parameters';
import { ShopfloorTabs } from '../components/shopfloor-tabs';
import { COLORS, StatusBadge } from '../components/status-badge';
import { DueDate } from './orders-page';

const STATE_COLOR = { planned: COLORS.gray, active: COLORS.green, finished: COLORS.blue } as const;

/** One production order: its facts, each operation's progress, every booking, and where to go from here. */
export default function OrderDetailPage() {
  const { orderId = '' } = useParams();
  const company = useCompany();
  const order = useOrder(company.id, orderId);
  if (order.error) return order.error instanceof ApiError && order.error.status === 404 ? <NotFound /> : <ProblemAlert error={order.error} />;
  if (!order.data) return <Loading />;
  return <OrderDetail order={order.data} />;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">{label}</Text>
      <Text fw={600} component="dd" m={0}>{children}</Text>
    </div>
  );
}

function OrderDetail({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormat();
  const company = useCompany();
  const base = `/c/${company.id}/shopfloor`;
  const workCentres = useWorkCentres(company.id).data ?? [];
  const centre = new Map(workCentres.map((w) => [w.id, `${w.code} – ${w.name}`]));
  const state = orderStateOf(order.operations.map((op) => ({ status: op.status, finishedAt: op.status === 'finished' ? 0 : null }))).state;
  const canBook = company.permissions.includes('shopfloor.book');
  return (
    <>
      <ShopfloorTabs />
      <PageHeader title={t('shopfloor.orderDetail.title', { number: order.number })} intro={t('shopfloor.orderDetail.intro')}>
        <Group gap="xs"><Badge color={STATE_COLOR[state]} variant="filled" size="lg" data-testid="order-state">{t(`shopfloor.orders.state.${state}`)}</Badge></Group>
      </PageHeader>
      <Stack gap="lg">
        <Card withBorder padding="md" component="section" aria-labelledby="order-facts">
          <Title order={2} size="h4" id="order-facts" mb="sm">{t('shopfloor.orderDetail.facts')}</Title>
          <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" m={0} spacing="md">
            <Fact label={t('shopfloor.orders.part')}><Anchor component={Link} to={`${base}/parts/${order.partId}`}>{order.partNumber}</Anchor></Fact>
            <Fact label={t('shopfloor.orders.quantity')}>{number(order.quantity)}</Fact>
            <Fact label={t('shopfloor.orders.dueDate')}><DueDate order={order} /></Fact>
            <Fact label={t('shopfloor.orders.priority')}>{order.priority}</Fact>
            <Fact label={t('shopfloor.orderDetail.customer')}>{order.customerReference || t('common.notSet')}</Fact>
            <Fact label={t('shopfloor.orderDetail.release')}>{order.releasedAt ? dateTime(order.releasedAt) : t('shopfloor.orderDetail.notReleased')}</Fact>
            <Fact label={t('shopfloor.orderDetail.lot')}><span data-testid="order-lot">{order.lotNumber ?? t('shopfloor.orderDetail.noLot')}</span></Fact>
            {order.serialNumbers.length > 0 && (
              <Fact label={t('shopfloor.orderDetail.serials', { count: order.serialNumbers.length })}>
                {order.serialNumbers.length === 1 ? order.serialNumbers[0] : t('shopfloor.orderDetail.serialRange', { first: order.serialNumbers[0], last: order.serialNumbers[order.serialNumbers.length - 1] })}
              </Fact>
            )}
          </SimpleGrid>
          <Group gap="md" mt="md" wrap="wrap">
            {canBook && state !== 'finished' && (
              <Button component={Link} to={`${base}/terminal?order=${encodeURIComponent(order.number)}`} size="md">{t('shopfloor.orders.book')}</Button>
            )}
            <OrderEditLink order={order} />
            <OrderPaperLink order={order} />
            <OrderProcessDataLink order={order} />
          </Group>
        </Card>

        <Card withBorder padding="md" component="section" aria-labelledby="order-operations">
          <Title order={2} size="h4" id="order-operations" mb="sm">{t('shopfloor.orders.operations')}</Title>
          <ScrollRegion label={t('shopfloor.orders.operations')} minWidth={600}>
            <Table verticalSpacing="sm" data-testid="order-operations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('shopfloor.orderDetail.column.operation')}</Table.Th>
                  <Table.Th scope="col">{t('shopfloor.orderDetail.column.workCentre')}</Table.Th>
                  <Table.Th scope="col">{t('shopfloor.orderDetail.column.status')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('shopfloor.orderDetail.column.good')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('shopfloor.orderDetail.column.scrap')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {order.operations.map((op) => (
                  <Table.Tr key={op.id} data-operation={op.name}>
                    <Table.Td>
                      {t('shopfloor.terminal.operation', { position: op.position, name: op.name })}
                      <RecordedParameters op={op} />
                    </Table.Td>
                    <Table.Td>{centre.get(op.workCentreId) ?? ''}</Table.Td>
                    <Table.Td><StatusBadge status={op.status} size="sm" /></Table.Td>
                    <Table.Td ta="right">{number(op.good)}</Table.Td>
                    <Table.Td ta="right">{number(op.scrap)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </Card>

        <Card withBorder padding="md" component="section" aria-labelledby="order-history">
          <Title order={2} size="h4" id="order-history" mb="xs">{t('shopfloor.orderDetail.history')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('shopfloor.orderDetail.historyIntro')}</Text>
          <OrderBookings companyId={company.id} order={order} />
        </Card>

        <Group pb="xl">
          <Button component={Link} to={base} variant="default" size="lg">{t('shopfloor.orderDetail.backToList')}</Button>
        </Group>
      </Stack>
    </>
  );
}
