import { Alert, Anchor, Button, Card, Group, List, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../../../../web/api/client';
import { ProblemAlert } from '../../../../../web/components/problem-alert';
import { useFormat } from '../../../../../web/i18n/format';
import { customersPath } from '../../api';
import { salesKeys, type CustomerOrderDetail } from '../sales-api';

type Cancelled = CustomerOrderDetail & { productionOrdersToStop: Array<{ id: string; number: string; state: string }> };

/**
 * Cancelling an order not delivered from, with the reason; afterwards, when and why it was
 * cancelled and which production orders are still running in the shop floor.
 */
export function OrderCancel({ companyId, order, seesShopfloor }: { companyId: string; order: CustomerOrderDetail; seesShopfloor: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [toStop, setToStop] = useState<Cancelled['productionOrdersToStop']>([]);
  const cancel = useMutation({
    mutationFn: () => post<Cancelled>(`${customersPath(companyId)}/customer-orders/${order.id}/cancel`, { reason }),
    onSuccess: (result) => {
      setToStop(result.productionOrdersToStop);
      setOpen(false);
      queryClient.setQueryData(salesKeys.order(companyId, order.id), result);
      void queryClient.invalidateQueries({ queryKey: salesKeys.all(companyId) });
    },
  });
  if (order.cancellation) {
    const c = order.cancellation;
    return (
      <Alert color="gray" variant="light" mb="md" title={t('customersSales.cancel.cancelledAt', { time: dateTime(c.at) })} data-testid="order-cancellation">
        <Text size="sm">{c.by ? t('customersSales.cancel.reasonBy', { reason: c.reason, name: c.by }) : c.reason}</Text>
        {toStop.length > 0 && (
          <>
            <Text size="sm" mt="xs">{t('customersSales.cancel.stopThere', { count: toStop.length })}</Text>
            <List size="sm">
              {toStop.map((po) => <List.Item key={po.id}>{seesShopfloor ? <Anchor component={Link} to={`/c/${companyId}/shopfloor/orders/${po.id}`}>{po.number}</Anchor> : po.number}</List.Item>)}
            </List>
          </>
        )}
      </Alert>
    );
  }
  if (order.state !== 'open' && order.state !== 'in-production') return null;
  if (!open) return <Group mb="md"><Button variant="outline" color="red.9" onClick={() => setOpen(true)}>{t('customersSales.cancel.open')}</Button></Group>;
  return (
    <Card withBorder padding="md" mb="md">
      <form aria-label={t('customersSales.cancel.title')} onSubmit={(e) => { e.preventDefault(); if (reason.trim()) cancel.mutate(); }}>
        <Title order={2} size="h4" mb="xs">{t('customersSales.cancel.title')}</Title>
        <Text size="sm" mb="sm">{t('customersSales.cancel.hint')}</Text>
        <Textarea label={t('customersSales.cancel.reason')} required autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group mt="sm">
          <Button type="submit" color="red.9" disabled={!reason.trim()} loading={cancel.isPending}>{t('customersSales.cancel.submit')}</Button>
          <Button variant="subtle" onClick={() => setOpen(false)}>{t('customersSales.cancel.keep')}</Button>
        </Group>
        <ProblemAlert error={cancel.error} />
      </form>
    </Card>
  );
}
