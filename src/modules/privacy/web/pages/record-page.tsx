import '../load-translations';
import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get, post, put } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useLeaveGuard } from '../../../../web/components/unsaved-changes';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import type { Activity, Controller, RecordChange } from '../../domain/processing-record';
import type { RecordView } from '../../processing-record.service';
import { privacyKeys, privacyPath } from '../api';

const recordKey = (companyId: string) => [...privacyKeys.all(companyId), 'record'];

export default function RecordPage() {
  const { t, i18n } = useTranslation();
  const { date, localized } = useFormat();
  const company = useCompany();
  const queryClient = useQueryClient();
  const base = `${privacyPath(company.id)}/record`;
  const view = useQuery({ queryKey: recordKey(company.id), queryFn: () => get<RecordView>(base) });
  const canManage = company.permissions.includes('privacy.manage');
  const confirm = useMutation({ mutationFn: () => post<RecordView>(`${base}/versions`), onSuccess: (v) => queryClient.setQueryData(recordKey(company.id), v) });
  // one guard for the page (a router holds one blocker at a time): any card with unsaved input holds it
  const [dirtyCards, setDirtyCards] = useState<ReadonlySet<string>>(new Set());
  const onDirty = useCallback((card: string, dirty: boolean) => setDirtyCards((cards) => {
    if (cards.has(card) === dirty) return cards;
    const next = new Set(cards);
    if (dirty) next.add(card);
    else next.delete(card);
    return next;
  }), []);
  const dirty = useMemo(() => ({ current: dirtyCards.size > 0 }), [dirtyCards]);
  const prompt = useLeaveGuard(dirty);
  if (view.error) return <ProblemAlert error={view.error} />;
  if (!view.data) return <Loading />;
  const { record, changes, missing, versions } = view.data;
  const latest = versions[0];
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const fields = (names: string[]) => names.map((f) => t(`privacy.record.field.${f}`)).join(', ');
  const describe = (c: RecordChange) =>
    c.kind === 'controller-changed'
      ? t('privacy.record.change.controller-changed', { fields: fields(c.fields) })
      : t(`privacy.record.change.${c.kind}`, { category: localized(c.category), module: localized(c.moduleName), fields: c.kind === 'activity-changed' ? fields(c.fields) : '' });
  return (
    <>
      {prompt}
      <PageHeader title={t('privacy.record.title')} intro={t('privacy.record.intro')} />
      <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="record-state" data-testid="record-state">
        <Title order={2} size="h3" id="record-state" mb="xs">
          {!latest ? t('privacy.record.firstTitle') : changes.length > 0 ? t('privacy.record.changesTitle', { count: changes.length }) : t('privacy.record.upToDate')}
        </Title>
        <Text mb="sm">
          {latest
            ? latest.confirmedBy
              ? t('privacy.record.state.confirmed', { version: latest.version, date: date(latest.confirmedAt), person: latest.confirmedBy })
              : t('privacy.record.state.confirmedNoPerson', { version: latest.version, date: date(latest.confirmedAt) })
            : t('privacy.record.state.none')}
        </Text>
        {latest && changes.length > 0 && (
          <List spacing={4} mb="sm" data-testid="record-changes">
            {changes.map((c, i) => <List.Item key={i} data-kind={c.kind}>{describe(c)}</List.Item>)}
          </List>
        )}
        {missing.length > 0 && <Text size="sm" c="dimmed" mb="sm" data-testid="record-missing">{t('privacy.record.missing', { count: missing.length })}</Text>}
        <Group>
          {canManage && (changes.length > 0 || !latest) && (
            <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>{t('privacy.record.confirm', { version: (latest?.version ?? 0) + 1 })}</Button>
          )}
          <Button component="a" variant="light" href={`/api/v1${base}.pdf?lang=${lang}`} download data-testid="record-pdf">{t('privacy.record.pdf')}</Button>
          {latest && <Anchor href={`/api/v1${base}/versions/${latest.version}`} download={`record-v${latest.version}.json`}>{t('privacy.record.json', { version: latest.version })}</Anchor>}
        </Group>
        <ProblemAlert error={confirm.error} />
      </Card>

      <ControllerCard controller={record.controller} canManage={canManage} onDirty={onDirty} />

      <Title order={2} size="h3" mb={4}>{t('privacy.record.activities')}</Title>
      <Text c="dimmed" mb="md" maw={760}>{t('privacy.record.activitiesIntro')}</Text>
      <Stack gap="md" mb="lg">
        {record.activities.map((a) => <ActivityCard key={a.key} activity={a} canManage={canManage} onDirty={onDirty} />)}
      </Stack>

      {versions.length > 0 && (
        <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="versions-title">
          <Title order={2} size="h3" id="versions-title" mb="sm">{t('privacy.record.versions')}</Title>
          <Table data-testid="record-versions">
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td><Anchor href={`/api/v1${base}/versions/${v.version}`} download={`record-v${v.version}.json`}>{t('privacy.record.versionRow', { version: v.version })}</Anchor></Table.Td>
                  <Table.Td>{date(v.confirmedAt)}</Table.Td>
                  <Table.Td>{v.confirmedBy ?? ''}</Table.Td>
                  <Table.Td>{t('privacy.record.changesCount', { count: v.changes.length })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Group mb="lg"><Button component={Link} to={`/c/${company.id}/privacy/breaches`} variant="default">{t('privacy.record.toBreaches')}</Button></Group>
      <Alert color="gray" variant="light">{t('privacy.notLegalAdvice')}</Alert>
    </>
  );
}

type OnDirty = (card: string, dirty: boolean) => void;

/** A card's input against what was last loaded or saved; the page is told whether it differs. */
function useCardValues<T>(card: string, initial: T, onDirty: OnDirty) {
  const [values, setValues] = useState(initial);
  const [baseline, setBaseline] = useState(() => JSON.stringify(initial));
  const changed = JSON.stringify(values) !== baseline;
  useEffect(() => onDirty(card, changed), [card, changed, onDirty]);
  useEffect(() => () => onDirty(card, false), [card, onDirty]);
  return { values, setValues, changed, markSaved: () => setBaseline(JSON.stringify(values)) };
}

function useSaveRecord<T>(path: string) {
  const company = useCompany();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => put<RecordView>(`${privacyPath(company.id)}/record/${path}`, body),
    onSuccess: (v) => queryClient.setQueryData(recordKey(company.id), v),
  });
}

function ControllerCard({ controller, canManage, onDirty }: { controller: Controller; canManage: boolean; onDirty: OnDirty }) {
  const { t } = useTranslation();
  const { values, setValues, changed, markSaved } = useCardValues('controller', controller, onDirty);
  const save = useSaveRecord<Controller>('controller');
  const field = (key: keyof Controller) => ({
    label: t(`privacy.record.field.${key}`),
    value: values[key] ?? '',
    readOnly: !canManage,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
  });
  return (
    <Card withBorder padding="lg" mb="lg" component="form" aria-labelledby="controller-title" onSubmit={(e) => { e.preventDefault(); save.mutate(values, { onSuccess: markSaved }); }}>
      <Title order={2} size="h3" id="controller-title" mb="sm">{t('privacy.record.controller')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
        <TextInput {...field('name')} maxLength={300} />
        <TextInput {...field('contact')} maxLength={1000} />
        <Textarea {...field('address')} autosize minRows={2} maxLength={1000} />
        <Textarea {...field('dataProtectionOfficer')} autosize minRows={2} maxLength={1000} />
        <TextInput {...field('representative')} maxLength={1000} />
      </SimpleGrid>
      <Title order={3} size="h4" mb={4}>{t('privacy.record.measures')}</Title>
      <Text size="sm" c="dimmed" mb="xs" maw={760}>{t('privacy.record.measuresHelp')}</Text>
      <Textarea {...field('measures')} label={t('privacy.record.field.measures')} autosize minRows={4} maxLength={20_000} />
      {canManage && (
        <Group mt="md">
          <Button type="submit" loading={save.isPending} disabled={!changed}>{t('privacy.record.field.save')}</Button>
          {!values.measures && <Button variant="default" onClick={() => setValues((v) => ({ ...v, measures: t('privacy.record.suggestion') }))}>{t('privacy.record.takeSuggestion')}</Button>}
        </Group>
      )}
      <ProblemAlert error={save.error} />
    </Card>
  );
}

function ActivityCard({ activity, canManage, onDirty }: { activity: Activity; canManage: boolean; onDirty: OnDirty }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const { values, setValues, changed, markSaved } = useCardValues(activity.key, { recipients: activity.recipients, processors: activity.processors, thirdCountries: activity.thirdCountries }, onDirty);
  const save = useSaveRecord<typeof values>(`activities/${activity.key}`);
  const input = (key: keyof typeof values) => ({
    label: t(`privacy.record.field.${key}`),
    placeholder: t(`privacy.record.placeholder.${key}`),
    value: values[key] ?? '',
    readOnly: !canManage,
    maxLength: 2000,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
  });
  return (
    <Card withBorder padding="lg" component="form" aria-label={localized(activity.category)} data-activity={activity.key} onSubmit={(e) => { e.preventDefault(); save.mutate(values, { onSuccess: markSaved }); }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('privacy.record.fromModule', { module: localized(activity.moduleName) })}</Text>
      <Title order={3} size="h4" mb="xs">{localized(activity.category)}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
        <div><Text size="sm" fw={600}>{t('privacy.record.field.purpose')}</Text><Text size="sm">{localized(activity.purpose)}</Text></div>
        <div><Text size="sm" fw={600}>{t('privacy.record.field.dataSubjects')}</Text><Text size="sm">{localized(activity.dataSubjects)}</Text></div>
        <div><Text size="sm" fw={600}>{t('privacy.record.field.retention')}</Text><Text size="sm">{localized(activity.retention)}</Text></div>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput {...input('recipients')} />
        <TextInput {...input('processors')} />
        <TextInput {...input('thirdCountries')} />
      </SimpleGrid>
      {canManage && <Group mt="sm"><Button type="submit" variant="light" loading={save.isPending} disabled={!changed}>{t('privacy.record.field.save')}</Button></Group>}
      <ProblemAlert error={save.error} />
    </Card>
  );
}
