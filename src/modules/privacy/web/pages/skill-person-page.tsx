import '../load-translations';
import { Anchor, Badge, Button, Card, Checkbox, Group, List, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { del, get, post, put } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { useUnsavedChanges } from '../../../../web/components/unsaved-changes';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { COMPETENCES, type Competence, type Gap, MAX_LEVEL, levelBand } from '../../domain/skills';
import type { PersonRecord } from '../../skills.schemas';
import { privacyPath, skillsKeys } from '../api';
import { SkillLevel, useDay } from '../components/skill-level';
import { AwarenessText } from './skills-page';

export default function SkillPersonPage() {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const day = useDay();
  const company = useCompany();
  const { personId = '' } = useParams();
  const person = useQuery({ queryKey: skillsKeys.person(company.id, personId), queryFn: () => get<PersonRecord>(`${privacyPath(company.id)}/skills/people/${personId}`) });
  if (person.error) return <ProblemAlert error={person.error} />;
  if (!person.data) return <Loading />;
  const p = person.data;
  const canManage = company.permissions.includes('privacy.manage');
  return (
    <>
      <PageHeader title={p.name} intro={t(`privacy.skills.kindHelp.${p.kind}`)}>
        <Group mt="sm">
          <Anchor component={Link} to={`/c/${company.id}/privacy/skills`}>{t('privacy.skills.toMatrix')}</Anchor>
        </Group>
      </PageHeader>
      <Card withBorder padding="md" mb="lg" component="section" aria-labelledby="awareness-title">
        <Title order={2} size="h3" id="awareness-title" mb={4}>{t('privacy.skills.awareness')}</Title>
        <div data-testid="awareness" data-state={p.awareness.state}><AwarenessText state={p.awareness.state} date={day(p.awareness.dueOn)} /></div>
      </Card>
      <LevelsCard person={p} canManage={canManage} />
      <TrainingsCard person={p} canManage={canManage} />
      <Card withBorder padding="md" mb="lg" component="section" aria-labelledby="person-requirements">
        <Title order={2} size="h3" id="person-requirements" mb="xs">{t('privacy.skills.requirementsOfPerson')}</Title>
        {p.requirements.length === 0 ? <Text size="sm">{t('privacy.skills.noRequirementsOfPerson')}</Text> : (
          <List spacing="xs" data-testid="person-requirements">
            {p.requirements.map((r) => (
              <List.Item key={r.id}>
                <Anchor component={Link} to={`/c/${company.id}/privacy/skills/requirements`} fw={600}>{r.title ? localized(r.title) : t('privacy.skills.requirements.gone')}</Anchor>
                {' · '}<UrgencyText urgency={r.urgency} days={r.days} />
                <GapList gaps={r.gaps} />
              </List.Item>
            ))}
          </List>
        )}
      </Card>
    </>
  );
}

export function UrgencyText({ urgency, days }: { urgency: string; days: number }) {
  const { t } = useTranslation();
  const text = urgency === 'ready' ? t('privacy.skills.requirements.urgency.ready')
    : urgency === 'overdue' ? t('privacy.skills.requirements.urgency.overdue', { count: -days })
      : days === 0 ? t('privacy.skills.requirements.urgency.today')
        : urgency === 'soon' ? t('privacy.skills.requirements.urgency.soon', { count: days }) : t('privacy.skills.requirements.urgency.planned', { days });
  const color = urgency === 'ready' ? '#237032' : urgency === 'overdue' ? '#c92a2a' : urgency === 'soon' ? '#a84300' : '#495057';
  return <Badge color={color} variant="filled" tt="none" data-urgency={urgency}>{text}</Badge>;
}

export function GapList({ gaps }: { gaps: Gap[] }) {
  const { t } = useTranslation();
  if (gaps.length === 0) return <Text size="sm" c="#237032">{t('privacy.skills.ready')}</Text>;
  return (
    <List size="sm" withPadding data-testid="gaps">
      {gaps.map((g) => (
        <List.Item key={g.competence}>{t(`privacy.skills.gap.${g.reason}`, { competence: t(`privacy.skills.competence.${g.competence}`), required: g.required, level: g.level ?? '' })}</List.Item>
      ))}
    </List>
  );
}

const levelOptions = (t: (k: string, o?: Record<string, unknown>) => string) => [
  { value: '', label: t('privacy.skills.notAssessed') },
  ...Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
    value: String(level),
    label: level === 0 ? t('privacy.skills.levelNone') : t('privacy.skills.levelLong', { level, band: t(`privacy.skills.band.${levelBand(level)}`) }),
  })),
];

function LevelsCard({ person, canManage }: { person: PersonRecord; canManage: boolean }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const company = useCompany();
  const queryClient = useQueryClient();
  const initial = Object.fromEntries(COMPETENCES.map((c) => [c, person.levels[c] ? String(person.levels[c]!.level) : ''])) as Record<Competence, string>;
  const [values, setValues] = useState(initial);
  const dirty = COMPETENCES.some((c) => values[c] !== initial[c]);
  const unsaved = useUnsavedChanges(values);
  const save = useMutation({
    mutationFn: () => put<PersonRecord>(`${privacyPath(company.id)}/skills/people/${person.userId}/levels`, {
      levels: Object.fromEntries(COMPETENCES.filter((c) => values[c] !== initial[c]).map((c) => [c, values[c] === '' ? null : Number(values[c])])),
    }),
    onSuccess: (p) => {
      unsaved.markSaved();
      queryClient.setQueryData(skillsKeys.person(company.id, person.userId), p);
      void queryClient.invalidateQueries({ queryKey: skillsKeys.all(company.id) });
    },
  });
  return (
    <Card withBorder padding="md" mb="lg" component="section" aria-labelledby="levels-title">
      {unsaved.prompt}
      <Title order={2} size="h3" id="levels-title" mb="xs">{t('privacy.skills.levels')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {COMPETENCES.map((c) => {
          const assessed = person.levels[c];
          return (
            <Stack key={c} gap={4} data-competence={c}>
              {canManage ? (
                <NativeSelect
                  label={t(`privacy.skills.competence.${c}`)}
                  description={t(`privacy.skills.competenceHelp.${c}`)}
                  data={levelOptions(t)}
                  value={values[c]}
                  onChange={(e) => { const v = e.currentTarget.value; setValues((old) => ({ ...old, [c]: v })); }}
                />
              ) : (
                <Group gap="xs"><Text fw={600}>{t(`privacy.skills.competence.${c}`)}</Text><SkillLevel level={assessed?.level} /></Group>
              )}
              {assessed && (
                <Text size="xs" c="dimmed">
                  {assessed.assessedBy ? t('privacy.skills.assessedBy', { date: date(assessed.assessedAt), person: assessed.assessedBy }) : t('privacy.skills.assessedOn', { date: date(assessed.assessedAt) })}
                </Text>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">{t('privacy.skills.levelsExplained')}</Text>
      {canManage && (
        <Group mt="md">
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>{t('privacy.skills.saveLevels')}</Button>
          {save.isSuccess && !dirty && <Text size="sm" c="#237032" role="status">{t('privacy.skills.saved')}</Text>}
        </Group>
      )}
      <ProblemAlert error={save.error} />
    </Card>
  );
}

const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
const emptyTraining = () => ({ title: '', competences: [] as Competence[], completedOn: today(), provider: '', expiresOn: '' });

function TrainingsCard({ person, canManage }: { person: PersonRecord; canManage: boolean }) {
  const { t } = useTranslation();
  const day = useDay();
  const company = useCompany();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(emptyTraining);
  const refresh = () => queryClient.invalidateQueries({ queryKey: skillsKeys.all(company.id) });
  const add = useMutation({
    mutationFn: () => post(`${privacyPath(company.id)}/skills/trainings`, {
      personId: person.userId, title: form.title, competences: form.competences, completedOn: form.completedOn, provider: form.provider || null, expiresOn: form.expiresOn || null,
    }),
    onSuccess: async () => {
      setForm(emptyTraining());
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => del(`${privacyPath(company.id)}/skills/trainings/${id}`), onSuccess: refresh });
  return (
    <Card withBorder padding="md" mb="lg" component="section" aria-labelledby="trainings-title">
      <Title order={2} size="h3" id="trainings-title" mb="xs">{t('privacy.skills.trainings')}</Title>
      {person.trainings.length === 0 ? <Text size="sm" mb="sm">{t('privacy.skills.noTrainings')}</Text> : (
        <ScrollRegion label={t('privacy.skills.trainings')} minWidth={600}>
          <Table data-testid="trainings" mb="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('privacy.skills.training.title')}</Table.Th>
                <Table.Th>{t('privacy.skills.training.completedOn')}</Table.Th>
                <Table.Th>{t('privacy.skills.training.provider')}</Table.Th>
                <Table.Th>{t('privacy.skills.training.expiresOn')}</Table.Th>
                <Table.Th>{t('privacy.skills.training.competences')}</Table.Th>
                {canManage && <Table.Th><VisuallyHidden>{t('privacy.skills.training.remove')}</VisuallyHidden></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {person.trainings.map((tr) => (
                <Table.Tr key={tr.id} data-training={tr.title}>
                  <Table.Td fw={600}>{tr.title}</Table.Td>
                  <Table.Td>{day(tr.completedOn)}</Table.Td>
                  <Table.Td>{tr.provider ?? '–'}</Table.Td>
                  <Table.Td>{tr.expiresOn ? day(tr.expiresOn) : '–'}{tr.expired && <Badge ml="xs" color="#c92a2a" tt="none">{t('privacy.skills.training.expired')}</Badge>}</Table.Td>
                  <Table.Td>{tr.competences.length ? tr.competences.map((c) => t(`privacy.skills.competence.${c}`)).join(', ') : t('privacy.skills.training.noCompetence')}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button variant="subtle" color="#c92a2a" size="xs" aria-label={t('privacy.skills.training.removeLabel', { title: tr.title })} onClick={() => remove.mutate(tr.id)}>{t('privacy.skills.training.remove')}</Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {canManage && (
        <form onSubmit={(e) => { e.preventDefault(); add.mutate(); }} aria-labelledby="add-training-title" data-testid="training-form">
          <Title order={3} size="h4" id="add-training-title" mb="xs">{t('privacy.skills.addTraining')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('privacy.skills.training.title')} required value={form.title} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, title: v })); }} />
            <TextInput label={t('privacy.skills.training.provider')} value={form.provider} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, provider: v })); }} />
            <TextInput type="date" label={t('privacy.skills.training.completedOn')} required value={form.completedOn} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, completedOn: v })); }} />
            <TextInput type="date" label={t('privacy.skills.training.expiresOn')} value={form.expiresOn} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, expiresOn: v })); }} />
          </SimpleGrid>
          <Checkbox.Group label={t('privacy.skills.training.competences')} mt="sm" value={form.competences} onChange={(v) => setForm((f) => ({ ...f, competences: v as Competence[] }))}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {COMPETENCES.map((c) => <Checkbox key={c} value={c} label={t(`privacy.skills.competence.${c}`)} />)}
            </SimpleGrid>
          </Checkbox.Group>
          <Group mt="md"><Button type="submit" loading={add.isPending}>{t('privacy.skills.addTraining')}</Button></Group>
          <ProblemAlert error={add.error} />
          <ProblemAlert error={remove.error} />
        </form>
      )}
    </Card>
  );
}
