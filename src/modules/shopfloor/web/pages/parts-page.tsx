import { Anchor, Button, Card, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useClientList } from '../../../../web/components/client-list';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useWorkCentres } from '../api';
import { ShopfloorTabs } from '../components/shopfloor-tabs';
import { useParts } from '../master-data/api';
import { useMasterData } from '../master-data/use-master-data';

export default function PartsPage() {
  const { m, company, canPlan, base } = useMasterData();
  const parts = useParts(company.id);
  const centres = useWorkCentres(company.id);
  const code = new Map((centres.data ?? []).map((c) => [c.id, c.code]));
  const view = useClientList(parts.data ?? [], {
    texts: (p) => [p.number, p.name, ...p.operations.flatMap((o) => [o.name, code.get(o.workCentreId) ?? ''])],
    sorts: {
      number: { label: m('parts.number'), compare: (a, b) => a.number.localeCompare(b.number) },
      name: { label: m('parts.name'), compare: (a, b) => a.name.localeCompare(b.name) || a.number.localeCompare(b.number) },
    },
  });
  const error = parts.error ?? centres.error;
  if (error) return <ProblemAlert error={error} />;
  if (!parts.data || !centres.data) return <Loading />;
  const list = view.shown;
  return (
    <>
      <ShopfloorTabs />
      <PageHeader title={m('parts.title')} intro={m('parts.intro')}>
        {canPlan && (
          <Group mt="sm">
            <Button component={Link} to={`${base}/parts/new`} size="lg">{m('parts.new')}</Button>
          </Group>
        )}
      </PageHeader>
      {parts.data.length === 0 ? (
        <Text>{m('parts.empty')}</Text>
      ) : (
        <Card withBorder padding="md">
          {view.controls}
          {view.noMatchNotice}
          <Table verticalSpacing="sm" data-testid="part-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m('parts.number')}</Table.Th>
                <Table.Th scope="col">{m('parts.routing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((p) => (
                <Table.Tr key={p.id} data-part={p.number}>
                  <Table.Td>
                    <Anchor component={Link} to={`${base}/parts/${p.id}`} fw={600} size="lg" aria-label={m('parts.show', { name: `${p.number} ${p.name}` })}>{p.number}</Anchor>
                    <Text size="sm">{p.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    {p.operations.length === 0 ? (
                      <Text size="sm" c="dimmed">{m('parts.noRouting')}</Text>
                    ) : (
                      <Text size="sm">
                        {p.operations.map((o) => `${o.position}. ${o.name} (${code.get(o.workCentreId) ?? '?'})${o.parameters.length ? ` · ${m('parts.parameterCount', { count: o.parameters.length })}` : ''}`).join(' → ')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {view.pagination}
        </Card>
      )}
    </>
  );
}
