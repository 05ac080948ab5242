import '../load-translations';
import '../load-manage-translations';
import '../load-sources-translations';
import { Alert, Anchor, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClientList } from '../../../../web/components/client-list';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { useConnections } from '../sources-api';
import { StatusBadge } from '../sources/status-badge';

/** External MQTT brokers and OPC UA servers of the company with their live status. */
export default function ConnectionsPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const company = useCompany();
  const connections = useConnections(company.id);
  const canManage = company.permissions.includes('machines.manage');
  const view = useClientList(connections.data ?? [], {
    texts: (c) => [c.name, c.url, t(`machinesSources.kind.${c.kind}`)],
    sorts: { name: { label: t('machinesSources.list.name'), compare: (a, b) => a.name.localeCompare(b.name) } },
  });
  if (connections.error && !connections.data) return <ProblemAlert error={connections.error} />;
  if (!connections.data) return <Loading />;
  return (
    <>
      <Anchor component={Link} to={`/c/${company.id}/machines`} size="sm">{t('machinesSources.backToOverview')}</Anchor>
      <PageHeader title={t('machinesSources.list.title')} intro={t('machinesSources.list.intro')}>
        {canManage && (
          <Group gap="xs" mt="xs">
            <Button component={Link} to={`/c/${company.id}/machines/connections/new/mqtt`} size="sm">{t('machinesSources.list.newMqtt')}</Button>
            <Button component={Link} to={`/c/${company.id}/machines/connections/new/opcua`} size="sm" variant="light">{t('machinesSources.list.newOpcua')}</Button>
          </Group>
        )}
      </PageHeader>
      {!canManage && <Alert mb="md" color="blue" title={t('machinesSources.readOnly')} />}
      {connections.data.length === 0 ? (
        <Text>{t('machinesSources.list.empty')}</Text>
      ) : (
        <Paper withBorder p="md">
          {view.controls}
          {view.noMatchNotice}
          <Table.ScrollContainer minWidth={720} display={view.noMatch ? 'none' : undefined}>
            <Table verticalSpacing="sm" striped aria-live="polite">
              <Table.Caption>{t('machinesSources.list.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('machinesSources.list.name')}</Table.Th>
                  <Table.Th scope="col">{t('machinesSources.list.address')}</Table.Th>
                  <Table.Th scope="col">{t('machinesSources.list.status')}</Table.Th>
                  <Table.Th scope="col">{t('machinesSources.list.lastMessage')}</Table.Th>
                  <Table.Th scope="col">{t('machinesSources.list.lastError')}</Table.Th>
                  <Table.Th scope="col">{t('machinesSources.list.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.shown.map((c) => (
                  <Table.Tr key={c.id} data-connection={c.name}>
                    <Table.Th scope="row">
                      {c.name}
                      <Text size="xs" c="dimmed" fw={400}>{t(`machinesSources.kind.${c.kind}`)}{c.enabled ? '' : ` · ${t('machinesSources.list.disabled')}`}</Text>
                    </Table.Th>
                    <Table.Td><Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>{c.url}</Text></Table.Td>
                    <Table.Td><StatusBadge state={c.status.state} /></Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.status.lastMessageAt ? dateTime(c.status.lastMessageAt) : '—'}</Text>
                      {c.status.stored > 0 && <Text size="xs" c="dimmed">{t('machinesSources.list.stored', { count: c.status.stored })}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {c.status.lastError ? (
                        <Text size="sm" c="red.8" lineClamp={3} title={c.status.lastError}>{c.status.lastErrorAt ? `${dateTime(c.status.lastErrorAt)}: ` : ''}{c.status.lastError}</Text>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button component={Link} to={`/c/${company.id}/machines/connections/${c.id}`} variant="light" size="sm" aria-label={t('machinesSources.list.openLabel', { name: c.name })}>
                        {canManage ? t('machinesSources.list.open') : t('machinesSources.list.view')}
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
    </>
  );
}
