import { Alert, Button, Card, Group, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { post } from '../../../../../web/api/client';
import { ProblemAlert } from '../../../../../web/components/problem-alert';
import { customersPath } from '../../api';
import { salesKeys, type QuoteDetail } from '../sales-api';
import { CustomerPicker } from './customer-picker';

type CopiedQuote = QuoteDetail & { copiedFrom: { id: string; number: string }; pastDeliveryDates: number };
/** What the new quote's page says about where it came from (kept in the navigation state). */
interface CopyNotice { copiedFrom: string; pastDeliveryDates: number }

/** "Copy quote": a new draft with the same positions, for this customer or another. */
export function CopyQuote({ companyId, quote }: { companyId: string; quote: QuoteDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [customerId, setCustomerId] = useState<string | null>(quote.customerId);
  const copy = useMutation({
    mutationFn: () => post<CopiedQuote>(`${customersPath(companyId)}/quotes/${quote.id}/copy`, { customerId }),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: salesKeys.all(companyId) });
      setOpen(false);
      navigate(`/c/${companyId}/quotes/${c.id}`, { state: { copiedFrom: c.copiedFrom.number, pastDeliveryDates: c.pastDeliveryDates } satisfies CopyNotice });
    },
  });
  if (!open) {
    return <Button variant="light" onClick={() => setOpen(true)}>{t('customersSales.copy.open')}</Button>;
  }
  return (
    <Card withBorder padding="md" w="100%">
      <form aria-label={t('customersSales.copy.title')} onSubmit={(e) => { e.preventDefault(); if (customerId) copy.mutate(); }}>
        <Title order={2} size="h4" mb="xs">{t('customersSales.copy.title')}</Title>
        <Text size="sm" mb="sm">{t('customersSales.copy.hint')}</Text>
        <CustomerPicker companyId={companyId} value={customerId} onChange={setCustomerId} initialLabel={`${quote.customerName} (${quote.customerNumber})`} />
        <Group mt="sm">
          <Button type="submit" disabled={!customerId} loading={copy.isPending}>{t('customersSales.copy.submit')}</Button>
          <Button variant="subtle" onClick={() => setOpen(false)}>{t('customersSales.copy.cancel')}</Button>
        </Group>
        <ProblemAlert error={copy.error} />
      </form>
    </Card>
  );
}

/** On a quote just made by copying: from which quote, and which delivery dates need a new value. */
export function CopiedNotice() {
  const { t } = useTranslation();
  const state = useLocation().state as Partial<CopyNotice> | null;
  if (!state?.copiedFrom) return null;
  return (
    <Alert color="blue" variant="light" mb="md" title={t('customersSales.copy.done', { number: state.copiedFrom })}>
      {state.pastDeliveryDates ? t('customersSales.copy.pastDates', { count: state.pastDeliveryDates }) : t('customersSales.copy.checkPrices')}
    </Alert>
  );
}
