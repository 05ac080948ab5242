import '../../load-translations';
import '../load-sales-translations';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { post } from '../../../../../web/api/client';
import { useListAddress } from '../../../../../web/components/list-address';
import { ListPagination } from '../../../../../web/components/list-pagination';
import { Loading } from '../../../../../web/components/loading';
import { PageHeader } from '../../../../../web/components/page-header';
import { ProblemAlert } from '../../../../../web/components/problem-alert';
import { useFormat } from '../../../../../web/i18n/format';
import { useCompany } from '../../../../../web/layout/app-layout';
import { customersPath } from '../../api';
import { CustomerPicker } from '../components/customer-picker';
import { SortHeader } from '../components/sort-header';
import { QuoteStateBadge } from '../components/state-badges';
import { ExportLinks } from '../../components/export-links';
import { QUOTE_STATES, SALES_PAGE_SIZE, salesKeys, useQuoteList, type QuoteDetail, type QuoteState } from '../sales-api';

export default function QuoteListPage() {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const company = useCompany();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { search, page, update } = useListAddress();
  const q = search.get('q') ?? '';
  const state = (search.get('state') ?? '') as QuoteState | '';
  const customerId = search.get('customer') ?? '';
  const sort = search.get('sort') === 'number' ? 'number' : 'createdAt';
  const dir = search.get('dir') === 'asc' ? 'asc' : 'desc';
  const list = useQuoteList(company.id, { q, state, customerId, sort, dir, page });
  const sortBy = (key: 'number' | 'createdAt') => (d: 'asc' | 'desc') => update({ sort: key, dir: d });
  const [formOpen, setFormOpen] = useState(search.get('new') === '1');
  const [form, setForm] = useState({ customerId: customerId || null as string | null, subject: '' });
  const create = useMutation({
    mutationFn: () => post<QuoteDetail>(`${customersPath(company.id)}/quotes`, { customerId: form.customerId, subject: form.subject }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: salesKeys.all(company.id) });
      navigate(`/c/${company.id}/quotes/${created.id}`);
    },
  });
  return (
    <>
      <PageHeader title={t('customersSales.quotes.title')} intro={t('customersSales.quotes.intro')} />
      <Card withBorder padding="md" mb="lg">
        <Button variant={formOpen ? 'default' : 'filled'} onClick={() => setFormOpen((o) => !o)} aria-expanded={formOpen}>{t('customersSales.quotes.new')}</Button>
        {formOpen && (
          <form aria-label={t('customersSales.quotes.new')} onSubmit={(e) => { e.preventDefault(); if (form.customerId) create.mutate(); }}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md">
              <CustomerPicker companyId={company.id} value={form.customerId} onChange={(id) => setForm((f) => ({ ...f, customerId: id }))} />
              <TextInput label={t('customersSales.quotes.subject')} value={form.subject} maxLength={200} onChange={(e) => { const subject = e.currentTarget.value; setForm((f) => ({ ...f, subject })); }} />
            </SimpleGrid>
            <Group mt="md"><Button type="submit" disabled={!form.customerId} loading={create.isPending}>{t('customersSales.quotes.create')}</Button></Group>
            <ProblemAlert error={create.error} />
          </form>
        )}
      </Card>
      <Card withBorder padding="md">
        <form role="search" onSubmit={(e) => e.preventDefault()}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
            <TextInput label={t('customersSales.quotes.search')} description={t('customersSales.quotes.searchHint')} type="search" value={q} onChange={(e) => update({ q: e.currentTarget.value })} />
            <Select label={t('customersSales.quotes.state')} value={state || null} clearable placeholder={t('customersSales.quotes.allStates')}
              data={QUOTE_STATES.map((s) => ({ value: s, label: t(`customersSales.quoteStates.${s}`) }))} onChange={(v) => update({ state: v ?? '' })} />
            {customerId && (
              <Group align="flex-end"><Button variant="subtle" onClick={() => update({ customer: '' })}>{t('customersSales.quotes.allCustomers')}</Button></Group>
            )}
          </SimpleGrid>
        </form>
        {list.error && <ProblemAlert error={list.error} />}
        {!list.data ? <Loading /> : list.data.items.length === 0 ? (
          <Text>{q || state || customerId ? t('customersSales.quotes.noMatch') : t('customersSales.quotes.empty')}</Text>
        ) : (
          <>
            <Group justify="space-between" mb="xs">
              <Text size="sm" c="dimmed" aria-live="polite">{t('customersSales.quotes.count', { count: list.data.total })}</Text>
              <ExportLinks path={`${customersPath(company.id)}/quotes`} params={{ q, state, customerId, sort, dir }} label={t('customersSales.export.quotes')} />
            </Group>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" data-testid="quote-list">
                <Table.Thead>
                  <Table.Tr>
                    <SortHeader label={t('customersSales.quotes.number')} active={sort === 'number'} dir={dir} onSort={sortBy('number')} />
                    <Table.Th scope="col">{t('customersSales.quotes.customer')}</Table.Th>
                    <Table.Th scope="col">{t('customersSales.quotes.subject')}</Table.Th>
                    <Table.Th scope="col">{t('customersSales.quotes.state')}</Table.Th>
                    <Table.Th scope="col" ta="right">{t('customersSales.totals.gross')}</Table.Th>
                    <SortHeader label={t('customersSales.quotes.createdAt')} active={sort === 'createdAt'} dir={dir} onSort={sortBy('createdAt')} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}><Anchor component={Link} to={`/c/${company.id}/quotes/${item.id}`} fw={600}>{item.number}</Anchor></Table.Td>
                      <Table.Td>{item.customerName}</Table.Td>
                      <Table.Td>{item.subject}</Table.Td>
                      <Table.Td><QuoteStateBadge state={item.state} /></Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(item.grossCents, item.currency)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(item.createdAt)}</Table.Td>
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
