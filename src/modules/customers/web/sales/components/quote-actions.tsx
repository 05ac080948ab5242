import { Anchor, Button, Card, Group, Select, SimpleGrid, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../../../../web/api/client';
import { ProblemAlert } from '../../../../../web/components/problem-alert';
import { customersPath } from '../../api';
import { LOST_REASONS, type CustomerOrderDetail, type QuoteDetail } from '../sales-api';

/** The steps that apply to a quote now: send, revise, win, lose with a reason, turn a won quote into an order. */
export function QuoteActions({ companyId, quote, dirty, onDone, onOrdered }: {
  companyId: string;
  quote: QuoteDetail;
  /** unsaved edits: sending waits until they are saved */
  dirty: boolean;
  onDone: (q: QuoteDetail) => void;
  onOrdered: (o: CustomerOrderDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const base = `${customersPath(companyId)}/quotes/${quote.id}`;
  const [language, setLanguage] = useState<'de' | 'en'>(i18n.language === 'en' ? 'en' : 'de');
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [reference, setReference] = useState('');
  const step = useMutation({ mutationFn: ({ action, body }: { action: string; body: unknown }) => post<QuoteDetail>(`${base}/${action}`, body), onSuccess: onDone });
  const order = useMutation({ mutationFn: () => post<CustomerOrderDetail>(`${base}/order`, { customerReference: reference }), onSuccess: onOrdered });
  const can = (a: QuoteDetail['actions'][number]) => quote.actions.includes(a);
  if (quote.actions.length === 0 || (quote.actions.length === 1 && quote.actions[0] === 'edit')) {
    return quote.order ? (
      <Card withBorder padding="md" mb="lg">
        <Text>{t('customersSales.quote.orderedAs')} <Anchor component={Link} to={`/c/${companyId}/customer-orders/${quote.order.id}`} fw={700}>{quote.order.number}</Anchor></Text>
      </Card>
    ) : null;
  }
  return (
    <Card withBorder padding="md" mb="lg">
      <Title order={2} size="h4" mb="sm">{t('customersSales.quote.next')}</Title>
      {can('send') && (
        <form aria-label={t('customersSales.quote.send')} onSubmit={(e) => { e.preventDefault(); step.mutate({ action: 'send', body: { language } }); }}>
          <Group align="flex-end">
            <Select label={t('customersSales.quote.language')} value={language} allowDeselect={false} onChange={(v) => setLanguage(v === 'en' ? 'en' : 'de')} w={180}
              data={[{ value: 'de', label: t('customersSales.languages.de') }, { value: 'en', label: t('customersSales.languages.en') }]} />
            <Button type="submit" disabled={dirty} loading={step.isPending}>{t('customersSales.quote.send')}</Button>
          </Group>
          <Text size="sm" c="dimmed" mt={4}>{dirty ? t('customersSales.quote.saveFirst') : t('customersSales.quote.sendHint')}</Text>
        </form>
      )}
      {(can('win') || can('revise')) && (
        <Group mb="md">
          {can('win') && <Button onClick={() => step.mutate({ action: 'win', body: {} })} loading={step.isPending}>{t('customersSales.quote.win')}</Button>}
          {can('revise') && <Button variant="light" onClick={() => step.mutate({ action: 'revise', body: {} })} loading={step.isPending}>{t('customersSales.quote.revise')}</Button>}
        </Group>
      )}
      {can('lose') && (
        <form aria-label={t('customersSales.quote.lose')} onSubmit={(e) => { e.preventDefault(); if (reason) step.mutate({ action: 'lose', body: { reason, note } }); }}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('customersSales.quote.lostReason')} required value={reason} onChange={setReason} placeholder={t('customersSales.quote.chooseReason')}
              data={LOST_REASONS.map((r) => ({ value: r, label: t(`customersSales.lostReasons.${r}`) }))} />
            <Textarea label={t('customersSales.quote.lostNote')} autosize minRows={1} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          </SimpleGrid>
          <Button mt="xs" type="submit" color="red" variant="light" disabled={!reason} loading={step.isPending}>{t('customersSales.quote.lose')}</Button>
        </form>
      )}
      {can('order') && (
        <form aria-label={t('customersSales.quote.createOrder')} onSubmit={(e) => { e.preventDefault(); order.mutate(); }}>
          <Group align="flex-end">
            <TextInput label={t('customersSales.quote.customerReference')} description={t('customersSales.quote.customerReferenceHint')} maxLength={100} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
            <Button type="submit" loading={order.isPending}>{t('customersSales.quote.createOrder')}</Button>
          </Group>
        </form>
      )}
      <ProblemAlert error={step.error ?? order.error} />
    </Card>
  );
}
