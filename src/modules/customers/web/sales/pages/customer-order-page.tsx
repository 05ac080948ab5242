import '../../load-translations';
import '../load-sales-translations';
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../../../../web/components/loading';
import { PageHeader } from '../../../../../web/components/page-header';
import { ProblemAlert } from '../../../../../web/components/problem-alert';
import { useFormat } from '../../../../../web/i18n/format';
import { useCompany } from '../../../../../web/layout/app-layout';
import { DeliveriesSection } from '../components/deliveries-section';
import { OrderCancel } from '../components/order-cancel';
import { ProductionOrderForm } from '../components/production-order-form';
import { OrderStateBadge, ProductionStateBadge } from '../components/state-badges';
import { TotalsTable } from '../components/totals-table';
import { ShareLinksCard } from '../../share/share-links-card';
import { salesKeys, useCustomerOrder, type CustomerOrderDetail, type PositionForecast } from '../sales-api';

/** Where is my order, for one position: expected finish, and when late a flag with the reason in words. */
function ForecastLine({ forecast }: { forecast: PositionForecast }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  return (
    <Stack gap={2} data-testid="position-forecast">
      <Text size="sm" fw={500}>{forecast.expectedFinish ? t('customersSales.order.expectedFinish', { date: dateTime(forecast.expectedFinish) }) : t('customersSales.order.expectedFinishUnknown')}</Text>
      {forecast.late && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge color="red" variant="filled" style={{ flexShrink: 0 }}>{t('customersSales.order.late')}</Badge>
          {forecast.reason && <Text size="sm" c="red.9">{t(`customersSales.order.lateReasons.${forecast.reason}`)}</Text>}
        </Group>
      )}
    </Stack>
  );
}

export default function CustomerOrderPage() {
  const { t } = useTranslation();
  const { money, number, date, dateTime } = useFormat();
  const company = useCompany();
  const { customerOrderId = '' } = useParams();
  const queryClient = useQueryClient();
  const order = useCustomerOrder(company.id, customerOrderId);
  const canPlan = company.permissions.includes('customers.plan');
  const seesShopfloor = company.permissions.includes('shopfloor.read');
  const canShip = company.permissions.includes('customers.ship');
  const updated = (o: CustomerOrderDetail) => {
    queryClient.setQueryData(salesKeys.order(company.id, customerOrderId), o);
    void queryClient.invalidateQueries({ queryKey: salesKeys.all(company.id) });
  };
  if (order.error) return <ProblemAlert error={order.error} />;
  if (!order.data) return <Loading />;
  const o = order.data;
  return (
    <>
      <PageHeader title={t('customersSales.order.title', { number: o.number })}>
        <Group gap="sm">
          <OrderStateBadge state={o.state} />
          <Text size="sm">{t('customersSales.quote.for')} <Anchor component={Link} to={`/c/${company.id}/customers/${o.customerId}`}>{o.customerName} ({o.customerNumber})</Anchor></Text>
          {o.quoteId && o.quoteNumber && <Text size="sm">{t('customersSales.order.fromQuote')} <Anchor component={Link} to={`/c/${company.id}/quotes/${o.quoteId}`}>{o.quoteNumber}</Anchor></Text>}
          {o.customerReference && <Text size="sm">{t('customersSales.order.customerReference', { reference: o.customerReference })}</Text>}
          <Text size="sm" c="dimmed">{t('customersSales.order.orderedAt', { date: date(o.orderedAt) })}</Text>
          {o.forecast.expectedFinish && <Text size="sm" data-testid="order-forecast">{t('customersSales.order.orderExpectedFinish', { date: dateTime(o.forecast.expectedFinish) })}</Text>}
          {o.forecast.late && <Badge color="red" variant="filled">{t('customersSales.order.late')}</Badge>}
        </Group>
        <Group>
          <Button component={Link} to={`/c/${company.id}/customer-orders/${o.id}/production-record`} variant="light">{t('customersRecord.link')}</Button>
          <Button component={Link} to={`/c/${company.id}/customer-orders`} variant="subtle">{t('customersSales.order.back')}</Button>
        </Group>
      </PageHeader>
      <OrderCancel companyId={company.id} order={o} seesShopfloor={seesShopfloor} />
      <Stack gap="md">
        {o.positions.map((p) => (
          <Card withBorder padding="md" key={p.id} component="section" aria-label={t('customersSales.positions.label', { number: p.number })} data-testid="order-position">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <div>
                <Title order={2} size="h5">{t('customersSales.positions.label', { number: p.number })}: {p.text}</Title>
                <Text size="sm">
                  {t('customersSales.order.positionLine', {
                    quantity: number(p.quantityMilli / 1000, p.quantityMilli % 1000 === 0 ? 0 : 3),
                    price: money(p.unitPriceCents, o.currency),
                    net: money(p.netCents, o.currency),
                  })}
                </Text>
                {p.promisedDate && <Text size="sm">{t('customersSales.order.promised', { date: date(p.promisedDate) })}</Text>}
                <Text size="sm" data-testid="position-delivered">{t('customersSales.order.delivered', { delivered: number(p.deliveredMilli / 1000, p.deliveredMilli % 1000 === 0 ? 0 : 3), ordered: number(p.quantityMilli / 1000, p.quantityMilli % 1000 === 0 ? 0 : 3) })}</Text>
                {(p.producible || p.productionOrders.length > 0) && <ForecastLine forecast={p.forecast} />}
              </div>
              {!p.producible && <Text size="sm" c="dimmed">{t('customersSales.order.notProducible')}</Text>}
            </Group>
            {p.producible && (
              <>
                <Title order={3} size="h6" mt="sm">{t('customersSales.order.productionOrders')}</Title>
                {p.productionOrders.length === 0 ? (
                  <Text size="sm">{t('customersSales.order.noProductionOrders')}</Text>
                ) : (
                  <Table.ScrollContainer minWidth={520}>
                    <Table verticalSpacing="xs" data-testid="production-orders">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('customersSales.order.productionOrder')}</Table.Th>
                          <Table.Th scope="col">{t('customersSales.order.lot')}</Table.Th>
                          <Table.Th scope="col" ta="right">{t('customersSales.order.quantity')}</Table.Th>
                          <Table.Th scope="col" ta="right">{t('customersSales.order.good')}</Table.Th>
                          <Table.Th scope="col">{t('customersSales.order.dueDate')}</Table.Th>
                          <Table.Th scope="col">{t('customersSales.order.state')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {p.productionOrders.map((po) => (
                          <Table.Tr key={po.id}>
                            <Table.Td>{seesShopfloor ? <Anchor component={Link} to={`/c/${company.id}/shopfloor/orders/${po.id}`}>{po.number}</Anchor> : po.number}</Table.Td>
                            <Table.Td data-testid="production-order-lot" style={{ whiteSpace: 'nowrap' }}>{po.lotNumber ?? t('customersSales.order.noLot')}</Table.Td>
                            <Table.Td ta="right">{number(po.quantity)}</Table.Td>
                            <Table.Td ta="right">{number(po.good)}</Table.Td>
                            <Table.Td>{po.dueDate ? date(po.dueDate) : ''}</Table.Td>
                            <Table.Td><ProductionStateBadge state={po.state} /></Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
                {canPlan && o.state !== 'cancelled' && o.state !== 'delivered' && (
                  <Stack gap={4} mt="sm">
                    <Text size="sm" c="dimmed">{p.openQuantity > 0 ? t('customersSales.order.open', { count: p.openQuantity }) : t('customersSales.order.fullyPlanned')}</Text>
                    <ProductionOrderForm key={`${p.id}-${p.productionOrders.length}`} companyId={company.id} position={p} onCreated={updated} />
                  </Stack>
                )}
              </>
            )}
          </Card>
        ))}
        <TotalsTable totals={o.totals} currency={o.currency} />
        {canShip && <DeliveriesSection companyId={company.id} orderId={o.id} closed={o.state === 'delivered' || o.state === 'cancelled'} />}
        {company.permissions.includes('customers.share') && <ShareLinksCard companyId={company.id} orderId={o.id} />}
      </Stack>
    </>
  );
}
