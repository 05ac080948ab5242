import '../load-translations';
import '../load-manage-translations';
import '../load-sources-translations';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { type Connection, useConnection, useDeleteConnection } from '../sources-api';
import { ConnectionForm } from '../sources/connection-form';
import { OpcuaBrowser } from '../sources/opcua-browser';
import { StatusBadge } from '../sources/status-badge';

function StatusCard({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const s = connection.status;
  return (
    <Card component="section" withBorder padding="md" aria-labelledby="connection-status" aria-live="polite">
      <Group justify="space-between">
        <Title order={2} size="h4" id="connection-status">{t('machinesSources.detail.status')}</Title>
        <StatusBadge state={s.state} />
      </Group>
      <Stack gap={4} mt="xs">
        <Text size="sm">{t('machinesSources.detail.lastMessage')}: {s.lastMessageAt ? dateTime(s.lastMessageAt) : '—'}</Text>
        <Text size="sm">{t('machinesSources.detail.stored', { count: s.stored })}</Text>
        {s.lastError && <Alert color="red" variant="light" title={t('machinesSources.detail.lastError', { time: s.lastErrorAt ? dateTime(s.lastErrorAt) : '' })}>{s.lastError}</Alert>}
      </Stack>
    </Card>
  );
}

/** Set up one connection (or a new one for `/new/:kind`); for OPC UA also browse and pick variables. */
export default function ConnectionPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const navigate = useNavigate();
  const { connectionId, kind } = useParams();
  const connection = useConnection(company.id, connectionId);
  const remove = useDeleteConnection(company.id);
  const canManage = company.permissions.includes('machines.manage');
  const list = `/c/${company.id}/machines/connections`;
  const back = <Anchor component={Link} to={list} size="sm">{t('machinesSources.backToList')}</Anchor>;

  if (!connectionId) {
    const k = kind === 'opcua' ? 'opcua' : 'mqtt';
    return (
      <>
        {back}
        <PageHeader title={t(`machinesSources.new.${k}`)} intro={t(`machinesSources.new.${k}Intro`)} />
        <Card withBorder padding="lg">
          <ConnectionForm kind={k} onSaved={(c) => navigate(`${list}/${c.id}`)} />
        </Card>
      </>
    );
  }
  if (connection.error && !connection.data) return <ProblemAlert error={connection.error} />;
  if (!connection.data) return <Loading />;
  const c = connection.data;
  return (
    <>
      {back}
      <PageHeader title={c.name} intro={t(`machinesSources.kind.${c.kind}`)} />
      <Stack>
        <StatusCard connection={c} />
        {canManage && (
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">{t('machinesSources.detail.settings')}</Title>
            <ConnectionForm key={c.id} kind={c.kind} connection={c} />
          </Card>
        )}
        {c.kind === 'opcua' && (
          <section aria-labelledby="opcua-variables">
            <Title order={2} size="h4" mb="sm" id="opcua-variables">{t('machinesSources.detail.variables')}</Title>
            <OpcuaBrowser connectionId={c.id} canManage={canManage} />
          </section>
        )}
        {canManage && (
          <Group>
            {remove.error && <ProblemAlert error={remove.error} />}
            <Button
              color="red.9"
              variant="outline"
              loading={remove.isPending}
              onClick={() => {
                if (window.confirm(t('machinesSources.detail.confirmDelete', { name: c.name }))) remove.mutate(c.id, { onSuccess: () => navigate(list) });
              }}
            >
              {t('machinesSources.detail.delete')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
