import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/problem-alert';
import { useFormat } from '../i18n/format';
import { nameOf } from './subscription-list';
import { type Delivery, type EventCatalogue, type Subscription, useDeliveries, useWebhooksMutation, webhooksApi } from './webhooks-api';

// dark shades: white text on them keeps the 4.5:1 contrast (orange does not)
const STATUS_COLOR = { pending: 'blue.9', delivered: 'teal.9', failed: 'red.9' } as const;

/** The delivery log, newest first: event by name, receiver, status with attempts and answer; a waiting or failed delivery can be sent again. */
export function DeliveryLog({ companyId, catalogue, subscriptions }: { companyId: string; catalogue: EventCatalogue; subscriptions: Subscription[] }) {
  const { t } = useTranslation();
  const { dateTime, localized } = useFormat();
  const deliveries = useDeliveries(companyId);
  const retry = useWebhooksMutation(companyId, (d: Delivery) => webhooksApi.retry(companyId, d.id));
  const eventName = (type: string) => (catalogue.labels[type] ? localized(catalogue.labels[type]) : type);
  const receiver = (d: Delivery) => {
    const s = subscriptions.find((x) => x.id === d.subscriptionId);
    return s ? nameOf(s) : t('webhooksPage.log.deleted', { url: d.url });
  };
  if (!deliveries.data || deliveries.data.length === 0) return <Text>{t('webhooksPage.log.empty')}</Text>;
  return (
    <>
      <ProblemAlert error={retry.error} />
      <Paper withBorder>
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('webhooksPage.log.time')}</Table.Th>
                <Table.Th scope="col">{t('webhooksPage.log.event')}</Table.Th>
                <Table.Th scope="col">{t('webhooksPage.log.receiver')}</Table.Th>
                <Table.Th scope="col">{t('webhooksPage.log.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.data.map((d) => (
                <Table.Tr key={d.id} data-delivery={d.status}>
                  <Table.Td>{dateTime(d.createdAt)}</Table.Td>
                  <Table.Td>{eventName(d.eventType)}</Table.Td>
                  <Table.Td><Text size="sm" style={{ wordBreak: 'break-all' }}>{receiver(d)}</Text></Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[d.status]} variant="filled">{t(`webhooksPage.log.statuses.${d.status}`)}</Badge>
                    <Text size="xs">
                      {t('webhooksPage.log.attempts', { count: d.attempts })}
                      {d.responseStatus !== null ? ` · ${t('webhooksPage.log.answer', { status: d.responseStatus })}` : ''}
                      {d.lastError && d.lastError !== `HTTP ${d.responseStatus}` ? ` · ${d.lastError}` : ''}
                      {d.status === 'pending' && d.nextAttemptAt ? ` · ${t('webhooksPage.log.next', { time: dateTime(d.nextAttemptAt) })}` : ''}
                    </Text>
                    {d.status !== 'delivered' && (
                      <Button size="compact-xs" variant="light" mt={4} loading={retry.isPending && retry.variables?.id === d.id} onClick={() => retry.mutate(d)}
                        aria-label={t('webhooksPage.log.retryLabel', { event: eventName(d.eventType), name: receiver(d) })}>
                        {t('webhooksPage.log.retry')}
                      </Button>
                    )}
                    {retry.isSuccess && retry.variables?.id === d.id && d.status !== 'delivered' && <Text size="xs" role="status">{t('webhooksPage.log.retried')}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
