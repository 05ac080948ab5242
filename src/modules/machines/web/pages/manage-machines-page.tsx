import '../load-translations';
import '../load-manage-translations';
import { Alert, Anchor, Button, Card, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { darkTitle } from '../manage/form-helpers';
import { Link, useNavigate } from 'react-router';
import { useClientList } from '../../../../web/components/client-list';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useCompany } from '../../../../web/layout/app-layout';
import { useMachines, useWorkCentres } from '../manage-api';
import { MachineForm } from '../manage/machine-form';

/** All machines of the company, each linked to its set-up page; new machines are created here. */
export default function ManageMachinesPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const navigate = useNavigate();
  const machines = useMachines(company.id);
  const canManage = company.permissions.includes('machines.manage');
  const shopfloor = company.modules.some((m) => m.id === 'shopfloor' && m.enabled) && company.permissions.includes('shopfloor.read');
  const workCentres = useWorkCentres(company.id, shopfloor);
  const centre = (id: string | null) => {
    const w = workCentres.data?.find((x) => x.id === id);
    return w ? `${w.code} – ${w.name}` : '—';
  };
  const view = useClientList(machines.data ?? [], {
    texts: (m) => [m.name, m.description, ...(shopfloor ? [centre(m.workCentreId)] : [])],
    sorts: {
      name: { label: t('machinesManage.machine.name'), compare: (a, b) => a.name.localeCompare(b.name) },
      ...(shopfloor ? { centre: { label: t('machinesManage.machine.workCentre'), compare: (a, b) => centre(a.workCentreId).localeCompare(centre(b.workCentreId)) || a.name.localeCompare(b.name) } } : {}),
    },
  });
  if (machines.error && !machines.data) return <ProblemAlert error={machines.error} />;
  if (!machines.data) return <Loading />;
  return (
    <>
      <Anchor component={Link} to={`/c/${company.id}/machines`} size="sm">{t('machinesManage.backToOverview')}</Anchor>
      <PageHeader title={t('machinesManage.machines.title')} intro={t('machinesManage.machines.intro')} />
      {!canManage && <Alert styles={darkTitle('blue')} mb="md" color="blue" title={t('machinesManage.readOnly')} />}
      {machines.data.length === 0 ? (
        <Text mb="lg">{t('machinesManage.machines.empty')}</Text>
      ) : (
        <Paper withBorder mb="lg" p="md">
          {view.controls}
          {view.noMatchNotice}
          <Table.ScrollContainer minWidth={560} display={view.noMatch ? 'none' : undefined}>
            <Table verticalSpacing="sm" striped>
              <Table.Caption>{t('machinesManage.machines.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('machinesManage.machine.name')}</Table.Th>
                  {shopfloor && <Table.Th scope="col">{t('machinesManage.machine.workCentre')}</Table.Th>}
                  <Table.Th scope="col">{t('machinesManage.machine.description')}</Table.Th>
                  <Table.Th scope="col">{t('machinesManage.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.shown.map((m) => (
                  <Table.Tr key={m.id} data-machine-row={m.name}>
                    <Table.Th scope="row">{m.name}</Table.Th>
                    {shopfloor && <Table.Td>{centre(m.workCentreId)}</Table.Td>}
                    <Table.Td><Text size="sm" lineClamp={2}>{m.description}</Text></Table.Td>
                    <Table.Td>
                      <Button component={Link} to={`/c/${company.id}/machines/${m.id}/manage`} variant="light" size="sm" aria-label={t('machinesManage.machines.openLabel', { name: m.name })}>
                        {canManage ? t('machinesManage.machines.open') : t('machinesManage.machines.view')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {view.pagination}
        </Paper>
      )}
      {canManage && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">{t('machinesManage.machine.createTitle')}</Title>
          <MachineForm onSaved={(m) => navigate(`/c/${company.id}/machines/${m.id}/manage`)} />
        </Card>
      )}
      <Group mt="lg">
        <Anchor component={Link} to={`/c/${company.id}/machines/notifications`}>{t('machinesManage.notifications.link')}</Anchor>
      </Group>
    </>
  );
}
