import { Button, Checkbox, Group, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../../../../web/api/client';
import { InvalidFieldsProvider, NumberField, useInvalidFields } from '../../../../../web/components/number-field';
import { ProblemAlert } from '../../../../../web/components/problem-alert';
import { customersPath } from '../../api';
import type { CustomerOrderDetail } from '../sales-api';

type Position = CustomerOrderDetail['positions'][number];

/** Creates a production order for a producible position: quantity (what is still open) and due date (the promised date) prefilled. */
export function ProductionOrderForm({ companyId, position, onCreated }: { companyId: string; position: Position; onCreated: (order: CustomerOrderDetail) => void }) {
  const { t } = useTranslation();
  const invalid = useInvalidFields();
  // once the whole quantity is planned, another order (e.g. for scrap) is asked for explicitly, with no quantity guessed
  const [open, setOpen] = useState(position.openQuantity > 0);
  const [quantity, setQuantity] = useState<number | null>(position.openQuantity > 0 ? position.openQuantity : null);
  const [dueDate, setDueDate] = useState(position.promisedDate ?? '');
  const [release, setRelease] = useState(false);
  const create = useMutation({
    mutationFn: () => post<{ order: CustomerOrderDetail }>(`${customersPath(companyId)}/customer-order-positions/${position.id}/production-orders`, { quantity, dueDate: dueDate || null, release }),
    onSuccess: (res) => onCreated(res.order),
  });
  const label = t('customersSales.order.createProductionOrderFor', { number: position.number });
  if (!open) return <Group><Button variant="light" size="sm" onClick={() => setOpen(true)} aria-label={t('customersSales.order.anotherFor', { number: position.number })}>{t('customersSales.order.another')}</Button></Group>;
  return (
    <InvalidFieldsProvider value={invalid}>
      <form aria-label={label} onSubmit={(e) => { e.preventDefault(); if (quantity && invalid.count === 0) create.mutate(); }}>
        <Group align="flex-end" gap="sm">
          <NumberField label={t('customersSales.order.quantity')} required value={quantity} onValue={setQuantity} rules={{ integer: true, min: 1, max: 100_000_000 }} w={140} />
          <TextInput type="date" label={t('customersSales.order.dueDate')} value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} w={190} />
          <Checkbox label={t('customersSales.order.releaseNow')} checked={release} onChange={(e) => setRelease(e.currentTarget.checked)} mb={8} />
          <Button type="submit" disabled={!quantity || invalid.count > 0} loading={create.isPending}>{t('customersSales.order.createProductionOrder')}</Button>
        </Group>
        <ProblemAlert error={create.error} />
      </form>
    </InvalidFieldsProvider>
  );
}
