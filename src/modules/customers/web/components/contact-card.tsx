import { Button, Card, Group, Select, SimpleGrid, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../../../web/api/client';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { customersPath, type ContactDetail } from '../api';

const CHANNELS = ['email', 'phone', 'letter'];
const PURPOSES = ['newsletter', 'product-information', 'events', 'surveys'];
const SOURCES = ['web-form', 'signed-form', 'phone-call', 'in-person', 'email', 'letter', 'staff'];
const EVIDENCE = ['signed-document', 'double-opt-in', 'call-note', 'email-message', 'other'];

export const contactName = (c: ContactDetail, erased: string) =>
  c.erased ? erased : [c.salutation, c.firstName, c.lastName].filter(Boolean).join(' ');

/** A contact with its consents per channel and purpose: record one, withdraw one or all in one click. */
export function ContactCard({ companyId, contact, canWrite, onChanged }: { companyId: string; contact: ContactDetail; canWrite: boolean; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const name = contactName(contact, t('customers.contacts.erased'));
  const [consent, setConsent] = useState({ channel: 'email', purpose: 'newsletter', source: 'signed-form', evidenceKind: 'signed-document', reference: '' });
  const path = `${customersPath(companyId)}/contacts/${contact.id}`;
  const record = useMutation({
    mutationFn: (body: Record<string, unknown>) => post(`${path}/consent-events`, body),
    onSuccess: async () => { setConsent((c) => ({ ...c, reference: '' })); await onChanged(); },
  });
  const withdrawAll = useMutation({ mutationFn: () => post(`${path}/withdraw-all`, { source: 'staff' }), onSuccess: onChanged });
  const given = contact.consents.filter((c) => c.state === 'given');
  return (
    <Card withBorder padding="md" data-testid="contact-card">
      <Title order={3} size="h4">{name}</Title>
      <Text size="sm" c="dimmed">{[contact.role, contact.email, contact.phone].filter(Boolean).join(' · ')}</Text>
      <Title order={4} size="h5" mt="sm">{t('customers.consents.title')}</Title>
      {contact.consents.length === 0 ? (
        <Text size="sm">{t('customers.consents.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table data-testid="consent-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('customers.consents.channel')}</Table.Th>
                <Table.Th scope="col">{t('customers.consents.purpose')}</Table.Th>
                <Table.Th scope="col">{t('customers.consents.state')}</Table.Th>
                <Table.Th scope="col"><VisuallyHidden>{t('customers.consents.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contact.consents.map((c) => (
                <Table.Tr key={`${c.channel}-${c.purpose}`}>
                  <Table.Td>{t(`customers.consents.channels.${c.channel}`)}</Table.Td>
                  <Table.Td>{t(`customers.consents.purposes.${c.purpose}`)}</Table.Td>
                  <Table.Td>
                    <Text span fw={700} size="sm" data-state={c.state}>{t(`customers.consents.states.${c.state}`)}</Text>
                    {c.declaredAt && <Text span size="xs" c="dimmed"> {t('customers.consents.since', { date: date(c.declaredAt) })}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {canWrite && c.state === 'given' && (
                      <Button size="xs" variant="light" color="red" loading={record.isPending}
                        aria-label={t('customers.consents.withdrawOne', { channel: t(`customers.consents.channels.${c.channel}`), purpose: t(`customers.consents.purposes.${c.purpose}`), name })}
                        onClick={() => record.mutate({ channel: c.channel, purpose: c.purpose, kind: 'withdraw', source: 'staff' })}>
                        {t('customers.consents.withdraw')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && !contact.erased && (
        <>
          {given.length > 0 && (
            <Button mt="xs" size="xs" variant="subtle" color="red" onClick={() => withdrawAll.mutate()} loading={withdrawAll.isPending}>
              {t('customers.consents.withdrawAll')}
            </Button>
          )}
          <form
            aria-label={t('customers.consents.record', { name })}
            onSubmit={(e) => {
              e.preventDefault();
              record.mutate({ channel: consent.channel, purpose: consent.purpose, kind: 'give', source: consent.source, evidence: { kind: consent.evidenceKind, reference: consent.reference } });
            }}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
              <Select label={t('customers.consents.channel')} value={consent.channel} allowDeselect={false} onChange={(v) => setConsent((c) => ({ ...c, channel: v ?? 'email' }))} data={CHANNELS.map((v) => ({ value: v, label: t(`customers.consents.channels.${v}`) }))} />
              <Select label={t('customers.consents.purpose')} value={consent.purpose} allowDeselect={false} onChange={(v) => setConsent((c) => ({ ...c, purpose: v ?? 'newsletter' }))} data={PURPOSES.map((v) => ({ value: v, label: t(`customers.consents.purposes.${v}`) }))} />
              <Select label={t('customers.consents.source')} value={consent.source} allowDeselect={false} onChange={(v) => setConsent((c) => ({ ...c, source: v ?? 'staff' }))} data={SOURCES.map((v) => ({ value: v, label: t(`customers.consents.sources.${v}`) }))} />
              <Select label={t('customers.consents.evidenceKind')} value={consent.evidenceKind} allowDeselect={false} onChange={(v) => setConsent((c) => ({ ...c, evidenceKind: v ?? 'other' }))} data={EVIDENCE.map((v) => ({ value: v, label: t(`customers.consents.evidence.${v}`) }))} />
            </SimpleGrid>
            <Group align="end" mt="xs">
              <TextInput label={t('customers.consents.reference')} description={t('customers.consents.referenceHint')} value={consent.reference} required style={{ flex: 1 }}
                onChange={(e) => { const reference = e.currentTarget.value; setConsent((c) => ({ ...c, reference })); }} />
              <Button type="submit" variant="light" loading={record.isPending}>{t('customers.consents.give')}</Button>
            </Group>
          </form>
          <ProblemAlert error={record.error ?? withdrawAll.error} />
        </>
      )}
    </Card>
  );
}
