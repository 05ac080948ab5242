import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../web/components/loading';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import type { Order } from '../../schemas';
import { type StoredBooking, useOrderBookings } from '../api';
import { useReasons } from '../reasons/reasons-api';
import { reasonText } from '../reasons/reason-text';
import { COLORS } from './status-badge';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const STATUS_COLOR: Record<StoredBooking['status'], string> = { applied: COLORS.green, conflict: COLORS.red, waiting: COLORS.gray };

/** Every booking of the order as it arrived — also refused ones with why, and corrections with what they took back. */
export function OrderBookings({ companyId, order }: { companyId: string; order: Order }) {
  const { t, i18n } = useTranslation();
  const { number, dateTime } = useFormat();
  const bookings = useOrderBookings(companyId, order.id);
  const reasons = useReasons(companyId).data ?? [];
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  if (bookings.error) return <ProblemAlert error={bookings.error} />;
  if (!bookings.data) return <Loading />;
  if (bookings.data.length === 0) return <Text data-testid="order-bookings-empty">{t('shopfloor.orderDetail.noBookings')}</Text>;
  const operation = new Map(order.operations.map((op) => [op.id, t('shopfloor.terminal.operation', { position: op.position, name: op.name })]));
  const byKey = new Map(bookings.data.map((b) => [b.key, b]));
  const note = (b: StoredBooking) => {
    if (b.kind === 'reversal' && b.reverses) {
      const original = byKey.get(b.reverses);
      const what = original ? t('shopfloor.orderDetail.reverses', { at: dateTime(original.at), good: number(original.good ?? 0), scrap: number(original.scrap ?? 0) }) : '';
      return [what, b.reason ?? ''].filter(Boolean).join(' – ');
    }
    if (b.reason) return reasonText(b.reason, b.kind === 'pause' ? 'pause' : 'quantity', reasons, lang, t);
    return '';
  };
  return (
    <ScrollRegion label={t('shopfloor.orderDetail.history')} minWidth={720}>
      <Table striped verticalSpacing="xs" data-testid="order-bookings">
        <Table.Thead>
          <Table.Tr>
            {(['time', 'operation', 'kind', 'good', 'scrap', 'note', 'status'] as const).map((c) => (
              <Table.Th key={c} scope="col" ta={c === 'good' || c === 'scrap' ? 'right' : undefined}>{t(`shopfloor.orderDetail.column.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bookings.data.map((b) => (
            <Table.Tr key={b.key} data-kind={b.kind} data-status={b.status}>
              <Table.Td style={NOWRAP}>{dateTime(b.at)}</Table.Td>
              <Table.Td>{operation.get(b.operationId) ?? ''}</Table.Td>
              <Table.Td>{t(`shopfloor.orderDetail.kind.${b.kind}`)}</Table.Td>
              <Table.Td ta="right">{b.good === null ? '' : number(b.good)}</Table.Td>
              <Table.Td ta="right">{b.scrap === null ? '' : number(b.scrap)}</Table.Td>
              <Table.Td>
                {note(b)}
                {b.reversedBy && <Text size="xs" c="dimmed">{t('shopfloor.orderDetail.reversed')}</Text>}
                {b.status === 'conflict' && b.conflictReason && (
                  <Text size="xs">{i18n.exists(`shopfloor.conflicts.${b.conflictReason}`) ? t(`shopfloor.conflicts.${b.conflictReason}`) : t('shopfloor.conflicts.unknown', { reason: b.conflictReason })}</Text>
                )}
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <Badge color={STATUS_COLOR[b.status]} variant="filled" tt="none" style={{ overflow: 'visible' }}>{t(`shopfloor.sync.state.${b.status}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
