import '../load-analytics-translations';
import { Anchor, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import type { OrderSegment } from '../analytics-api';

/** The production orders that ran on the machine's work centre in the chart's range, as a table. */
export function OrderSegments({ segments }: { segments: OrderSegment[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const company = useCompany();
  if (segments.length === 0) return <Text size="sm" c="dimmed" mt="sm">{t('machinesAnalytics.orders.none')}</Text>;
  return (
    <ScrollArea mt="sm">
      <Table withTableBorder data-testid="order-segments">
        <Table.Caption>{t('machinesAnalytics.orders.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('machinesAnalytics.orders.order')}</Table.Th>
            <Table.Th scope="col">{t('machinesAnalytics.orders.operation')}</Table.Th>
            <Table.Th scope="col">{t('machinesAnalytics.orders.phase')}</Table.Th>
            <Table.Th scope="col">{t('machinesAnalytics.orders.from')}</Table.Th>
            <Table.Th scope="col">{t('machinesAnalytics.orders.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments.map((s) => (
            <Table.Tr key={`${s.operationId}-${s.start}`} data-order={s.orderNumber}>
              <Table.Td>
                <Anchor component={Link} to={`/c/${company.id}/machines/orders/${s.orderId}`} aria-label={t('machinesAnalytics.orders.open', { number: s.orderNumber })}>{s.orderNumber}</Anchor>
              </Table.Td>
              <Table.Td>{s.operationName}</Table.Td>
              <Table.Td>{t(`machinesAnalytics.phase.${s.phase}`)}</Table.Td>
              <Table.Td>{dateTime(s.start)}</Table.Td>
              <Table.Td>{dateTime(s.end)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
