import { Button, Card, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { del, get, post, setCsrfToken } from '../../../../web/api/client';
import { ME_KEY } from '../../../../web/api/me';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert, fieldError } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { clearTerminalData, registerTerminalServiceWorker } from '../../../../web/pwa/service-worker-client';
import { shopfloorPath, useWorkCentres } from '../api';
import { QuantityMarginSetting } from '../components/quantity-margin-setting';

interface Terminal { id: string; name: string; workCentreId: string | null; createdAt: string; lastSignInAt: string | null }
const ANY = '';

/** Registered terminals; "set up this device" registers the browser it runs in. */
export default function TerminalsPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const company = useCompany();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = ['shopfloor', company.id, 'terminals'];
  const terminals = useQuery({ queryKey: key, queryFn: () => get<Terminal[]>(`${shopfloorPath(company.id)}/terminals`) });
  const workCentres = useWorkCentres(company.id);
  const [form, setForm] = useState({ name: '', workCentreId: ANY });
  const [revoking, setRevoking] = useState<Terminal | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const register = useMutation({
    mutationFn: () => post<Terminal>(`${shopfloorPath(company.id)}/terminals`, { name: form.name, workCentreId: form.workCentreId || null }),
    onSuccess: () => void refresh(),
  });
  const revoke = useMutation({ mutationFn: (id: string) => del(`${shopfloorPath(company.id)}/terminals/${id}`), onSuccess: () => setRevoking(null), onSettled: refresh });
  useEffect(() => {
    if (register.data) registerTerminalServiceWorker();
  }, [register.data]);

  const signOutToPin = async () => {
    await post('/auth/logout');
    setCsrfToken(undefined);
    await clearTerminalData();
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, null);
    navigate('/terminal');
  };

  if (!terminals.data || !workCentres.data) return terminals.error ? <ProblemAlert error={terminals.error} /> : <Loading />;
  const centreName = (id: string | null) => {
    const w = workCentres.data.find((c) => c.id === id);
    return w ? `${w.code} – ${w.name}` : t('terminal.devices.anyWorkCentre');
  };
  return (
    <>
      <PageHeader title={t('terminal.devices.title')} intro={t('terminal.devices.intro')} />
      <QuantityMarginSetting companyId={company.id} canEdit={company.permissions.includes('shopfloor.plan')} />
      <Stack gap="lg">
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">{t('terminal.devices.setUpThis')}</Title>
          {register.data ? (
            <Stack>
              <Text role="status" fw={600} c="teal.9">{t('terminal.devices.registered', { name: register.data.name })}</Text>
              <Group><Button size="lg" onClick={signOutToPin}>{t('terminal.devices.signOutToPin')}</Button></Group>
            </Stack>
          ) : (
            <form onSubmit={(e) => { e.preventDefault(); register.mutate(); }} noValidate>
              <Stack>
                <ProblemAlert error={register.error} />
                <Group align="flex-start" grow>
                  <TextInput size="md" label={t('terminal.devices.name')} description={t('terminal.devices.nameHint')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={fieldError(register.error, 'body.name', t)} />
                  <Select
                    size="md"
                    label={t('terminal.devices.workCentre')}
                    description={t('terminal.devices.workCentreHint')}
                    allowDeselect={false}
                    value={form.workCentreId}
                    onChange={(v) => setForm({ ...form, workCentreId: v ?? ANY })}
                    data={[{ value: ANY, label: t('terminal.devices.anyWorkCentre') }, ...workCentres.data.map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))]}
                  />
                </Group>
                <Group><Button type="submit" size="md" loading={register.isPending}>{t('terminal.devices.register')}</Button></Group>
              </Stack>
            </form>
          )}
        </Card>
        <Paper withBorder>
          <Title order={2} size="h4" p="md" pb={0}>{t('terminal.devices.list')}</Title>
          {terminals.data.length === 0 ? (
            <Text p="md" c="dark.5">{t('terminal.devices.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="sm" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('terminal.devices.name')}</Table.Th>
                    <Table.Th>{t('terminal.devices.workCentre')}</Table.Th>
                    <Table.Th>{t('terminal.devices.since')}</Table.Th>
                    <Table.Th>{t('terminal.devices.lastSignIn')}</Table.Th>
                    <Table.Th><VisuallyHidden>{t('terminal.devices.revoke')}</VisuallyHidden></Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {terminals.data.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{d.name}</Table.Td>
                      <Table.Td>{centreName(d.workCentreId)}</Table.Td>
                      <Table.Td>{dateTime(d.createdAt)}</Table.Td>
                      <Table.Td>{d.lastSignInAt ? dateTime(d.lastSignInAt) : t('terminal.devices.never')}</Table.Td>
                      <Table.Td><Button variant="subtle" color="red" size="sm" onClick={() => setRevoking(d)} aria-label={`${t('terminal.devices.revoke')}: ${d.name}`}>{t('terminal.devices.revoke')}</Button></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('terminal.devices.revoke')}>
        <Stack>
          <ProblemAlert error={revoke.error} />
          <Text>{t('terminal.devices.revokeConfirm', { name: revoking?.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>{t('terminal.devices.cancel')}</Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>{t('terminal.devices.revoke')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
