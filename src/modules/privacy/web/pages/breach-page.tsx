import '../load-translations';
import { Alert, Anchor, Button, Card, CopyButton, Group, List, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { post } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import type { Breach, NoticeRecipient } from '../../schemas';
import { privacyKeys, privacyPath, useBreach } from '../api';
import { BreachClock } from '../components/breach-clock';
import { fromLocalInput, toLocalInput } from '../../../../web/components/local-time-input';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" fw={600}>{label}</Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{children}</Text>
    </div>
  );
}

export default function BreachPage() {
  const { t, i18n } = useTranslation();
  const { dateTime, number } = useFormat();
  const company = useCompany();
  const { breachId } = useParams();
  const breach = useBreach(company.id, breachId);
  const queryClient = useQueryClient();
  const canManage = company.permissions.includes('privacy.manage');
  const base = `${privacyPath(company.id)}/breaches/${breachId}`;
  const refresh = async (updated: Breach) => {
    queryClient.setQueryData(privacyKeys.detail(company.id, updated.id), updated);
    await queryClient.invalidateQueries({ queryKey: privacyKeys.list(company.id) });
  };
  const [recipient, setRecipient] = useState<NoticeRecipient>('authority');
  const [sentAt, setSentAt] = useState(() => toLocalInput(Date.now()));
  const [reference, setReference] = useState('');
  const notice = useMutation({
    mutationFn: () => post<Breach>(`${base}/notices`, { recipient, sentAt: new Date(fromLocalInput(sentAt)).toISOString(), reference }),
    onSuccess: async (updated) => {
      setReference('');
      await refresh(updated);
    },
  });
  const close = useMutation({ mutationFn: () => post<Breach>(`${base}/close`), onSuccess: refresh });
  const reopen = useMutation({ mutationFn: () => post<Breach>(`${base}/reopen`), onSuccess: refresh });

  if (breach.error) return <ProblemAlert error={breach.error} />;
  if (!breach.data) return <Loading />;
  const b = breach.data;
  const open = b.closedAt === null;
  const unknown = t('privacy.detail.unknown');
  const sectionText = (s: Breach['draft'][number]) => {
    if (s.text === null) return t('privacy.detail.toFollow');
    const counted = s.id === 'subjects' || s.id === 'records';
    return counted ? `${s.text} (${t('privacy.detail.about', { count: s.count === null ? unknown : number(s.count) })})` : s.text;
  };
  const draftText = b.draft.map((s) => `${t(`privacy.section.${s.id}`)}:\n${sectionText(s)}`).join('\n\n');
  const validSentAt = Number.isFinite(fromLocalInput(sentAt));

  return (
    <>
      <Anchor component={Link} to={`/c/${company.id}/privacy/breaches`} size="sm">{t('privacy.detail.back')}</Anchor>
      <PageHeader title={b.title}>
        <Group gap="sm" mt="xs">
          {open ? <BreachClock clock={b.clock} fetchedAt={breach.dataUpdatedAt} size="lg" /> : <Text fw={600} data-testid="breach-closed">{t('privacy.detail.closedOn', { date: dateTime(b.closedAt!) })}</Text>}
        </Group>
      </PageHeader>

      <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="todo-title">
        <Title order={2} size="h3" id="todo-title" mb="sm">{t('privacy.detail.todo')}</Title>
        {b.openDuties.length > 0 ? (
          <List data-testid="open-duties" spacing="xs">
            {b.openDuties.map((d) => <List.Item key={d} data-duty={d}>{t(`privacy.duty.${d}`)}</List.Item>)}
          </List>
        ) : (
          <Text data-testid="no-open-duties">{open ? t('privacy.detail.allDone') : t('privacy.noDuties')}</Text>
        )}
        {canManage && (
          <Group mt="md">
            {open && <Button component={Link} to={`/c/${company.id}/privacy/breaches/${b.id}/edit`} variant={b.openDuties.length > 0 ? 'filled' : 'default'}>{t('privacy.detail.edit')}</Button>}
            {open && b.openDuties.length === 0 && <Button onClick={() => close.mutate()} loading={close.isPending}>{t('privacy.detail.close')}</Button>}
            {!open && <Button variant="default" onClick={() => reopen.mutate()} loading={reopen.isPending}>{t('privacy.detail.reopen')}</Button>}
            <Button component="a" variant="light" href={`/api/v1${base}/report.pdf?lang=${i18n.language === 'en' ? 'en' : 'de'}`} download data-testid="breach-pdf">{t('privacy.detail.pdf')}</Button>
          </Group>
        )}
        <ProblemAlert error={close.error ?? reopen.error} />
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="facts-title">
          <Title order={2} size="h3" id="facts-title" mb="sm">{t('privacy.detail.facts')}</Title>
          <Stack gap="sm">
            <Fact label={t('privacy.form.becameKnownAt')}>{dateTime(b.becameKnownAt)}</Fact>
            <Fact label={`${t('privacy.form.occurredFrom')} – ${t('privacy.form.occurredTo')}`}>{b.occurredFrom || b.occurredTo ? `${b.occurredFrom ? dateTime(b.occurredFrom) : unknown} – ${b.occurredTo ? dateTime(b.occurredTo) : unknown}` : unknown}</Fact>
            <Fact label={t('privacy.form.nature')}>{b.nature ?? unknown}</Fact>
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="assessment-title">
          <Title order={2} size="h3" id="assessment-title" mb="sm">{t('privacy.detail.assessment')}</Title>
          <Stack gap="sm">
            <Fact label={t('privacy.form.risk')}>{t(`privacy.risk.${b.risk}`)}</Fact>
            {b.riskReason && <Fact label={t('privacy.form.riskReason')}>{b.riskReason}</Fact>}
            <Fact label={t('privacy.detail.subjectsDutyLabel')}>{t(`privacy.subjectsDuty.${b.subjectsDuty}`)}</Fact>
            <Fact label={t('privacy.detail.authorityNotifiedAt')}>{b.authorityNotifiedAt ? [dateTime(b.authorityNotifiedAt), b.authorityReference].filter(Boolean).join(' · ') : t('privacy.detail.notYet')}</Fact>
            <Fact label={t('privacy.detail.subjectsInformedAt')}>{b.subjectsInformedAt ? dateTime(b.subjectsInformedAt) : t('privacy.detail.notYet')}</Fact>
          </Stack>
        </Card>
      </SimpleGrid>

      <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="draft-title" data-testid="notice-draft">
        <Group justify="space-between" align="flex-start" mb="xs">
          <Title order={2} size="h3" id="draft-title">{t('privacy.detail.draft')}</Title>
          <CopyButton value={draftText}>
            {({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? t('privacy.detail.copied') : t('privacy.detail.copy')}</Button>}
          </CopyButton>
        </Group>
        <Text size="sm" c="dimmed" mb="md" maw={760}>{t('privacy.detail.draftIntro')}</Text>
        <Stack gap="sm">
          {b.draft.map((s) => (
            <div key={s.id} data-section={s.id} data-complete={s.complete}>
              <Text size="sm" fw={600}>{t(`privacy.section.${s.id}`)}</Text>
              <Text style={{ whiteSpace: 'pre-wrap' }} c={s.text === null ? 'dimmed' : undefined} fs={s.text === null ? 'italic' : undefined}>{sectionText(s)}</Text>
            </div>
          ))}
        </Stack>
      </Card>

      <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="notices-title">
        <Title order={2} size="h3" id="notices-title" mb="sm">{t('privacy.detail.notices')}</Title>
        {b.notices.length === 0 ? <Text c="dimmed" mb="md">{t('privacy.detail.noNotices')}</Text> : (
          <Table mb="md" data-testid="notices">
            <Table.Thead><Table.Tr><Table.Th>{t('privacy.detail.recipient')}</Table.Th><Table.Th>{t('privacy.detail.sentAt')}</Table.Th><Table.Th>{t('privacy.detail.reference')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {b.notices.map((n) => <Table.Tr key={n.id}><Table.Td>{t(`privacy.detail.recipients.${n.recipient}`)}</Table.Td><Table.Td>{dateTime(n.sentAt)}</Table.Td><Table.Td>{n.reference ?? ''}</Table.Td></Table.Tr>)}
            </Table.Tbody>
          </Table>
        )}
        {canManage && open && (
          <form onSubmit={(e) => { e.preventDefault(); if (validSentAt) notice.mutate(); }}>
            <Title order={3} size="h4" mb="xs">{t('privacy.detail.giveNotice')}</Title>
            <Group align="end" wrap="wrap">
              <NativeSelect label={t('privacy.detail.recipient')} value={recipient} onChange={(e) => setRecipient(e.currentTarget.value as NoticeRecipient)}
                data={(['authority', 'subjects'] as const).map((r) => ({ value: r, label: t(`privacy.detail.recipients.${r}`) }))} />
              <TextInput type="datetime-local" label={t('privacy.detail.sentAt')} value={sentAt} onChange={(e) => setSentAt(e.currentTarget.value)} required />
              <TextInput label={t('privacy.detail.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} maxLength={200} style={{ flex: 1, minWidth: 180 }} />
              <Button type="submit" loading={notice.isPending} disabled={!validSentAt}>{t('privacy.detail.save')}</Button>
            </Group>
            <ProblemAlert error={notice.error} />
          </form>
        )}
      </Card>
      <Alert color="gray" variant="light">{t('privacy.notLegalAdvice')}</Alert>
    </>
  );
}
