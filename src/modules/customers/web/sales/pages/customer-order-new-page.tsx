import '../../load-translations';
import '../load-sales-translations';
import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { post } from '../../../../../web/api/client';
import { InvalidFieldsProvider, useInvalidFields } from '../../../../../web/components/number-field';
import { PageHeader } from '../../../../../web/components/page-header';
import { ProblemAlert } from '../../../../../web/components/problem-alert';
import { useLeaveGuard } from '../../../../../web/components/unsaved-changes';
import { useCompany } from '../../../../../web/layout/app-layout';
import { quoteTotals } from '../../../domain/quotes';
import { customersPath } from '../../api';
import { CustomerPicker } from '../components/customer-picker';
import { AddPositionButton, newDraftPosition, positionBody, PositionEditor, type DraftPosition } from '../components/position-editor';
import { TotalsTable } from '../components/totals-table';
import { salesKeys, type CustomerOrderDetail } from '../sales-api';

/** An order taken without a quote (by phone, a repeat order): customer, the customer's reference, positions. */
export default function CustomerOrderNewPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invalid = useInvalidFields();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const [positions, setPositions] = useState<DraftPosition[]>(() => [newDraftPosition()]);
  const [touched, setTouched] = useState(false);
  const dirtyRef = useRef(false);
  dirtyRef.current = touched;
  const leavePrompt = useLeaveGuard(dirtyRef);
  const bodies = positions.map(positionBody);
  const complete = customerId !== null && positions.length > 0 && bodies.every((b) => b !== null) && invalid.count === 0;
  const totals = useMemo(() => {
    const valid = bodies.flatMap((b, i) => (b ? [{ id: String(i), item: { kind: 'text' as const, text: 'x' }, quantityMilli: b.quantityMilli, unitPrice: { cents: b.unitPriceCents, currency: 'EUR' as const }, discountBasisPoints: b.discountBasisPoints, vatBasisPoints: b.vatBasisPoints, deliveryDate: null }] : []));
    const sum = quoteTotals('EUR', valid);
    const netOf = (i: number) => { const at = bodies.slice(0, i).filter((b) => b !== null).length; return bodies[i] ? sum.positions[at]!.net.cents : null; };
    return { netOf, totals: { netCents: sum.net.cents, vat: sum.vat.map((v) => ({ vatBasisPoints: v.vatBasisPoints, baseCents: v.base.cents, taxCents: v.tax.cents })), grossCents: sum.gross.cents } };
  }, [JSON.stringify(bodies)]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = useMutation({
    mutationFn: () => post<CustomerOrderDetail>(`${customersPath(company.id)}/customer-orders`, { customerId, customerReference: reference, positions: bodies }),
    onSuccess: (order) => {
      dirtyRef.current = false;
      setTouched(false);
      void queryClient.invalidateQueries({ queryKey: salesKeys.all(company.id) });
      navigate(`/c/${company.id}/customer-orders/${order.id}`);
    },
  });
  const change = (next: DraftPosition[]) => { setPositions(next); setTouched(true); };
  return (
    <>
      {leavePrompt}
      <PageHeader title={t('customersSales.newOrder.title')} intro={t('customersSales.newOrder.intro')}>
        <Group><Button component={Link} to={`/c/${company.id}/customer-orders`} variant="subtle">{t('customersSales.order.back')}</Button></Group>
      </PageHeader>
      <InvalidFieldsProvider value={invalid}>
        <form aria-label={t('customersSales.newOrder.title')} onSubmit={(e) => { e.preventDefault(); if (complete) save.mutate(); }}>
          <Card withBorder padding="md" mb="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <CustomerPicker companyId={company.id} value={customerId} onChange={(id) => { setCustomerId(id); setTouched(true); }} />
              <TextInput label={t('customersSales.quote.customerReference')} description={t('customersSales.quote.customerReferenceHint')} maxLength={100} value={reference} onChange={(e) => { setReference(e.currentTarget.value); setTouched(true); }} />
            </SimpleGrid>
          </Card>
          <Title order={2} size="h4" mb="sm">{t('customersSales.positions.title')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('customersSales.newOrder.positionsHint')}</Text>
          <Stack gap="sm">
            {positions.map((p, i) => (
              <PositionEditor key={p.key} companyId={company.id} index={i} position={p} currency="EUR" netCents={totals.netOf(i)}
                onChange={(next) => change(positions.map((x) => (x.key === p.key ? next : x)))}
                onRemove={() => change(positions.filter((x) => x.key !== p.key))} />
            ))}
          </Stack>
          <Group mt="sm" justify="space-between" align="flex-start">
            <AddPositionButton onAdd={() => change([...positions, newDraftPosition()])} />
            <TotalsTable totals={totals.totals} currency="EUR" />
          </Group>
          <Group mt="md">
            <Button type="submit" disabled={!complete} loading={save.isPending}>{t('customersSales.newOrder.submit')}</Button>
            {!complete && <Text size="sm" c="dimmed">{t('customersSales.newOrder.incomplete')}</Text>}
          </Group>
          <ProblemAlert error={save.error} />
        </form>
      </InvalidFieldsProvider>
    </>
  );
}
