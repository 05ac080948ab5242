import '../load-translations';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, List, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { get, post } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
type Localized = { de: string; en: string };
import type { ErasurePreview, ErasureStep, FoundPerson, SubjectRequest } from '../../subject-requests.schemas';
import { requestKeys, requestsPath, useRequest } from '../requests-api';
import { RequestDeadline, useDay } from '../components/request-deadline';

// dark enough for white text (contrast at least 4.5:1)
export const STATE_COLOR = { open: '#495057', extended: '#8a5a00', done: '#237032', refused: '#c92a2a' } as const;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" fw={600}>{label}</Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{children}</Text>
    </div>
  );
}

/** What an erasure does or did: per person and module, what goes and what stays with its reason. */
function ErasureSteps({ steps, testId }: { steps: ErasureStep[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const l = (x: Localized) => (i18n.language === 'en' ? x.en : x.de);
  return (
    <Stack gap="md" data-testid={testId}>
      {steps.map((s, i) => (
        <div key={i}>
          <Text fw={600}>{`${l(s.moduleName)} · ${l(s.kind)}`}</Text>
          {s.erased.length === 0 && s.kept.length === 0 && <Text size="sm" c="dimmed">{t('privacy.requests.erasure.nothing')}</Text>}
          {s.erased.length > 0 && (
            <>
              <Text size="sm" fw={600} mt={4}>{t('privacy.requests.erasure.goes')}</Text>
              <List size="sm" spacing={2}>{s.erased.map((e, j) => <List.Item key={j} data-testid="erased-item">{`${l(e.what)} (${e.count})`}</List.Item>)}</List>
            </>
          )}
          {s.kept.length > 0 && (
            <>
              <Text size="sm" fw={600} mt={4}>{t('privacy.requests.erasure.stays')}</Text>
              <List size="sm" spacing={2}>{s.kept.map((k, j) => <List.Item key={j} data-testid="kept-item">{`${l(k.what)} (${k.count}) – ${t('privacy.requests.erasure.because')} ${l(k.reason)}`}</List.Item>)}</List>
            </>
          )}
        </div>
      ))}
    </Stack>
  );
}

function PeopleSearch({ request, onChange }: { request: SubjectRequest; onChange: (r: SubjectRequest) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const company = useCompany();
  const base = `${requestsPath(company.id)}/${request.id}`;
  const l = (x: Localized | null) => (x === null ? '' : i18n.language === 'en' ? x.en : x.de);
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const key = (p: { moduleId: string; ref: string }) => `${p.moduleId}\u0000${p.ref}`;
  const search = useMutation({
    mutationFn: (q: string) => get<FoundPerson[]>(`${base}/people?q=${encodeURIComponent(q)}`),
    onSuccess: (found, q) => {
      setSearched(q);
      setChosen(found.filter((p) => !p.linked).map(key));
    },
  });
  const link = useMutation({
    mutationFn: () => post<SubjectRequest>(`${base}/people`, { query: searched, people: (search.data ?? []).filter((p) => chosen.includes(key(p))).map((p) => ({ moduleId: p.moduleId, ref: p.ref })) }),
    onSuccess: async (updated) => {
      search.reset();
      setChosen([]);
      await onChange(updated);
    },
  });
  return (
    <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="search-title">
      <Title order={2} size="h3" id="search-title" mb="xs">{t('privacy.requests.search.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('privacy.requests.search.intro')}</Text>
      <form onSubmit={(e) => { e.preventDefault(); if (query.trim().length >= 2) search.mutate(query.trim()); }}>
        <Group align="flex-end">
          <TextInput label={t('privacy.requests.search.label')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} data-testid="people-query" />
          <Button type="submit" variant="default" loading={search.isPending} disabled={query.trim().length < 2} data-testid="people-search">{t('privacy.requests.search.button')}</Button>
        </Group>
      </form>
      <ProblemAlert error={search.error ?? link.error} />
      {search.data && (
        search.data.length === 0 ? <Text mt="sm" data-testid="people-none">{t('privacy.requests.search.none')}</Text> : (
          <Stack mt="md" gap="xs" data-testid="people-found">
            {search.data.map((p) => (
              <Checkbox
                key={key(p)}
                checked={p.linked || chosen.includes(key(p))}
                disabled={p.linked}
                onChange={(e) => { const on = e.currentTarget.checked; setChosen((c) => (on ? [...c, key(p)] : c.filter((x) => x !== key(p)))); }}
                label={`${p.name} · ${l(p.kind)} · ${l(p.moduleName)}${p.context ? ` · ${l(p.context)}` : ''}${p.email ? ` · ${p.email}` : ''}${p.phone ? ` · ${p.phone}` : ''}${p.linked ? ` (${t('privacy.requests.search.linked')})` : ''}`}
              />
            ))}
            <Group><Button onClick={() => link.mutate()} disabled={chosen.length === 0} loading={link.isPending} data-testid="people-link">{t('privacy.requests.search.link', { count: chosen.length })}</Button></Group>
          </Stack>
        )
      )}
    </Card>
  );
}

export default function RequestPage() {
  const { t, i18n } = useTranslation();
  const { dateTime } = useFormat();
  const day = useDay();
  const company = useCompany();
  const { requestId } = useParams();
  const request = useRequest(company.id, requestId);
  const queryClient = useQueryClient();
  const canManage = company.permissions.includes('privacy.manage');
  const base = `${requestsPath(company.id)}/${requestId}`;
  const l = (x: Localized | null) => (x === null ? '' : i18n.language === 'en' ? x.en : x.de);
  const refresh = async (updated: SubjectRequest) => {
    queryClient.setQueryData(requestKeys.detail(company.id, updated.id), updated);
    await queryClient.invalidateQueries({ queryKey: requestKeys.list(company.id) });
  };
  const [confirmed, setConfirmed] = useState(false);
  const preview = useMutation({ mutationFn: () => get<ErasurePreview>(`${base}/erasure`) });
  const erase = useMutation({ mutationFn: () => post<SubjectRequest>(`${base}/erasure`, { confirm: true }), onSuccess: async (r) => { preview.reset(); setConfirmed(false); await refresh(r); } });
  const unlink = useMutation({ mutationFn: (p: { moduleId: string; ref: string }) => post<SubjectRequest>(`${base}/people/unlink`, p), onSuccess: refresh });
  const [months, setMonths] = useState('1');
  const [extensionReason, setExtensionReason] = useState('');
  const extend = useMutation({ mutationFn: () => post<SubjectRequest>(`${base}/extend`, { months: Number(months), reason: extensionReason }), onSuccess: refresh });
  const [outcome, setOutcome] = useState<'done' | 'refused'>('done');
  const [note, setNote] = useState('');
  const close = useMutation({ mutationFn: () => post<SubjectRequest>(`${base}/close`, { outcome, note }), onSuccess: refresh });

  if (request.error) return <ProblemAlert error={request.error} />;
  if (!request.data) return <Loading />;
  const r = request.data;
  const open = r.state === 'open' || r.state === 'extended';
  const lang = i18n.language === 'en' ? 'en' : 'de';

  return (
    <>
      <Anchor component={Link} to={`/c/${company.id}/privacy/requests`} size="sm">{t('privacy.requests.back')}</Anchor>
      <PageHeader title={t('privacy.requests.detailTitle', { kind: t(`privacy.requests.kind.${r.kind}`), name: r.requesterName })}>
        <Group gap="sm" mt="xs">
          <RequestDeadline clock={r.clock} size="lg" />
          <Badge variant="filled" color={STATE_COLOR[r.state]} tt="none" size="lg" data-testid="request-state">{t(`privacy.requests.state.${r.state}`)}</Badge>
          {r.erasedAt && <Badge variant="filled" color="#495057" tt="none" size="lg" data-testid="request-erased">{t('privacy.requests.erasedOn', { date: dateTime(r.erasedAt) })}</Badge>}
        </Group>
      </PageHeader>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="facts-title">
          <Title order={2} size="h3" id="facts-title" mb="sm">{t('privacy.requests.facts')}</Title>
          <Stack gap="sm">
            <Fact label={t('privacy.requests.form.requesterName')}>{r.requesterName}</Fact>
            <Fact label={t('privacy.requests.form.requesterReach')}>{r.requesterReach ?? '–'}</Fact>
            <Fact label={t('privacy.requests.form.receivedOn')}>{day(r.receivedOn)}</Fact>
            <Fact label={t('privacy.requests.deadline')}>{day(r.clock.deadline)}{r.extensionMonths > 0 ? ` (${t('privacy.requests.extendedBy', { count: r.extensionMonths })}: ${r.extensionReason ?? ''})` : ''}</Fact>
            {r.notes && <Fact label={t('privacy.requests.form.notes')}>{r.notes}</Fact>}
            {r.closingNote && <Fact label={t('privacy.requests.closingNote')}>{r.closingNote}</Fact>}
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="people-title">
          <Title order={2} size="h3" id="people-title" mb="sm">{t('privacy.requests.people')}</Title>
          {r.linked.length === 0 ? <Text data-testid="linked-none">{t('privacy.requests.noPeople')}</Text> : (
            <Stack gap="xs" data-testid="linked-people">
              {r.linked.map((p) => (
                <Group key={`${p.moduleId}-${p.ref}`} justify="space-between" wrap="nowrap" data-testid="linked-person">
                  <Text size="sm">{r.erasedAt ? `${t('privacy.requests.erasedPerson')} · ${l(p.kind)} · ${l(p.moduleName)}` : `${p.name} · ${l(p.kind)} · ${l(p.moduleName)}${p.email ? ` · ${p.email}` : ''}${p.phone ? ` · ${p.phone}` : ''}`}</Text>
                  {canManage && open && !r.erasedAt && <Button size="xs" variant="subtle" onClick={() => unlink.mutate({ moduleId: p.moduleId, ref: p.ref })} aria-label={t('privacy.requests.unlinkLabel', { name: p.name })}>{t('privacy.requests.unlink')}</Button>}
                </Group>
              ))}
            </Stack>
          )}
          {r.linked.length > 0 && (
            <Group mt="md">
              <Button component="a" variant="light" href={`/api/v1${base}/export`} download data-testid="export-json">{t('privacy.requests.exportJson')}</Button>
              <Button component="a" variant="light" href={`/api/v1${base}/export.pdf?lang=${lang}`} download data-testid="export-pdf">{t('privacy.requests.exportPdf')}</Button>
            </Group>
          )}
          <ProblemAlert error={unlink.error} />
        </Card>
      </SimpleGrid>

      {canManage && open && !r.erasedAt && <PeopleSearch request={r} onChange={refresh} />}

      {r.kind === 'erasure' && (
        <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="erasure-title">
          <Title order={2} size="h3" id="erasure-title" mb="xs">{t('privacy.requests.erasure.title')}</Title>
          {r.erasure ? <ErasureSteps steps={r.erasure} testId="erasure-done" /> : (
            <>
              <Text size="sm" c="dimmed" mb="sm">{t('privacy.requests.erasure.intro')}</Text>
              {canManage && open && (
                <Group><Button variant="default" onClick={() => preview.mutate()} loading={preview.isPending} disabled={r.linked.length === 0} data-testid="erasure-preview">{t('privacy.requests.erasure.preview')}</Button></Group>
              )}
              <ProblemAlert error={preview.error ?? erase.error} />
              {preview.data && (
                <Stack mt="md">
                  <ErasureSteps steps={preview.data.steps} testId="erasure-plan" />
                  {preview.data.blocked.length > 0 ? (
                    <Alert color="red" title={t('privacy.requests.erasure.blocked')} data-testid="erasure-blocked">
                      <List size="sm">{preview.data.blocked.map((b, i) => <List.Item key={i}>{`${b.name}: ${l(b.reason)}`}</List.Item>)}</List>
                    </Alert>
                  ) : (
                    <>
                      <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} label={t('privacy.requests.erasure.confirm')} data-testid="erasure-confirm" />
                      <Group><Button color="red.9" disabled={!confirmed} loading={erase.isPending} onClick={() => erase.mutate()} data-testid="erasure-run">{t('privacy.requests.erasure.run')}</Button></Group>
                    </>
                  )}
                </Stack>
              )}
            </>
          )}
        </Card>
      )}

      {canManage && open && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="extend-title">
            <Title order={2} size="h3" id="extend-title" mb="xs">{t('privacy.requests.extend.title')}</Title>
            <Text size="sm" c="dimmed" mb="sm">{t('privacy.requests.extend.intro')}</Text>
            <form onSubmit={(e) => { e.preventDefault(); extend.mutate(); }}>
              <Stack gap="sm">
                <NativeSelect label={t('privacy.requests.extend.months')} value={months} onChange={(e) => setMonths(e.currentTarget.value)} data={[{ value: '1', label: t('privacy.requests.extendedBy', { count: 1 }) }, { value: '2', label: t('privacy.requests.extendedBy', { count: 2 }) }]} />
                <Textarea label={t('privacy.requests.extend.reason')} value={extensionReason} onChange={(e) => setExtensionReason(e.currentTarget.value)} autosize minRows={2} required />
                <Group><Button type="submit" variant="default" loading={extend.isPending} data-testid="extend">{t('privacy.requests.extend.button')}</Button></Group>
                <ProblemAlert error={extend.error} />
              </Stack>
            </form>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="close-title">
            <Title order={2} size="h3" id="close-title" mb="xs">{t('privacy.requests.close.title')}</Title>
            <form onSubmit={(e) => { e.preventDefault(); close.mutate(); }}>
              <Stack gap="sm">
                <NativeSelect label={t('privacy.requests.close.outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as 'done' | 'refused')} data={[{ value: 'done', label: t('privacy.requests.state.done') }, { value: 'refused', label: t('privacy.requests.state.refused') }]} data-testid="close-outcome" />
                <Textarea label={t('privacy.requests.close.note')} description={t('privacy.requests.close.noteHelp')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
                <Group><Button type="submit" loading={close.isPending} data-testid="close">{t('privacy.requests.close.button')}</Button></Group>
                <ProblemAlert error={close.error} />
              </Stack>
            </form>
          </Card>
        </SimpleGrid>
      )}

      <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="log-title">
        <Title order={2} size="h3" id="log-title" mb="sm">{t('privacy.requests.log')}</Title>
        <ScrollRegion label={t('privacy.requests.log')} minWidth={560}>
          <Table data-testid="request-log">
            <Table.Thead><Table.Tr><Table.Th>{t('privacy.requests.logAt')}</Table.Th><Table.Th>{t('privacy.requests.logWho')}</Table.Th><Table.Th>{t('privacy.requests.logWhat')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {r.log.map((e) => <Table.Tr key={e.id}><Table.Td>{dateTime(e.at)}</Table.Td><Table.Td>{e.actor ?? '–'}</Table.Td><Table.Td>{e.text}</Table.Td></Table.Tr>)}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Card>
      <Text size="sm" c="dimmed" maw={760}>{t('privacy.notLegalAdvice')}</Text>
    </>
  );
}
