import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post } from '../../../../../web/api/client';
import { InvalidFieldsProvider, NumberField, useInvalidFields } from '../../../../../web/components/number-field';
import { ProblemAlert } from '../../../../../web/components/problem-alert';
import { useFormat } from '../../../../../web/i18n/format';
import { customersPath } from '../../api';
import { salesKeys } from '../sales-api';

interface DeliveryLine { id: string; orderPositionId: string; quantityMilli: number; lotNumbers: string[]; serialNumbers: string[] }
interface Delivery { id: string; number: string; deliveredOn: string; note: string; overDeliveryConfirmed: boolean; lines: DeliveryLine[] }
interface PositionToDeliver { positionId: string; number: number; text: string; orderedMilli: number; deliveredMilli: number; finishedMilli: number | null; suggestedMilli: number; lots: Array<{ lotNumber: string; finished: boolean }>; openSerialNumbers: string[] }

const deliveriesKey = (companyId: string, orderId: string) => [...salesKeys.all(companyId), 'deliveries', orderId];

/** The order's deliveries with their delivery notes, and a form for the next one (quantities: finished and not yet delivered). */
export function DeliveriesSection({ companyId, orderId, closed }: { companyId: string; orderId: string; closed: boolean }) {
  const { t } = useTranslation();
  const { date, number } = useFormat();
  const state = useQuery({ queryKey: deliveriesKey(companyId, orderId), queryFn: () => get<{ items: Delivery[]; positions: PositionToDeliver[] }>(`${customersPath(companyId)}/customer-orders/${orderId}/deliveries`) });
  const [recording, setRecording] = useState(false);
  if (state.error) return <ProblemAlert error={state.error} />;
  if (!state.data) return null;
  const { items, positions } = state.data;
  const positionNumber = new Map(positions.map((p) => [p.positionId, p.number]));
  const pieces = (milli: number) => number(milli / 1000, milli % 1000 === 0 ? 0 : 3);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="deliveries-title" data-testid="deliveries">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="deliveries-title">{t('customersSales.deliveries.title')}</Title>
        {!closed && !recording && <Button onClick={() => setRecording(true)}>{t('customersSales.deliveries.record')}</Button>}
      </Group>
      {items.length === 0 ? <Text size="sm">{t('customersSales.deliveries.none')}</Text> : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="delivery-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('customersSales.deliveries.number')}</Table.Th>
                <Table.Th scope="col">{t('customersSales.deliveries.date')}</Table.Th>
                <Table.Th scope="col">{t('customersSales.deliveries.lines')}</Table.Th>
                <Table.Th scope="col">{t('customersSales.deliveries.pdfColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.number}</Table.Td>
                  <Table.Td>{date(d.deliveredOn)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {d.lines.map((l) => (
                        <Text size="sm" key={l.id}>
                          {t('customersSales.deliveries.line', { position: positionNumber.get(l.orderPositionId) ?? '', quantity: pieces(l.quantityMilli) })}
                          {l.lotNumbers.length > 0 && ` · ${t('customersSales.deliveries.lots', { lots: l.lotNumbers.join(', '), count: l.lotNumbers.length })}`}
                          {l.serialNumbers.length > 0 && ` · ${t('customersSales.deliveries.serials', { serials: l.serialNumbers.join(', '), count: l.serialNumbers.length })}`}
                        </Text>
                      ))}
                      {d.note && <Text size="sm" c="dimmed">{t('customersSales.deliveries.noteLine', { note: d.note })}</Text>}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      {(['de', 'en'] as const).map((lang) => (
                        <Anchor key={lang} href={`/api/v1${customersPath(companyId)}/deliveries/${d.id}/pdf?lang=${lang}`} target="_blank" rel="noopener" size="sm"
                          aria-label={t('customersSales.deliveries.pdf', { number: d.number, language: t(`customersSales.languages.${lang}`) })}>
                          {t(`customersSales.languages.${lang}`)}
                        </Anchor>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {recording && <DeliveryForm companyId={companyId} orderId={orderId} positions={positions} onDone={() => setRecording(false)} />}
    </Card>
  );
}

function DeliveryForm({ companyId, orderId, positions, onDone }: { companyId: string; orderId: string; positions: PositionToDeliver[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const queryClient = useQueryClient();
  const invalid = useInvalidFields();
  const [quantities, setQuantities] = useState<Record<string, number | null>>(() => Object.fromEntries(positions.map((p) => [p.positionId, p.suggestedMilli > 0 ? p.suggestedMilli / 1000 : null])));
  const [deliveredOn, setDeliveredOn] = useState(() => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Berlin' }));
  const [note, setNote] = useState('');
  const lines = positions.filter((p) => (quantities[p.positionId] ?? 0) > 0).map((p) => ({ positionId: p.positionId, quantityMilli: Math.round((quantities[p.positionId] ?? 0) * 1000) }));
  const save = useMutation({
    mutationFn: (confirmOverDelivery: boolean) => post(`${customersPath(companyId)}/customer-orders/${orderId}/deliveries`, { lines, deliveredOn, note, confirmOverDelivery }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: salesKeys.all(companyId) });
      onDone();
    },
  });
  const askOver = save.error instanceof ApiError && save.error.code === 'customers_over_delivery';
  const pieces = (milli: number) => number(milli / 1000, milli % 1000 === 0 ? 0 : 3);
  return (
    <InvalidFieldsProvider value={invalid}>
      <form aria-label={t('customersSales.deliveries.formLabel')} onSubmit={(e) => { e.preventDefault(); if (lines.length > 0 && invalid.count === 0) save.mutate(false); }}>
        <Stack gap="sm" mt="md">
          <Text size="sm">{t('customersSales.deliveries.prefilled')}</Text>
          {positions.map((p) => (
            <Group key={p.positionId} align="flex-end" gap="md" wrap="wrap" data-testid="delivery-position">
              <NumberField label={t('customersSales.deliveries.quantityFor', { number: p.number, text: p.text })} value={quantities[p.positionId] ?? null}
                onValue={(v) => setQuantities((q) => ({ ...q, [p.positionId]: v }))} rules={{ min: 0, max: 100_000_000, decimals: 3 }} w={260} />
              <Stack gap={0}>
                <Text size="sm">{t('customersSales.deliveries.progress', { ordered: pieces(p.orderedMilli), delivered: pieces(p.deliveredMilli) })}
                  {p.finishedMilli !== null && ` · ${t('customersSales.deliveries.finished', { finished: pieces(p.finishedMilli) })}`}</Text>
                {p.lots.length > 0 && <Text size="sm" data-testid="delivery-lots">{t('customersSales.deliveries.lots', { lots: p.lots.filter((l) => l.finished).map((l) => l.lotNumber).join(', ') || p.lots.map((l) => l.lotNumber).join(', '), count: p.lots.length })}</Text>}
              </Stack>
            </Group>
          ))}
          <Group gap="md" align="flex-end" wrap="wrap">
            <TextInput type="date" label={t('customersSales.deliveries.date')} value={deliveredOn} onChange={(e) => setDeliveredOn(e.currentTarget.value)} w={190} required />
            <TextInput label={t('customersSales.deliveries.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} style={{ flex: '1 1 260px' }} />
          </Group>
          {askOver ? (
            <Alert color="red" role="alert" title={t('customersSales.deliveries.overTitle')} data-testid="over-delivery">
              <Stack gap="sm">
                <Text size="sm">{save.error?.message}</Text>
                <Group><Button onClick={() => save.mutate(true)} loading={save.isPending}>{t('customersSales.deliveries.confirmOver')}</Button></Group>
              </Stack>
            </Alert>
          ) : <ProblemAlert error={save.error} />}
          <Group>
            <Button type="submit" disabled={lines.length === 0 || invalid.count > 0} loading={save.isPending && !askOver}>{t('customersSales.deliveries.save')}</Button>
            <Button variant="default" onClick={onDone}>{t('customersSales.deliveries.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </InvalidFieldsProvider>
  );
}
