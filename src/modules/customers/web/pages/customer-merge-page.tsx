import '../load-translations';
import { Alert, Button, Card, Group, Radio, Select, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { post } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useCompany } from '../../../../web/layout/app-layout';
import { customerKeys, customersPath, useCustomer, useCustomerList, type MergePlan } from '../api';

type Side = 'survivor' | 'absorbed';

/** Two customers side by side, field by field: pick what the merged customer keeps, then merge (undoable). */
export default function CustomerMergePage() {
  const { t } = useTranslation();
  const company = useCompany();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { customerId = '' } = useParams();
  const survivor = useCustomer(company.id, customerId);
  const [search, setSearch] = useState('');
  const [absorbedId, setAbsorbedId] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const found = useCustomerList(company.id, { q: search, country: '', sort: 'name', dir: 'asc', page: 1 });
  const base = customersPath(company.id);
  const plan = useQuery({
    queryKey: ['customer-merge-plan', company.id, customerId, absorbedId, choices],
    queryFn: () => post<MergePlan>(`${base}/customers/${customerId}/merge-plan`, { absorbedId, choices }),
    enabled: absorbedId !== null,
  });
  const merge = useMutation({
    mutationFn: () => post<{ mergeId: string; survivorId: string }>(`${base}/customers/${customerId}/merges`, { absorbedId, choices }),
    onSuccess: async (done) => {
      await queryClient.invalidateQueries({ queryKey: customerKeys.all(company.id) });
      navigate(`/c/${company.id}/customers/${done.survivorId}`);
    },
  });
  if (survivor.error) return <ProblemAlert error={survivor.error} />;
  if (!survivor.data) return <Loading />;
  const options = (found.data?.items ?? []).filter((c) => c.id !== customerId).map((c) => ({ value: c.id, label: `${c.number} · ${c.name}${c.city ? ` (${c.city})` : ''}` }));
  const show = (v: string | number | null) => (v === null || v === '' ? '—' : String(v));
  return (
    <>
      <PageHeader title={t('customers.merge.title')} intro={t('customers.merge.intro', { number: survivor.data.number, name: survivor.data.name })}>
        <Group><Button component={Link} to={`/c/${company.id}/customers/${customerId}`} variant="subtle">{t('customers.merge.back')}</Button></Group>
      </PageHeader>
      <Card withBorder padding="md" mb="lg">
        <Select
          label={t('customers.merge.other')}
          description={t('customers.merge.otherHint')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          value={absorbedId}
          onChange={(v) => { setAbsorbedId(v); setChoices({}); }}
          data={options}
          nothingFoundMessage={t('customers.list.noMatch')}
          filter={({ options: o }) => o}
        />
      </Card>
      {plan.error && <ProblemAlert error={plan.error} />}
      {absorbedId && !plan.data && !plan.error && <Loading />}
      {plan.data && (
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">{t('customers.merge.sideBySide')}</Title>
          <Table.ScrollContainer minWidth={600}>
            <Table data-testid="merge-plan">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('customers.merge.field')}</Table.Th>
                  <Table.Th scope="col">{plan.data.survivor.number} · {plan.data.survivor.name}</Table.Th>
                  <Table.Th scope="col">{plan.data.absorbed.number} · {plan.data.absorbed.name}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.data.fields.filter((f) => f.field !== 'salesOwnerId').map((f) => {
                  const label = t(`customers.fields.${f.field}`);
                  const fixed = f.field === 'customerNumber' || f.survivor === f.absorbed;
                  return (
                    <Table.Tr key={f.field}>
                      <Table.Th scope="row">{label}</Table.Th>
                      {(['survivor', 'absorbed'] as const).map((side) => (
                        <Table.Td key={side}>
                          {fixed ? (
                            <Text size="sm">{show(f[side])}</Text>
                          ) : (
                            <Radio
                              name={f.field}
                              value={side}
                              checked={f.chosen === side}
                              onChange={() => setChoices((c) => ({ ...c, [f.field]: side }))}
                              label={show(f[side])}
                              aria-label={t('customers.merge.keep', { field: label, value: show(f[side]) })}
                            />
                          )}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Alert mt="md" color="blue">
            {t('customers.merge.moves', { contacts: plan.data.moves.contacts, interactions: plan.data.moves.interactions, number: plan.data.absorbed.number })}
          </Alert>
          <Group mt="md">
            <Button onClick={() => merge.mutate()} loading={merge.isPending}>{t('customers.merge.confirm')}</Button>
          </Group>
          <ProblemAlert error={merge.error} />
        </Card>
      )}
    </>
  );
}
