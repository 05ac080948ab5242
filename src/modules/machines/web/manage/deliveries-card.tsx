import { Badge, Card, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import { useDeliveries } from '../manage-api';

// dark shades that keep white text at WCAG AA contrast (Mantine's orange.9 stays below 4.5:1)
const STATUS_COLOR = { pending: '#b8400b', delivered: 'teal.9', failed: 'red.9' } as const;

/** The delivery log: each webhook call and e-mail with its status, attempts and last answer. */
export function DeliveriesCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const deliveries = useDeliveries(companyId);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="deliveries-title">
      <Title order={2} size="h4" id="deliveries-title">{t('machinesManage.deliveries.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('machinesManage.deliveries.intro')}</Text>
      {!deliveries.data || deliveries.data.length === 0 ? (
        <Text>{t('machinesManage.deliveries.empty')}</Text>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('machinesManage.deliveries.time')}</Table.Th>
                  <Table.Th scope="col">{t('machinesManage.deliveries.alarm')}</Table.Th>
                  <Table.Th scope="col">{t('machinesManage.deliveries.target')}</Table.Th>
                  <Table.Th scope="col">{t('machinesManage.deliveries.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.data.map((d) => (
                  <Table.Tr key={d.id} data-delivery={d.status}>
                    <Table.Td>{dateTime(d.createdAt)}</Table.Td>
                    <Table.Td>{t(`machinesManage.notifications.events.${d.event}`)}: {d.ruleName || d.point} · {d.machineName}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">{t(`machinesManage.deliveries.channels.${d.channel}`)}</Text>
                      <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>{d.target}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[d.status]} variant="filled">{t(`machinesManage.deliveries.statuses.${d.status}`)}</Badge>
                      <Text size="xs">
                        {t('machinesManage.deliveries.attempts', { count: d.attempts })}
                        {d.lastError ? ` · ${d.lastError}` : ''}
                        {d.status === 'pending' && d.nextAttemptAt ? ` · ${t('machinesManage.deliveries.next', { time: dateTime(d.nextAttemptAt) })}` : ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Card>
  );
}
