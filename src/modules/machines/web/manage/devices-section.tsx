import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { type CreatedDevice, type Device, api, useMachinesMutation } from '../manage-api';
import { FormProblem, fieldMessage, darkTitle } from './form-helpers';
import { ManageSection } from './manage-section';

function CopyField({ label, value, multiline }: { label: string; value: string; multiline?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>{label}</Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy} aria-label={t('machinesManage.devices.copyLabel', { what: label })}>
              {copied ? t('machinesManage.devices.copied') : t('machinesManage.devices.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block={multiline} style={{ wordBreak: 'break-all', whiteSpace: multiline ? 'pre-wrap' : undefined }} data-copy={label}>{value}</Code>
    </Stack>
  );
}

/** The token of a new device, shown once, with ready-to-paste commands. */
function TokenModal({ device, points, onClose }: { device: CreatedDevice | null; points: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  if (!device) return null;
  const origin = window.location.origin;
  const host = window.location.hostname;
  const point = points[0] ?? 'temperature';
  const curl = `curl -H "Authorization: Bearer ${device.token}" -H "Content-Type: application/json" \\\n  -d "{\\"ts\\":\\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\\",\\"values\\":{\\"${point}\\":42}}" \\\n  ${origin}/api/v1/ingest`;
  const mqtt = `mosquitto_pub -h ${host} -p 1883 -q 1 -i ${device.id} -u ${device.id} -P '${device.token}' \\\n  -t ${device.mqtt.topic} -m "{\\"ts\\":$(date +%s%3N),\\"values\\":{\\"${point}\\":42}}"`;
  return (
    <Modal opened onClose={onClose} size="xl" title={t('machinesManage.devices.createdTitle', { name: device.name })}>
      <Stack data-testid="device-token">
        <Alert styles={darkTitle('red')} color="red" title={t('machinesManage.devices.onceTitle')}>{t('machinesManage.devices.once')}</Alert>
        <CopyField label={t('machinesManage.devices.deviceId')} value={device.id} />
        <CopyField label={t('machinesManage.devices.token')} value={device.token} />
        <CopyField label={t('machinesManage.devices.curl')} value={curl} multiline />
        <CopyField label={t('machinesManage.devices.mosquitto')} value={mqtt} multiline />
        <Text size="sm" c="dimmed">{t('machinesManage.devices.topicHint', { topic: device.mqtt.topic })}</Text>
        <Group justify="flex-end"><Button onClick={onClose}>{t('machinesManage.devices.done')}</Button></Group>
      </Stack>
    </Modal>
  );
}

/** Device credentials of a machine: create (token shown once), list, revoke. */
export function DevicesSection({ machineId, devices, points, canManage }: { machineId: string; devices: Device[]; points: string[]; canManage: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const company = useCompany();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedDevice | null>(null);
  const [revoking, setRevoking] = useState<Device | null>(null);
  const create = useMachinesMutation(company.id, () => api.createDevice(company.id, machineId, name.trim()));
  const revoke = useMachinesMutation(company.id, (id: string) => api.revokeDevice(company.id, machineId, id));
  return (
    <ManageSection
      id="devices-title"
      title={t('machinesManage.devices.title')}
      intro={t('machinesManage.devices.intro')}
      problem={revoke.error}
      emptyText={t('machinesManage.devices.empty')}
      minWidth={400}
      columns={[t('machinesManage.devices.name'), t('machinesManage.devices.lastSeen'), ...(canManage ? [t('machinesManage.actions')] : [])]}
      rows={devices.map((d) => (
        <Table.Tr key={d.id} data-device-row={d.name}>
          <Table.Th scope="row">
            {d.name}
            <Text size="xs" c="dimmed" fw={400} component="details">
              <summary>{t('machinesManage.devices.deviceId')}</summary>
              <Code>{d.id}</Code>
            </Text>
            {d.lastError && <Text size="xs" c="red.9">{t('machinesManage.devices.lastError', { error: d.lastError })}</Text>}
          </Table.Th>
          <Table.Td>{d.lastSeenAt ? dateTime(d.lastSeenAt) : t('machinesManage.devices.never')}</Table.Td>
          {canManage && (
            <Table.Td>
              <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => setRevoking(d)} aria-label={t('machinesManage.devices.revokeLabel', { name: d.name })}>{t('machinesManage.devices.revoke')}</Button>
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    >
      {canManage && (
        <form
          noValidate
          aria-label={t('machinesManage.devices.createTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(undefined, { onSuccess: (d) => { setCreated(d); setName(''); } });
          }}
        >
          <Stack gap="sm">
            <FormProblem error={create.error} />
            <Group align="flex-end">
              <TextInput style={{ flex: 1 }} label={t('machinesManage.devices.newName')} description={t('machinesManage.devices.newNameHint')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldMessage(t, create.error, 'body.name', 'deviceName')} />
              <Button type="submit" loading={create.isPending}>{t('machinesManage.devices.create')}</Button>
            </Group>
          </Stack>
        </form>
      )}
      <TokenModal device={created} points={points} onClose={() => setCreated(null)} />
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('machinesManage.devices.revoke')}>
        <Stack>
          <Text>{t('machinesManage.devices.revokeConfirm', { name: revoking?.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>{t('machinesManage.cancel')}</Button>
            <Button color="red.9" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}>{t('machinesManage.devices.revoke')}</Button>
          </Group>
        </Stack>
      </Modal>
    </ManageSection>
  );
}
