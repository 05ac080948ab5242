import '../load-translations';
import { Anchor, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClientList } from '../../../../web/components/client-list';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { useAcknowledge, useOverview } from '../api';
import { ManageLinks } from '../manage/manage-links';
import { NotificationsPanel } from '../manage/notifications-panel';
import { AlarmItem } from './alarm-item';
import { formatValue } from './format-value';

export default function MachinesPage() {
  const { t } = useTranslation();
  const { dateTime, number } = useFormat();
  const company = useCompany();
  const overview = useOverview(company.id);
  const acknowledge = useAcknowledge(company.id);
  const canAcknowledge = company.permissions.includes('machines.acknowledge');
  const view = useClientList(overview.data ?? [], {
    texts: (m) => [m.name, m.description, ...m.points.map((p) => p.label || p.name)],
    sorts: {
      name: { label: t('machines.list.sortName'), compare: (a, b) => a.name.localeCompare(b.name) },
      alarms: { label: t('machines.list.sortAlarms'), compare: (a, b) => b.alarms.length - a.alarms.length || a.name.localeCompare(b.name) },
    },
    // each machine is a card with its live values: fewer per page than a table's rows
    pageSize: 12,
  });
  if (overview.error && !overview.data) return <ProblemAlert error={overview.error} />;
  if (!overview.data) return <Loading />;
  return (
    <>
      <PageHeader title={t('machines.list.title')} intro={t('machines.list.intro')}>
        <ManageLinks companyId={company.id} />
      </PageHeader>
      <NotificationsPanel companyId={company.id} />
      {acknowledge.error && <ProblemAlert error={acknowledge.error} />}
      {overview.data.length === 0 ? (
        <Text>{t('machines.list.empty')}</Text>
      ) : (
        <>
          {view.controls}
          {view.noMatchNotice}
          <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="machine-cards">
            {view.shown.map((m) => (
              <Card key={m.id} withBorder padding="md" component="section" aria-labelledby={`machine-${m.id}`} data-machine={m.name}>
                <Title order={2} size="h3" id={`machine-${m.id}`}>
                  <Anchor component={Link} to={`/c/${company.id}/machines/${m.id}`} aria-label={t('machines.list.openDetails', { name: m.name })}>{m.name}</Anchor>
                </Title>
                {m.description && <Text c="dimmed" size="sm">{m.description}</Text>}
                {m.points.length === 0 ? (
                  <Text mt="sm">{t('machines.list.noPoints')}</Text>
                ) : (
                  <Table mt="sm" data-testid="live-values" aria-live="polite">
                    <Table.Caption>{t('machines.list.values', { name: m.name })}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('machines.list.point')}</Table.Th>
                        <Table.Th scope="col" ta="right">{t('machines.list.value')}</Table.Th>
                        <Table.Th scope="col">{t('machines.list.time')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {m.points.map((p) => (
                        <Table.Tr key={p.id} data-point={p.name}>
                          <Table.Th scope="row" fw={500}>{p.label || p.name}</Table.Th>
                          <Table.Td ta="right" ff="monospace">{p.value === null ? <Text span c="dimmed">{t('machines.list.noValue')}</Text> : formatValue(p.value, p.unit, number)}</Table.Td>
                          <Table.Td>{p.ts ? dateTime(p.ts) : ''}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
                <Title order={3} size="h5" mt="md" mb="xs">{t('machines.list.alarms')}</Title>
                {m.alarms.length === 0 ? (
                  <Text size="sm">{t('machines.list.noAlarms')}</Text>
                ) : (
                  <Stack gap="sm" data-testid="open-alarms">
                    {m.alarms.map((a) => (
                      <AlarmItem key={a.id} alarm={a} canAcknowledge={canAcknowledge} busy={acknowledge.isPending && acknowledge.variables?.id === a.id} onAcknowledge={() => acknowledge.mutate(a)} />
                    ))}
                  </Stack>
                )}
              </Card>
            ))}
          </SimpleGrid>
          {view.pagination}
        </>
      )}
    </>
  );
}
