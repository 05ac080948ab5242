import '../../load-translations';
import '../load-sales-translations';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { get, put } from '../../../../../web/api/client';
import { Loading } from '../../../../../web/components/loading';
import { InvalidFieldsProvider, useInvalidFields } from '../../../../../web/components/number-field';
import { PageHeader } from '../../../../../web/components/page-header';
import { ProblemAlert } from '../../../../../web/components/problem-alert';
import { useLeaveGuard } from '../../../../../web/components/unsaved-changes';
import { useFormat } from '../../../../../web/i18n/format';
import { useCompany } from '../../../../../web/layout/app-layout';
import { isCurrency } from '../../../domain/money';
import { quoteTotals } from '../../../domain/quotes';
import { customerKeys, customersPath, type CustomerDetail } from '../../api';
import { contactName } from '../../components/contact-card';
import { AddPositionButton, newDraftPosition, positionBody, PositionEditor, type DraftPosition } from '../components/position-editor';
import { PositionsTable } from '../components/positions-table';
import { QuotePdfLinks } from '../components/quote-pdf-links';
import { QuoteActions } from '../components/quote-actions';
import { CopiedNotice, CopyQuote } from '../components/copy-quote';
import { QuoteStateBadge } from '../components/state-badges';
import { TotalsTable } from '../components/totals-table';
import { salesKeys, useQuote, type QuoteDetail, type QuotePosition } from '../sales-api';

const draftOf = (p: QuotePosition): DraftPosition => ({
  key: p.id,
  kind: p.partId ? 'part' : 'text',
  partId: p.partId,
  partLabel: p.text,
  text: p.partId ? '' : p.text,
  quantity: p.quantityMilli / 1000,
  unitPrice: p.unitPriceCents / 100,
  discount: p.discountBasisPoints ? p.discountBasisPoints / 100 : null,
  vatBasisPoints: p.vatBasisPoints,
  deliveryDate: p.deliveryDate ?? '',
});

export default function QuotePage() {
  const { t } = useTranslation();
  const { date, dateTime } = useFormat();
  const company = useCompany();
  const navigate = useNavigate();
  const { quoteId = '' } = useParams();
  const queryClient = useQueryClient();
  const quote = useQuote(company.id, quoteId);
  const customerId = quote.data?.customerId ?? '';
  const customer = useQuery({
    queryKey: customerKeys.detail(company.id, customerId),
    queryFn: () => get<CustomerDetail>(`${customersPath(company.id)}/customers/${customerId}`),
    enabled: customerId !== '' && !!quote.data?.actions.includes('edit'),
  });
  const invalid = useInvalidFields();
  const [form, setForm] = useState<{ subject: string; validUntil: string; contactId: string | null; positions: DraftPosition[] } | null>(null);
  const [dirty, setDirty] = useState(false);
  // leaving with unsaved positions asks first; a save clears it before anything navigates on
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;
  const leavePrompt = useLeaveGuard(dirtyRef);
  const current = quote.data?.versions.at(-1);
  useEffect(() => {
    if (quote.data && current && !dirty) setForm({ subject: quote.data.subject, validUntil: quote.data.validUntil ?? '', contactId: quote.data.contactId, positions: current.positions.map(draftOf) });
  }, [quote.data, current, dirty]);
  const change = (patch: Partial<NonNullable<typeof form>>) => { setForm((f) => (f ? { ...f, ...patch } : f)); setDirty(true); };
  const refreshWith = (q: QuoteDetail) => {
    queryClient.setQueryData(salesKeys.quote(company.id, quoteId), q);
    void queryClient.invalidateQueries({ queryKey: salesKeys.all(company.id) });
    dirtyRef.current = false;
    setDirty(false);
  };
  const bodies = form?.positions.map(positionBody) ?? [];
  const complete = bodies.every((b) => b !== null) && invalid.count === 0;
  const save = useMutation({
    mutationFn: () => put<QuoteDetail>(`${customersPath(company.id)}/quotes/${quoteId}`, { contactId: form!.contactId, subject: form!.subject, validUntil: form!.validUntil || null, positions: bodies }),
    onSuccess: refreshWith,
  });
  const currency = quote.data && isCurrency(quote.data.currency) ? quote.data.currency : 'EUR';
  const liveTotals = useMemo(() => {
    const rows = bodies.map((b, i) => (b ? { id: String(i), item: { kind: 'text' as const, text: 'x' }, quantityMilli: b.quantityMilli, unitPrice: { cents: b.unitPriceCents, currency }, discountBasisPoints: b.discountBasisPoints, vatBasisPoints: b.vatBasisPoints, deliveryDate: null } : null));
    const valid = rows.filter((r) => r !== null);
    const totals = quoteTotals(currency, valid);
    const netOf = (i: number) => { const at = valid.indexOf(rows[i]!); return rows[i] ? totals.positions[at]!.net.cents : null; };
    return { netOf, totals: { netCents: totals.net.cents, vat: totals.vat.map((v) => ({ vatBasisPoints: v.vatBasisPoints, baseCents: v.base.cents, taxCents: v.tax.cents })), grossCents: totals.gross.cents } };
  }, [JSON.stringify(bodies), currency]); // eslint-disable-line react-hooks/exhaustive-deps

  if (quote.error) return <ProblemAlert error={quote.error} />;
  if (!quote.data || !current || !form) return <Loading />;
  const q = quote.data;
  const editable = q.actions.includes('edit');
  const expired = q.validUntil !== null && q.state === 'sent' && q.validUntil < new Date().toISOString().slice(0, 10);
  return (
    <>
      {leavePrompt}
      <PageHeader title={t('customersSales.quote.title', { number: q.number })} intro={q.subject || undefined}>
        <Group gap="sm">
          <QuoteStateBadge state={q.state} />
          <Text size="sm">{t('customersSales.quote.for')} <Anchor component={Link} to={`/c/${company.id}/customers/${q.customerId}`}>{q.customerName} ({q.customerNumber})</Anchor></Text>
          <Text size="sm" c="dimmed">{t('customersSales.quote.version', { version: current.version })}</Text>
          {q.validUntil && <Text size="sm" c={expired ? 'red' : 'dimmed'}>{t(expired ? 'customersSales.quote.expired' : 'customersSales.quote.validUntilText', { date: date(q.validUntil) })}</Text>}
          {q.state === 'lost' && q.lostReason && <Text size="sm">{t('customersSales.quote.lostBecause', { reason: t(`customersSales.lostReasons.${q.lostReason}`) })}{q.lostNote ? ` – ${q.lostNote}` : ''}</Text>}
        </Group>
        <Group><Button component={Link} to={`/c/${company.id}/quotes`} variant="subtle">{t('customersSales.quote.back')}</Button><CopyQuote key={q.id} companyId={company.id} quote={q} /></Group>
      </PageHeader>
      <CopiedNotice />
      <QuoteActions companyId={company.id} quote={q} dirty={dirty} onDone={refreshWith} onOrdered={(o) => { void queryClient.invalidateQueries({ queryKey: salesKeys.all(company.id) }); navigate(`/c/${company.id}/customer-orders/${o.id}`); }} />
      {editable ? (
        <InvalidFieldsProvider value={invalid}>
          <form aria-label={t('customersSales.quote.edit')} onSubmit={(e) => { e.preventDefault(); if (complete) save.mutate(); }}>
            <Card withBorder padding="md" mb="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('customersSales.quotes.subject')} maxLength={200} value={form.subject} onChange={(e) => change({ subject: e.currentTarget.value })} />
                <Select label={t('customersSales.quote.contact')} clearable placeholder={t('customersSales.quote.noContact')} value={form.contactId} onChange={(v) => change({ contactId: v })}
                  data={(customer.data?.contacts ?? []).filter((c) => !c.erased || c.id === form.contactId).map((c) => ({ value: c.id, label: contactName(c, t('customers.contacts.erased')) }))} />
                <TextInput type="date" label={t('customersSales.quote.validUntil')} value={form.validUntil} onChange={(e) => change({ validUntil: e.currentTarget.value })} w={200} />
              </SimpleGrid>
            </Card>
            <Title order={2} size="h4" mb="sm">{t('customersSales.positions.title')}</Title>
            <Stack gap="sm">
              {form.positions.length === 0 && <Text>{t('customersSales.positions.none')}</Text>}
              {form.positions.map((p, i) => (
                <PositionEditor key={p.key} companyId={company.id} index={i} position={p} currency={currency} netCents={liveTotals.netOf(i)}
                  onChange={(next) => change({ positions: form.positions.map((x) => (x.key === p.key ? next : x)) })}
                  onRemove={() => change({ positions: form.positions.filter((x) => x.key !== p.key) })} />
              ))}
            </Stack>
            <Group mt="sm" justify="space-between" align="flex-start">
              <AddPositionButton onAdd={() => change({ positions: [...form.positions, newDraftPosition()] })} />
              <TotalsTable totals={liveTotals.totals} currency={currency} />
            </Group>
            <Group mt="md" justify="space-between">
              <QuotePdfLinks companyId={company.id} quoteId={q.id} quoteNumber={q.number} version={current.version} />
            </Group>
            <Group mt="md">
              <Button type="submit" disabled={!dirty || !complete} loading={save.isPending}>{t('customersSales.quote.save')}</Button>
              {!complete && <Text size="sm" c="dimmed">{t('customersSales.quote.incomplete')}</Text>}
            </Group>
            <ProblemAlert error={save.error} />
          </form>
        </InvalidFieldsProvider>
      ) : null}
      {(q.versions.length > 1 || !editable) && (
        <Card withBorder padding="md" mt="lg">
          <Title order={2} size="h4" mb="sm">{editable ? t('customersSales.quote.earlierVersions') : t('customersSales.positions.title')}</Title>
          <Tabs defaultValue={String(editable ? q.versions.at(-2)!.version : current.version)} keepMounted={false}>
            <Tabs.List>
              {q.versions.filter((v) => !editable || v.version !== current.version).map((v) => (
                <Tabs.Tab key={v.version} value={String(v.version)}>{t('customersSales.quote.version', { version: v.version })}</Tabs.Tab>
              ))}
            </Tabs.List>
            {q.versions.map((v) => (
              <Tabs.Panel key={v.version} value={String(v.version)} pt="sm">
                <Text size="sm" c="dimmed" mb="xs">
                  {v.sentAt ? t('customersSales.quote.sentAt', { date: dateTime(v.sentAt), language: t(`customersSales.languages.${v.language ?? 'de'}`) }) : t('customersSales.quote.draftVersion')}
                </Text>
                <QuotePdfLinks companyId={company.id} quoteId={q.id} quoteNumber={q.number} version={v.version} />
                <PositionsTable positions={v.positions} currency={currency} />
                <TotalsTable totals={v.totals} currency={currency} />
              </Tabs.Panel>
            ))}
          </Tabs>
        </Card>
      )}
    </>
  );
}
