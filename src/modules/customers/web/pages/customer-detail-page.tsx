import '../load-translations';
import { Box, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Textarea, Select, Title, Timeline } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { post } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { RecordHistory } from '../../../../web/components/record-history';
import { useUnsavedChanges } from '../../../../web/components/unsaved-changes';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { customerKeys, customersPath, useCustomer, useTimeline, type CustomerDetail } from '../api';
import { ContactCard, contactName } from '../components/contact-card';
import { ExportLinks } from '../components/export-links';
import { CustomerSales } from '../sales/components/customer-sales';

const KINDS = ['call', 'visit', 'email', 'note'] as const;
const EMPTY_CONTACT = { salutation: '', firstName: '', lastName: '', role: '', email: '', phone: '' };

export default function CustomerDetailPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const company = useCompany();
  const { customerId = '' } = useParams();
  const queryClient = useQueryClient();
  const customer = useCustomer(company.id, customerId);
  const timeline = useTimeline(company.id, customerId);
  const canWrite = company.permissions.includes('customers.write');
  const canMerge = company.permissions.includes('customers.merge');
  const base = customersPath(company.id);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: customerKeys.all(company.id) });
  };
  const [contact, setContact] = useState(EMPTY_CONTACT);
  const addContact = useMutation({
    mutationFn: () => post(`${base}/customers/${customerId}/contacts`, contact),
    onSuccess: async () => { setContact(EMPTY_CONTACT); await refresh(); },
  });
  const [interaction, setInteraction] = useState({ kind: 'call', subject: '', body: '', contactId: '' });
  const addInteraction = useMutation({
    mutationFn: () => post(`${base}/customers/${customerId}/interactions`, { ...interaction, contactId: interaction.contactId || null }),
    onSuccess: async () => { setInteraction((i) => ({ ...i, subject: '', body: '' })); await refresh(); },
  });
  // the choice of kind and contact is kept after adding an entry: only what was typed counts as unsaved
  const unsaved = useUnsavedChanges({ contact, subject: interaction.subject, body: interaction.body });
  const undo = useMutation({ mutationFn: (mergeId: string) => post(`${base}/customer-merges/${mergeId}/undo`, {}), onSuccess: refresh });

  if (customer.error) return <ProblemAlert error={customer.error} />;
  if (!customer.data) return <Loading />;
  const c: CustomerDetail = customer.data;
  const contactLabel = (id: string | null) => {
    const found = c.contacts.find((x) => x.id === id);
    return found ? contactName(found, t('customers.contacts.erased')) : null;
  };
  const line = (label: string, value: string | number | null) =>
    value === null || value === '' ? null : (
      <Group gap="xs" wrap="nowrap" key={label}><Text size="sm" c="dimmed" w={150}>{label}</Text><Text size="sm">{value}</Text></Group>
    );
  const contactField = (key: keyof typeof EMPTY_CONTACT, required = false) => (
    <TextInput label={t(`customers.contacts.fields.${key}`)} value={contact[key]} required={required}
      onChange={(e) => { const value = e.currentTarget.value; setContact((x) => ({ ...x, [key]: value })); }} />
  );
  return (
    <>
      <PageHeader title={c.name} intro={t('customers.detail.number', { number: c.number })}>
        <Group>
          <Button component={Link} to={`/c/${company.id}/customers`} variant="subtle">{t('customers.detail.back')}</Button>
          {canMerge && <Button component={Link} to={`/c/${company.id}/customers/${c.id}/merge`} variant="light">{t('customers.detail.mergeWith')}</Button>}
        </Group>
      </PageHeader>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">{t('customers.detail.master')}</Title>
          <Stack gap={4}>
            {line(t('customers.fields.address'), [c.street, [c.postcode, c.city].filter(Boolean).join(' '), c.country].filter(Boolean).join(', '))}
            {line(t('customers.fields.vatId'), c.vatId)}
            {line(t('customers.fields.email'), c.email)}
            {line(t('customers.fields.phone'), c.phone)}
            {line(t('customers.fields.website'), c.website)}
            {line(t('customers.fields.paymentTermsDays'), c.paymentTermsDays === null ? null : t('customers.detail.days', { count: c.paymentTermsDays }))}
            {c.aliases.length > 0 && line(t('customers.fields.aliases'), c.aliases.join(', '))}
          </Stack>
          {c.merges.length > 0 && (
            <Stack gap="xs" mt="md" data-testid="merges">
              <Title order={3} size="h5">{t('customers.detail.merges')}</Title>
              {c.merges.map((m) => (
                <Group key={m.id} justify="space-between">
                  <Text size="sm">{t('customers.detail.mergedFrom', { number: m.absorbedNumber, name: m.absorbedName, date: dateTime(m.mergedAt) })}</Text>
                  {canMerge && <Button size="xs" variant="light" onClick={() => undo.mutate(m.id)} loading={undo.isPending}>{t('customers.detail.undoMerge')}</Button>}
                </Group>
              ))}
              <ProblemAlert error={undo.error} />
            </Stack>
          )}
        </Card>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">{t('customers.timeline.title')}</Title>
          {canWrite && (
            <form aria-label={t('customers.timeline.add')} onSubmit={(e) => { e.preventDefault(); if (interaction.subject.trim()) addInteraction.mutate(); }}>
              <SimpleGrid cols={2}>
                <Select label={t('customers.timeline.kind')} value={interaction.kind} allowDeselect={false} onChange={(v) => setInteraction((i) => ({ ...i, kind: v ?? 'note' }))}
                  data={KINDS.map((k) => ({ value: k, label: t(`customers.timeline.kinds.${k}`) }))} />
                <Select label={t('customers.timeline.contact')} value={interaction.contactId || null} clearable onChange={(v) => setInteraction((i) => ({ ...i, contactId: v ?? '' }))}
                  data={c.contacts.filter((x) => !x.erased).map((x) => ({ value: x.id, label: contactName(x, '') }))} placeholder={t('customers.timeline.noContact')} />
              </SimpleGrid>
              <TextInput mt="xs" label={t('customers.timeline.subject')} required value={interaction.subject} onChange={(e) => { const subject = e.currentTarget.value; setInteraction((i) => ({ ...i, subject })); }} />
              <Textarea mt="xs" label={t('customers.timeline.body')} autosize minRows={2} value={interaction.body} onChange={(e) => { const body = e.currentTarget.value; setInteraction((i) => ({ ...i, body })); }} />
              <Button mt="xs" type="submit" variant="light" loading={addInteraction.isPending}>{t('customers.timeline.add')}</Button>
              <ProblemAlert error={addInteraction.error} />
            </form>
          )}
          {timeline.data && timeline.data.length === 0 && <Text size="sm" mt="md">{t('customers.timeline.empty')}</Text>}
          {timeline.data && timeline.data.length > 0 && (
            <Timeline mt="md" bulletSize={14} data-testid="timeline">
              {timeline.data.map((i) => (
                <Timeline.Item key={i.id} title={<><Text span fw={700}>{t(`customers.timeline.kinds.${i.kind}`)}: </Text>{i.subject}</>}>
                  <Text size="xs" c="dimmed">{[dateTime(i.occurredAt), contactLabel(i.contactId), i.userName].filter(Boolean).join(' · ')}</Text>
                  {i.body && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{i.body}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Card>
      </SimpleGrid>
      <Group justify="space-between" mt="xl" mb="sm">
        <Title order={2} size="h4">{t('customers.contacts.title')}</Title>
        {c.contacts.length > 0 && <ExportLinks path={`${base}/customers/${c.id}/contacts`} params={{}} label={t('customers.export.contacts')} />}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {c.contacts.map((x) => <ContactCard key={x.id} companyId={company.id} contact={x} canWrite={canWrite} onChanged={refresh} />)}
        {canWrite && (
          <Card withBorder padding="md">
            <form aria-label={t('customers.contacts.add')} onSubmit={(e) => { e.preventDefault(); if (contact.lastName.trim()) addContact.mutate(); }}>
              <Title order={3} size="h5">{t('customers.contacts.add')}</Title>
              <SimpleGrid cols={2} mt="xs">
                {contactField('salutation')}
                {contactField('role')}
                {contactField('firstName')}
                {contactField('lastName', true)}
                {contactField('email')}
                {contactField('phone')}
              </SimpleGrid>
              <Button mt="sm" type="submit" loading={addContact.isPending}>{t('customers.contacts.addButton')}</Button>
              <ProblemAlert error={addContact.error} />
            </form>
          </Card>
        )}
      </SimpleGrid>
      <CustomerSales companyId={company.id} customerId={c.id} canSell={company.permissions.includes('customers.sales')} />
      <Box mt="xl">
        <RecordHistory path={`${base}/customers/${c.id}/history`} queryKey={customerKeys.detail(company.id, c.id)} />
      </Box>
      {unsaved.prompt}
    </>
  );
}
