import '../load-translations';
import '../load-manage-translations';
import { Alert, Anchor, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { darkTitle } from '../manage/form-helpers';
import { Link, useNavigate, useParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useCompany } from '../../../../web/layout/app-layout';
import { api, useMachineWithParts, useMachinesMutation } from '../manage-api';
import { DevicesSection } from '../manage/devices-section';
import { MachineForm } from '../manage/machine-form';
import { PointsSection } from '../manage/points-section';
import { RulesSection } from '../manage/rules-section';

/** Setting up one machine: its details, data points, device credentials and alarm rules. */
export default function ManageMachinePage() {
  const { t } = useTranslation();
  const company = useCompany();
  const navigate = useNavigate();
  const { machineId = '' } = useParams();
  const machine = useMachineWithParts(company.id, machineId);
  const canManage = company.permissions.includes('machines.manage');
  const [deleting, setDeleting] = useState(false);
  const remove = useMachinesMutation(company.id, () => api.deleteMachine(company.id, machineId));
  if (machine.error && !machine.data) return <ProblemAlert error={machine.error} />;
  if (!machine.data) return <Loading />;
  const m = machine.data;
  return (
    <>
      <Group gap="md">
        <Anchor component={Link} to={`/c/${company.id}/machines/manage`} size="sm">{t('machinesManage.backToMachines')}</Anchor>
        <Anchor component={Link} to={`/c/${company.id}/machines/${m.id}`} size="sm">{t('machinesManage.machine.openData', { name: m.name })}</Anchor>
      </Group>
      <PageHeader title={t('machinesManage.machine.title', { name: m.name })} intro={m.description || undefined} />
      {!canManage && <Alert styles={darkTitle('blue')} mb="md" color="blue" title={t('machinesManage.readOnly')} />}
      <Stack gap="lg">
        {canManage && (
          <Card withBorder padding="lg" component="section" aria-labelledby="details-title">
            <Title order={2} size="h4" id="details-title" mb="sm">{t('machinesManage.machine.details')}</Title>
            <MachineForm key={m.id} machine={m} />
          </Card>
        )}
        <PointsSection machineId={m.id} points={m.points} canManage={canManage} />
        <DevicesSection machineId={m.id} devices={m.devices} points={m.points.map((p) => p.name)} canManage={canManage} />
        <RulesSection machineId={m.id} points={m.points} canManage={canManage} />
        {canManage && (
          <Card withBorder padding="lg" component="section" aria-labelledby="delete-title">
            <Title order={2} size="h4" id="delete-title">{t('machinesManage.machine.deleteTitle')}</Title>
            <Text size="sm" mb="sm">{t('machinesManage.machine.deleteHint')}</Text>
            <Button color="red" c="red.9" variant="outline" onClick={() => setDeleting(true)}>{t('machinesManage.machine.delete', { name: m.name })}</Button>
          </Card>
        )}
      </Stack>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t('machinesManage.machine.deleteTitle')}>
        <Stack>
          <ProblemAlert error={remove.error} />
          <Text>{t('machinesManage.machine.deleteConfirm', { name: m.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>{t('machinesManage.cancel')}</Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => navigate(`/c/${company.id}/machines/manage`) })}>{t('machinesManage.delete')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
