import '../load-translations';
import { Alert, Badge, Button, Card, Group, Progress, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { SECURITY_AREAS } from '../../domain/security-catalogue';
import type { SecurityAnswer } from '../../domain/security-score';
import type { SecurityCheckView } from '../../security-schemas';
import { useAnswer, useSecurityCheck } from '../security-api';

export const LEVEL_COLOR = { high: '#c92a2a', medium: '#8a5a00', low: '#237032' } as const;

export default function SecurityCheckPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const view = useSecurityCheck(company.id);
  if (view.error) return <ProblemAlert error={view.error} />;
  if (!view.data) return <Loading />;
  return (
    <>
      <PageHeader title={t('privacy.security.title')} intro={t('privacy.security.intro')} />
      <Alert variant="light" color="gray" mb="lg">{t('privacy.security.notCertification')}</Alert>
      <SecurityStatus view={view.data} companyId={company.id} roadmap={company.modules.some((m) => m.id === 'roadmap' && m.enabled) && company.permissions.includes('roadmap.read')} />
      <Stack gap="xl" mt="xl">
        {SECURITY_AREAS.map((area) => <AreaQuestions key={area} area={area} view={view.data} />)}
      </Stack>
    </>
  );
}

function SecurityStatus({ view, companyId, roadmap }: { view: SecurityCheckView; companyId: string; roadmap: boolean }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const { status } = view;
  const titles = new Map(view.requirements.map((q) => [q.id, q.measure.title]));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="security-status" data-testid="security-status" data-level={status.level}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h3" id="security-status">{t('privacy.security.status')}</Title>
          <Group gap="sm">
            <Badge size="lg" variant="filled" color={LEVEL_COLOR[status.level]} tt="none" data-testid="security-level">{t(`privacy.security.level.${status.level}`)}</Badge>
            <Text>{t('privacy.security.points', { points: status.points, max: status.maxPoints })}</Text>
          </Group>
          <Text size="sm" c="dimmed">{t('privacy.security.answered', { count: status.answered, total: status.total })}{status.complete ? '' : ` ${t('privacy.security.provisional')}`}</Text>
        </Stack>
        <Button component={Link} to={`/c/${companyId}/privacy/security/concept`} variant="light">{t('privacy.security.toConcept')}</Button>
      </Group>
      <Title order={3} size="h4" mt="md" id="security-areas">{t('privacy.security.areasTitle')}</Title>
      <Stack gap={6} mt="xs" component="ul" aria-labelledby="security-areas" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="security-areas">
        {status.areas.map((a) => (
          <li key={a.area}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">{t(`privacy.security.area.${a.area}`)}</Text>
              <Text size="sm" fw={600}>{t('privacy.security.fulfilment', { percent: Math.round(a.fulfilment) })}</Text>
            </Group>
            <Progress value={a.fulfilment} color={a.fulfilment >= 80 ? '#237032' : a.fulfilment >= 50 ? '#8a5a00' : '#c92a2a'} size="lg" aria-label={`${t(`privacy.security.area.${a.area}`)}: ${t('privacy.security.fulfilment', { percent: Math.round(a.fulfilment) })}`} />
          </li>
        ))}
      </Stack>
      <Title order={3} size="h4" mt="md">{t('privacy.security.gapsTitle', { count: status.gaps.length })}</Title>
      {status.gaps.length === 0 ? <Text size="sm">{t('privacy.security.noGaps')}</Text> : (
        <Stack gap={4} component="ol" data-testid="security-gaps" style={{ paddingLeft: 20, margin: 0 }}>
          {status.gaps.map((g) => (
            <li key={g.id}>
              <Text size="sm" span>{localized(titles.get(g.id)!)}</Text>{' '}
              {g.top && <Badge size="sm" color="#a84300" variant="filled" tt="none">{t('privacy.security.top')}</Badge>}{' '}
              <Text size="sm" c="dimmed" span>({t(`privacy.security.answer.${g.answer}`)})</Text>
            </li>
          ))}
        </Stack>
      )}
      {status.gaps.length > 0 && roadmap && (
        <Text size="sm" mt="sm">{t('privacy.security.gapsInRoadmap')} <Link to={`/c/${companyId}/roadmap`}>{t('privacy.security.toRoadmap')}</Link></Text>
      )}
    </Card>
  );
}

function AreaQuestions({ area, view }: { area: (typeof SECURITY_AREAS)[number]; view: SecurityCheckView }) {
  const { t } = useTranslation();
  const questions = view.requirements.filter((q) => q.area === area);
  return (
    <section aria-labelledby={`area-${area}`} data-testid={`area-${area}`}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id={`area-${area}`}>{t(`privacy.security.area.${area}`)}</Title>
        <Text size="sm" c="dimmed">{t('privacy.security.areaProgress', { answered: questions.filter((q) => view.answers[q.id] !== undefined).length, total: questions.length })}</Text>
      </Group>
      <Stack gap="sm">
        {questions.map((q) => <Question key={q.id} q={q} stored={view.answers[q.id]} />)}
      </Stack>
    </section>
  );
}

function Question({ q, stored }: { q: SecurityCheckView['requirements'][number]; stored: SecurityCheckView['answers'][string] | undefined }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const company = useCompany();
  const canManage = company.permissions.includes('privacy.manage');
  const save = useAnswer(company.id);
  const [note, setNote] = useState(stored?.note ?? '');
  const options: SecurityAnswer[] = q.notApplicableWhen ? ['met', 'partly', 'not_met', 'not_applicable'] : ['met', 'partly', 'not_met'];
  const answer = stored?.answer ?? null;
  const noteChanged = note.trim() !== (stored?.note ?? '');
  return (
    <Card withBorder padding="md" data-testid={`question-${q.id}`} data-answer={answer ?? 'open'}>
      <Group gap="xs" mb={6} wrap="nowrap" align="flex-start">
        <Text fw={600} style={{ flex: 1 }} id={`q-${q.id}`}>{localized(q.question)}</Text>
        {q.top && <Badge color="#a84300" variant="filled" tt="none">{t('privacy.security.top')}</Badge>}
      </Group>
      {q.notApplicableWhen && <Text size="xs" c="dimmed" mb={6}>{t('privacy.security.notApplicableWhen', { when: localized(q.notApplicableWhen) })}</Text>}
      <Radio.Group value={answer ?? ''} onChange={(v) => save.mutate({ id: q.id, answer: v as SecurityAnswer, note: note.trim() || null })} aria-labelledby={`q-${q.id}`} readOnly={!canManage}>
        <Group gap="lg" mt={4}>
          {options.map((o) => <Radio key={o} value={o} label={t(`privacy.security.answer.${o}`)} disabled={!canManage || save.isPending} />)}
        </Group>
      </Radio.Group>
      {canManage && (
        <Group gap="xs" mt="sm" align="flex-end" wrap="nowrap">
          <TextInput style={{ flex: 1 }} label={t('privacy.security.note')} description={t('privacy.security.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} />
          {noteChanged && answer && <Button variant="light" onClick={() => save.mutate({ id: q.id, answer, note: note.trim() || null })} loading={save.isPending}>{t('privacy.security.saveNote')}</Button>}
        </Group>
      )}
      {!answer && noteChanged && canManage && <Text size="xs" c="dimmed" mt={4}>{t('privacy.security.answerFirst')}</Text>}
      <ProblemAlert error={save.error} />
    </Card>
  );
}
