import '../load-translations';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useListAddress } from '../../../../web/components/list-address';
import { ApiError, post } from '../../../../web/api/client';
import { ListPagination } from '../../../../web/components/list-pagination';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useUnsavedChanges } from '../../../../web/components/unsaved-changes';
import { useCompany } from '../../../../web/layout/app-layout';
import { customerKeys, customersPath, PAGE_SIZE, useCustomerList, type CustomerSummary, type DuplicateCandidate, type ListParams } from '../api';
import { DuplicatePrompt } from '../components/duplicate-prompt';
import { ExportLinks } from '../components/export-links';

const EMPTY_FORM = { name: '', street: '', postcode: '', city: '', country: 'DE', email: '', phone: '', vatId: '' };

export default function CustomerListPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { search, page, update } = useListAddress();
  const params: ListParams = {
    q: search.get('q') ?? '',
    country: search.get('country') ?? '',
    sort: (search.get('sort') as ListParams['sort']) ?? 'name',
    dir: search.get('dir') === 'desc' ? 'desc' : 'asc',
    page,
  };
  const list = useCustomerList(company.id, params);
  const canWrite = company.permissions.includes('customers.write');
  const canImport = company.permissions.includes('customers.import');
  const [formOpen, setFormOpen] = useState(false);
  const [form, setForm] = useState(EMPTY_FORM);
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const unsaved = useUnsavedChanges(form);
  const create = useMutation({
    mutationFn: (confirmDuplicate: boolean) => post<CustomerSummary>(`${customersPath(company.id)}/customers`, { ...form, confirmDuplicate }),
    onSuccess: async (created) => {
      unsaved.markSaved();
      await queryClient.invalidateQueries({ queryKey: customerKeys.all(company.id) });
      navigate(`/c/${company.id}/customers/${created.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'customers_possible_duplicate') setCandidates(error.body.candidates as DuplicateCandidate[]);
    },
  });
  const field = (key: keyof typeof EMPTY_FORM, required = false) => (
    <TextInput
      label={t(`customers.fields.${key}`)}
      value={form[key]}
      required={required}
      onChange={(e) => { const value = e.currentTarget.value; setForm((f) => ({ ...f, [key]: value })); setCandidates(null); }}
    />
  );
  const sortHeader = (key: ListParams['sort']) => (
    <Table.Th scope="col" aria-sort={params.sort === key ? (params.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Anchor component="button" type="button" onClick={() => update({ sort: key, dir: params.sort === key && params.dir === 'asc' ? 'desc' : 'asc' })}>
        {t(`customers.list.column.${key}`)}{params.sort === key ? (params.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </Anchor>
    </Table.Th>
  );
  return (
    <>
      <PageHeader title={t('customers.title')} intro={t('customers.list.intro')} />
      {canWrite && (
        <Card withBorder padding="md" mb="lg">
          <Group>
            <Button variant={formOpen ? 'default' : 'filled'} onClick={() => setFormOpen((o) => !o)} aria-expanded={formOpen}>{t('customers.list.new')}</Button>
            {canImport && <Button component={Link} to={`/c/${company.id}/customers/import`} variant="default">{t('customers.list.import')}</Button>}
          </Group>
          {formOpen && (<>
            <form
              onSubmit={(e) => { e.preventDefault(); if (form.name.trim()) create.mutate(false); }}
              aria-label={t('customers.list.new')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md">
                {field('name', true)}
                {field('vatId')}
                {field('street')}
                {field('postcode')}
                {field('city')}
                {field('country')}
                {field('email')}
                {field('phone')}
              </SimpleGrid>
              <Group mt="md">
                <Button type="submit" loading={create.isPending && !candidates}>{t('customers.list.create')}</Button>
              </Group>
            </form>
            {candidates && (
              <DuplicatePrompt companyId={company.id} candidates={candidates} pending={create.isPending} onCreateAnyway={() => create.mutate(true)} onCancel={() => setCandidates(null)} />
            )}
            {create.error && !candidates && <ProblemAlert error={create.error} />}
          </>)}
        </Card>
      )}
      <Card withBorder padding="md">
        <form role="search" onSubmit={(e) => e.preventDefault()}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
            <TextInput label={t('customers.list.search')} description={t('customers.list.searchHint')} value={params.q} onChange={(e) => update({ q: e.currentTarget.value })} type="search" />
            <Select
              label={t('customers.list.country')}
              value={params.country || null}
              onChange={(v) => update({ country: v ?? '' })}
              data={['DE', 'AT', 'CH', 'NL', 'FR', 'PL', 'CZ', 'DK'].map((c) => ({ value: c, label: t(`customers.countries.${c}`) }))}
              clearable
              placeholder={t('customers.list.allCountries')}
            />
          </SimpleGrid>
        </form>
        {list.error && <ProblemAlert error={list.error} />}
        {!list.data ? (
          <Loading />
        ) : list.data.items.length === 0 ? (
          <Text>{params.q || params.country ? t('customers.list.noMatch') : t('customers.list.empty')}</Text>
        ) : (
          <>
            <Group justify="space-between" mb="xs">
              <Text size="sm" c="dimmed" aria-live="polite">{t('customers.list.count', { count: list.data.total })}</Text>
              <ExportLinks path={`${customersPath(company.id)}/customers`} params={{ q: params.q, country: params.country, sort: params.sort, dir: params.dir }} label={t('customers.export.customers')} />
            </Group>
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="sm" data-testid="customer-list">
                <Table.Thead>
                  <Table.Tr>
                    {sortHeader('number')}
                    {sortHeader('name')}
                    {sortHeader('city')}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.number}</Table.Td>
                      <Table.Td><Anchor component={Link} to={`/c/${company.id}/customers/${c.id}`} fw={600}>{c.name}</Anchor></Table.Td>
                      <Table.Td>{[c.postcode, c.city].filter(Boolean).join(' ')}{c.country && c.country !== 'DE' ? ` (${c.country})` : ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListPagination page={params.page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => update({ page: String(p) })} />
          </>
        )}
      </Card>
      {unsaved.prompt}
    </>
  );
}
