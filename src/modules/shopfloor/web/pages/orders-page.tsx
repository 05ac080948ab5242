import '../load-translations';
import '../reasons/load-translations';
import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useListAddress } from '../../../../web/components/list-address';
import { ListPagination } from '../../../../web/components/list-pagination';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import type { Order } from '../../schemas';
import { type OrderSearchParams, useOrderSearch } from '../api';
import { OrderListControls, ORDER_LIST_SORTS, ORDER_LIST_STATES } from '../components/order-list-controls';
import { OrderPaperLink } from '../components/order-paper-link';
import { OrderProcessDataLink } from '../components/order-process-data-link';
import { OrderEditLink, OrderPlanningActions } from '../components/order-planning-actions';
import { RecordedParameters } from '../components/recorded-parameters';
import { ShopfloorTabs } from '../components/shopfloor-tabs';
import { StatusBadge } from '../components/status-badge';

const PAGE_SIZE = 25;
const today = () => new Date().toLocaleDateString('sv-SE');

/** Number (to the order's page), customer, and the order's links. */
function OrderHeading({ order, terminal, canBook }: { order: Order; terminal: string; canBook: boolean }) {
  const { t } = useTranslation();
  const company = useCompany();
  return (
    <>
      <Anchor component={Link} to={`/c/${company.id}/shopfloor/orders/${order.id}`} fw={600} aria-label={t('shopfloor.orders.openOrder', { number: order.number })}>{order.number}</Anchor>
      {order.customerReference && <Text size="xs" c="dimmed">{t('shopfloor.orders.customer', { reference: order.customerReference })}</Text>}
      {canBook && !order.finishedAt && (
        <Anchor component={Link} to={`${terminal}?order=${encodeURIComponent(order.number)}`} size="sm" display="block" w="fit-content" py={6} aria-label={t('shopfloor.orders.bookAtTerminal', { number: order.number })}>
          {t('shopfloor.orders.book')}
        </Anchor>
      )}
      <OrderEditLink order={order} />
      <OrderPaperLink order={order} />
      <OrderProcessDataLink order={order} />
    </>
  );
}

export function DueDate({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const overdue = !order.finishedAt && order.dueDate !== null && order.dueDate < today();
  return (
    <>
      {order.dueDate ? date(`${order.dueDate}T12:00:00`) : <Text span c="dimmed">{t('shopfloor.orders.noDueDate')}</Text>}
      {overdue && <Text size="xs" c="red.9" fw={700}>{t('shopfloor.orders.overdue')}</Text>}
      {order.finishedAt && <Text size="xs" c="dimmed">{t('shopfloor.orders.finishedAt', { date: date(order.finishedAt) })}</Text>}
    </>
  );
}

function Operations({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (
    <Stack gap={4}>
      {order.operations.map((op) => (
        <Group key={op.id} gap="xs" wrap="wrap" data-operation={op.name}>
          <StatusBadge status={op.status} size="sm" />
          <Text size="sm">{t('shopfloor.terminal.operation', { position: op.position, name: op.name })}</Text>
          {(op.good > 0 || op.scrap > 0) && <Text size="xs" c="dimmed">{t('shopfloor.orders.progress', { good: number(op.good), scrap: number(op.scrap) })}</Text>}
          <RecordedParameters op={op} />
        </Group>
      ))}
    </Stack>
  );
}

/** The list's state lives in the address, so a filtered page can be bookmarked, shared and returned to. */
function useListParams(): [OrderSearchParams & { page: number }, (changes: Partial<Record<'q' | 'state' | 'sort' | 'page', string>>) => void] {
  const { search, page, update } = useListAddress();
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
  const params = {
    q: search.get('q') ?? '',
    state: pick(search.get('state'), ORDER_LIST_STATES, 'open'),
    sort: pick(search.get('sort'), ORDER_LIST_SORTS, 'urgency'),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    page,
  };
  return [params, update];
}

export default function OrdersPage() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const company = useCompany();
  const [params, update] = useListParams();
  const { page, ...query } = params;
  const orders = useOrderSearch(company.id, query);
  // The table needs about 760 px; a tablet in portrait next to the navigation gets a list of cards instead.
  const wide = useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false });
  const canBook = company.permissions.includes('shopfloor.book');
  const terminal = `/c/${company.id}/shopfloor/terminal`;
  const list = orders.data?.items ?? [];
  const nothingAtAll = orders.data && orders.data.counts.planned + orders.data.counts.active + orders.data.counts.finished === 0 && !params.q;
  return (
    <>
      <ShopfloorTabs />
      <PageHeader title={t('shopfloor.orders.title')} intro={t('shopfloor.orders.intro')}>
        <Group mt="sm">
          <Button component={Link} to={terminal} size="lg">{t('shopfloor.orders.openTerminal')}</Button>
          <OrderPlanningActions />
          <Button component={Link} to={`/c/${company.id}/shopfloor/controlling`} size="lg" variant="light">{t('shopfloorControlling.openControlling')}</Button>
          <Button component={Link} to={`/c/${company.id}/shopfloor/reasons`} size="lg" variant="light">{t('shopfloorReasons.link')}</Button>
        </Group>
      </PageHeader>
      {orders.error && <ProblemAlert error={orders.error} />}
      {!orders.data ? (
        !orders.error && <Loading />
      ) : nothingAtAll ? (
        <Text>{t('shopfloor.orders.empty')}</Text>
      ) : (
        <>
          <OrderListControls params={query} counts={orders.data.counts} onChange={(changes) => update(changes)} />
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite" data-testid="order-count">
            {t('shopfloor.orders.count', { count: orders.data.total, formatted: number(orders.data.total) })}
          </Text>
          {list.length === 0 ? (
            <Text data-testid="order-list-empty">{params.q ? t('shopfloor.orders.noMatch', { q: params.q }) : t('shopfloor.orders.noneInState')}</Text>
          ) : wide ? (
            <Card withBorder padding="md">
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="sm" data-testid="order-list" aria-busy={orders.isPlaceholderData}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('shopfloor.orders.number')}</Table.Th>
                      <Table.Th scope="col">{t('shopfloor.orders.part')}</Table.Th>
                      <Table.Th scope="col" ta="right">{t('shopfloor.orders.quantity')}</Table.Th>
                      <Table.Th scope="col">{t('shopfloor.orders.dueDate')}</Table.Th>
                      <Table.Th scope="col" ta="right"><abbr title={t('shopfloor.orders.priorityHint')}>{t('shopfloor.orders.priority')}</abbr></Table.Th>
                      <Table.Th scope="col">{t('shopfloor.orders.operations')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((o) => (
                      <Table.Tr key={o.id} data-order={o.number} data-state={o.state}>
                        <Table.Td><OrderHeading order={o} terminal={terminal} canBook={canBook} /></Table.Td>
                        <Table.Td>{o.partNumber}</Table.Td>
                        <Table.Td ta="right">{number(o.quantity)}</Table.Td>
                        <Table.Td><DueDate order={o} /></Table.Td>
                        <Table.Td ta="right">{o.priority}</Table.Td>
                        <Table.Td><Operations order={o} /></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          ) : (
            <Stack gap="sm" component="ul" data-testid="order-list" aria-label={t('shopfloor.orders.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {list.map((o) => (
                <Card key={o.id} component="li" withBorder padding="md" data-order={o.number} data-state={o.state}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <div><OrderHeading order={o} terminal={terminal} canBook={canBook} /></div>
                    <Text size="sm" ta="right">
                      {t('shopfloor.orders.part')}: {o.partNumber}<br />
                      {t('shopfloor.orders.quantity')}: {number(o.quantity)}<br />
                      <abbr title={t('shopfloor.orders.priorityHint')}>{t('shopfloor.orders.priority')}</abbr>: {o.priority}
                    </Text>
                  </Group>
                  <Text size="sm" mt="xs" component="div">{t('shopfloor.orders.dueDate')}: <DueDate order={o} /></Text>
                  <Stack mt="xs" gap={4}><Operations order={o} /></Stack>
                </Card>
              ))}
            </Stack>
          )}
          <ListPagination page={page} pageSize={PAGE_SIZE} total={orders.data.total} onChange={(p) => update({ page: String(p) })} />
        </>
      )}
    </>
  );
}
