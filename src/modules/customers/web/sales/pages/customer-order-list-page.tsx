import '../../load-translations';
import '../load-sales-translations';
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useListAddress } from '../../../../../web/components/list-address';
import { ListPagination } from '../../../../../web/components/list-pagination';
import { Loading } from '../../../../../web/components/loading';
import { PageHeader } from '../../../../../web/components/page-header';
import { ProblemAlert } from '../../../../../web/components/problem-alert';
import { useFormat } from '../../../../../web/i18n/format';
import { useCompany } from '../../../../../web/layout/app-layout';
import { SortHeader } from '../components/sort-header';
import { OrderStateBadge } from '../components/state-badges';
import { customersPath } from '../../api';
import { ExportLinks } from '../../components/export-links';
import { ORDER_STATES, SALES_PAGE_SIZE, useOrderList } from '../sales-api';

export default function CustomerOrderListPage() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const company = useCompany();
  const { search, page, update } = useListAddress();
  const q = search.get('q') ?? '';
  const state = search.get('state') ?? '';
  const sort = search.get('sort') === 'number' ? 'number' : 'orderedAt';
  const dir = search.get('dir') === 'asc' ? 'asc' : 'desc';
  const list = useOrderList(company.id, { q, state, sort, dir, page });
  const sortBy = (key: 'number' | 'orderedAt') => (d: 'asc' | 'desc') => update({ sort: key, dir: d });
  return (
    <>
      <PageHeader title={t('customersSales.orders.title')} intro={t('customersSales.orders.intro')}>
        {company.permissions.includes('customers.sales') && <Group><Button component={Link} to={`/c/${company.id}/customer-orders/new`}>{t('customersSales.newOrder.open')}</Button></Group>}
      </PageHeader>
      <Card withBorder padding="md">
        <form role="search" onSubmit={(e) => e.preventDefault()}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
            <TextInput label={t('customersSales.orders.search')} description={t('customersSales.orders.searchHint')} type="search" value={q} onChange={(e) => update({ q: e.currentTarget.value })} />
            <Select label={t('customersSales.orders.state')} value={state || null} clearable placeholder={t('customersSales.orders.allStates')}
              data={ORDER_STATES.map((s) => ({ value: s, label: t(`customersSales.orderStates.${s}`) }))} onChange={(v) => update({ state: v ?? '' })} />
          </SimpleGrid>
        </form>
        {list.error && <ProblemAlert error={list.error} />}
        {!list.data ? <Loading /> : list.data.items.length === 0 ? (
          <Text>{q || state ? t('customersSales.orders.noMatch') : t('customersSales.orders.empty')}</Text>
        ) : (
          <>
            <Group justify="space-between" mb="xs">
              <Text size="sm" c="dimmed" aria-live="polite">{t('customersSales.orders.count', { count: list.data.total })}</Text>
              <ExportLinks path={`${customersPath(company.id)}/customer-orders`} params={{ q, state, sort, dir }} label={t('customersSales.export.orders')} />
            </Group>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" data-testid="customer-order-list">
                <Table.Thead>
                  <Table.Tr>
                    <SortHeader label={t('customersSales.orders.number')} active={sort === 'number'} dir={dir} onSort={sortBy('number')} />
                    <Table.Th scope="col">{t('customersSales.quotes.customer')}</Table.Th>
                    <Table.Th scope="col">{t('customersSales.orders.reference')}</Table.Th>
                    <Table.Th scope="col">{t('customersSales.orders.state')}</Table.Th>
                    <SortHeader label={t('customersSales.orders.orderedAt')} active={sort === 'orderedAt'} dir={dir} onSort={sortBy('orderedAt')} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}><Anchor component={Link} to={`/c/${company.id}/customer-orders/${o.id}`} fw={600}>{o.number}</Anchor></Table.Td>
                      <Table.Td>{o.customerName}</Table.Td>
                      <Table.Td>{o.customerReference}</Table.Td>
                      <Table.Td><Group gap={6} wrap="nowrap"><OrderStateBadge state={o.state} />{o.late && <Badge color="red" variant="filled">{t('customersSales.orders.late')}</Badge>}</Group></Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(o.orderedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListPagination page={page} pageSize={SALES_PAGE_SIZE} total={list.data.total} onChange={(p) => update({ page: String(p) })} />
          </>
        )}
      </Card>
    </>
  );
}
