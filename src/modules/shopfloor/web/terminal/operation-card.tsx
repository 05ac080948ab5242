import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import type { Reason } from '../../domain/reason-tree';
import type { Order, OrderOperation } from '../../schemas';
import { useShopfloorSettings } from '../api';
import { type BookingKind, type BookingQueue, type QueueEntry, allowedKinds } from '../booking-queue';
import { CorrectionDialog, DEFAULT_MARGIN_PERCENT } from '../components/correction-dialog';
import { PauseReasonDialog } from '../components/pause-reason-dialog';
import { RecordedParameters } from '../components/recorded-parameters';
import { COLORS, StatusBadge } from '../components/status-badge';
import { withLocalBookings } from './local-progress';
import { ParametersDialog } from './parameters-dialog';
import { QuantityDialog } from './quantity-dialog';

/** One operation: its progress (with this device's unsent bookings), the booking buttons and their dialogs. */
export function OperationCard({ order, op, entries, fetchedAt, canBook, queue, focused, reasons }: {
  order: Order; op: OrderOperation; entries: QueueEntry[]; fetchedAt: number; canBook: boolean; queue: BookingQueue; focused: boolean; reasons: Reason[];
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const [dialog, setDialog] = useState<'pause' | 'quantity' | 'parameters' | 'correction' | null>(null);
  const company = useCompany();
  const margin = useShopfloorSettings(company.id).data?.overQuantityMarginPercent ?? DEFAULT_MARGIN_PERCENT;
  const view = withLocalBookings(op, entries, fetchedAt);
  const allowed = allowedKinds(view.status);
  const headingId = `op-${op.id}`;
  const hasForm = op.parameters.length > 0;
  const book = (kind: BookingKind, extra: {
    good?: number; scrap?: number; reason?: string; parameters?: Array<{ name: string; value: number | string }>;
    confirmed?: boolean; reverses?: string; reversed?: { good: number; scrap: number };
  } = {}) => {
    queue.book({ operationId: op.id, kind, ...extra, orderNumber: order.number, operationName: op.name });
    // The process-parameter form follows the start of production.
    setDialog(kind === 'start-production' && hasForm ? 'parameters' : null);
  };
  const simple: BookingKind[] = ['start-setup', 'start-production', 'resume', 'finish'];
  // The operation named by a scanned QR code is marked and scrolled into view.
  useEffect(() => {
    if (focused) document.getElementById(headingId)?.scrollIntoView({ block: 'center' });
  }, [focused, headingId]);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} data-operation={op.name} data-status={view.status} data-focused={focused || undefined}
      style={focused ? { borderColor: COLORS.blue, borderWidth: 3 } : undefined}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Stack gap={2}>
          <Title order={3} size="h4" id={headingId}>{t('shopfloor.terminal.operation', { position: op.position, name: op.name })}</Title>
          <Text data-testid="counts">{t('shopfloor.terminal.counts', { good: number(view.good), scrap: number(view.scrap), quantity: number(order.quantity) })}</Text>
          {view.local && <Text size="sm" c={COLORS.orange} fw={600}>{t('shopfloor.terminal.includesPending')}</Text>}
          <RecordedParameters op={op} />
        </Stack>
        <StatusBadge status={view.status} size="xl" />
      </Group>
      {view.status === 'finished' ? (
        <Group justify="space-between" wrap="wrap">
          <Text c="dimmed">{t('shopfloor.terminal.finished')}</Text>
          {canBook && (view.good > 0 || view.scrap > 0) && (
            <Button size="lg" variant="default" onClick={() => setDialog('correction')}>{t('shopfloor.correction.button')}</Button>
          )}
        </Group>
      ) : (
        canBook && (
          <Group gap="md">
            {allowed.filter((k) => simple.includes(k)).map((k) => (
              <Button key={k} size="xl" miw={200} color={k === 'finish' ? COLORS.blue : undefined} variant={k === 'finish' ? 'outline' : 'filled'} onClick={() => book(k)}>
                {t(`shopfloor.actions.${k}`)}
              </Button>
            ))}
            {allowed.includes('pause') && (
              <Button size="xl" miw={200} color={COLORS.orange} onClick={() => setDialog('pause')}>{t('shopfloor.actions.pause')}</Button>
            )}
            {allowed.includes('quantity') && (
              <Button size="xl" miw={200} color={COLORS.teal} onClick={() => setDialog('quantity')}>{t('shopfloor.actions.quantity')}</Button>
            )}
            {hasForm && allowed.includes('parameters') && (
              <Button size="xl" miw={200} variant="outline" onClick={() => setDialog('parameters')}>{t('shopfloor.actions.parameters')}</Button>
            )}
            {(view.good > 0 || view.scrap > 0) && (
              <Button size="xl" miw={200} variant="default" onClick={() => setDialog('correction')}>{t('shopfloor.correction.button')}</Button>
            )}
          </Group>
        )
      )}
      <PauseReasonDialog opened={dialog === 'pause'} reasons={reasons} onClose={() => setDialog(null)} onPause={(reason) => book('pause', reason ? { reason: reason.id } : {})} />
      <QuantityDialog opened={dialog === 'quantity'} reasons={reasons} onClose={() => setDialog(null)} onBook={(q) => book('quantity', q)}
        limit={{ orderQuantity: order.quantity, marginPercent: margin }} goodSoFar={view.good} />
      {dialog === 'correction' && (
        <CorrectionDialog companyId={company.id} op={op} entries={entries} reasons={reasons} onClose={() => setDialog(null)}
          onReverse={(original, reason) => book('reversal', { reverses: original.key, reason, reversed: { good: original.good, scrap: original.scrap } })} />
      )}
      {hasForm && <ParametersDialog opened={dialog === 'parameters'} definitions={op.parameters} onClose={() => setDialog(null)} onBook={(parameters) => book('parameters', { parameters })} />}
    </Card>
  );
}
