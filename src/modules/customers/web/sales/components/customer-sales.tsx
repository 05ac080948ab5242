import '../load-sales-translations';
import { Anchor, Button, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../../../web/i18n/format';
import { OrderStateBadge, QuoteStateBadge } from './state-badges';
import { useOrderList, useQuoteList } from '../sales-api';

/** The customer's latest quotes and orders on the customer's page, with links to all of them. */
export function CustomerSales({ companyId, customerId, canSell }: { companyId: string; customerId: string; canSell: boolean }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const quotes = useQuoteList(companyId, { customerId, page: 1 });
  const orders = useOrderList(companyId, { customerId, page: 1 });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="xl">
      {canSell && (
        <Card withBorder padding="md" data-testid="customer-quotes">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">{t('customersSales.quotes.title')}</Title>
            <Button size="xs" variant="light" component={Link} to={`/c/${companyId}/quotes?customer=${customerId}&new=1`}>{t('customersSales.quotes.new')}</Button>
          </Group>
          {quotes.data?.items.length === 0 && <Text size="sm">{t('customersSales.quotes.noneForCustomer')}</Text>}
          {quotes.data && quotes.data.items.length > 0 && (
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {quotes.data.items.slice(0, 10).map((q) => (
                  <Table.Tr key={q.id}>
                    <Table.Td><Anchor component={Link} to={`/c/${companyId}/quotes/${q.id}`}>{q.number}</Anchor></Table.Td>
                    <Table.Td>{q.subject}</Table.Td>
                    <Table.Td><QuoteStateBadge state={q.state} /></Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(q.grossCents, q.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {quotes.data && quotes.data.total > 10 && <Anchor component={Link} to={`/c/${companyId}/quotes?customer=${customerId}`} size="sm">{t('customersSales.quotes.all', { count: quotes.data.total })}</Anchor>}
        </Card>
      )}
      <Card withBorder padding="md" data-testid="customer-orders">
        <Title order={2} size="h4" mb="xs">{t('customersSales.orders.title')}</Title>
        {orders.data?.items.length === 0 && <Text size="sm">{t('customersSales.orders.noneForCustomer')}</Text>}
        {orders.data && orders.data.items.length > 0 && (
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {orders.data.items.slice(0, 10).map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td><Anchor component={Link} to={`/c/${companyId}/customer-orders/${o.id}`}>{o.number}</Anchor></Table.Td>
                  <Table.Td>{o.customerReference}</Table.Td>
                  <Table.Td><OrderStateBadge state={o.state} /></Table.Td>
                  <Table.Td>{date(o.orderedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </SimpleGrid>
  );
}
