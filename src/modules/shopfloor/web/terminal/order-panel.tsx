import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { Reason } from '../../domain/reason-tree';
import type { Order } from '../../schemas';
import type { BookingQueue, QueueEntry } from '../booking-queue';
import { OperationCard } from './operation-card';
import { ALL_WORK_CENTRES } from './use-terminal-order';

/** The opened order with its operations at the chosen work centre. */
export function OrderPanel(props: { order: Order; workCentreId: string; entries: QueueEntry[]; fetchedAt: number; canBook: boolean; queue: BookingQueue; focusPosition: number | null; reasons: Reason[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { number, date } = useFormat();
  const { order } = props;
  const operations = order.operations.filter((op) => props.workCentreId === ALL_WORK_CENTRES || op.workCentreId === props.workCentreId);
  return (
    <Card withBorder padding="lg" mb="lg" data-testid="order-panel">
      <Group justify="space-between" align="start" mb="md">
        <Stack gap={2}>
          <Title order={2} size="h3">{t('shopfloor.terminal.order', { number: order.number })}</Title>
          <Text>{t('shopfloor.terminal.orderDetails', { part: order.partNumber, quantity: number(order.quantity) })}</Text>
          <Text fw={700} data-testid="terminal-lot">{order.lotNumber ? t('shopfloor.terminal.lot', { lot: order.lotNumber }) : t('shopfloor.terminal.noLot')}</Text>
          {order.serialNumbers.length > 0 && (
            <Text data-testid="terminal-serials">{t('shopfloor.terminal.serials', { first: order.serialNumbers[0], last: order.serialNumbers[order.serialNumbers.length - 1], count: order.serialNumbers.length })}</Text>
          )}
          {order.dueDate && <Text c="dimmed">{t('shopfloor.terminal.dueDate', { date: date(`${order.dueDate}T12:00:00`) })}</Text>}
        </Stack>
        <Button size="lg" variant="default" onClick={props.onClose}>{t('shopfloor.terminal.close')}</Button>
      </Group>
      {!props.canBook && <Alert mb="md">{t('shopfloor.terminal.noBookPermission')}</Alert>}
      {operations.length === 0 ? (
        <Text>{t('shopfloor.terminal.noOperations')}</Text>
      ) : (
        <Stack gap="md">
          {operations.map((op) => (
            <OperationCard key={op.id} order={order} op={op} entries={props.entries} fetchedAt={props.fetchedAt} canBook={props.canBook} queue={props.queue} focused={op.position === props.focusPosition} reasons={props.reasons} />
          ))}
        </Stack>
      )}
    </Card>
  );
}
