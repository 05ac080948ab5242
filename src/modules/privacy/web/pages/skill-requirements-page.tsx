import '../load-translations';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, List, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, del, get, post, put } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert, fieldError } from '../../../../web/components/problem-alert';
import { useUnsavedChanges } from '../../../../web/components/unsaved-changes';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { COMPETENCES, type Competence, MAX_LEVEL, REQUIREMENT_SUBJECTS } from '../../domain/skills';
import type { Requirement, RequirementsView } from '../../skills.schemas';
import { privacyPath, skillsKeys } from '../api';
import { useDay } from '../components/skill-level';
import { GapList, UrgencyText } from './skill-person-page';

export default function SkillRequirementsPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const view = useQuery({ queryKey: skillsKeys.requirements(company.id), queryFn: () => get<RequirementsView>(`${privacyPath(company.id)}/skills/requirements`) });
  const [editing, setEditing] = useState<Requirement | null>(null);
  if (view.error) return <ProblemAlert error={view.error} />;
  if (!view.data) return <Loading />;
  const canManage = company.permissions.includes('privacy.manage');
  const startEditing = (r: Requirement) => {
    setEditing(r);
    requestAnimationFrame(() => document.getElementById('add-requirement')?.focus());
  };
  return (
    <>
      <PageHeader title={t('privacy.skills.requirements.title')} intro={t('privacy.skills.requirements.intro')}>
        <Group mt="sm"><Anchor component={Link} to={`/c/${company.id}/privacy/skills`}>{t('privacy.skills.toMatrix')}</Anchor></Group>
      </PageHeader>
      {view.data.requirements.length === 0 ? (
        <Alert mb="lg" data-testid="requirements-empty">{t('privacy.skills.requirements.none')}</Alert>
      ) : (
        <Stack gap="md" mb="lg" data-testid="requirements">
          {view.data.requirements.map((r) => <RequirementCard key={r.id} requirement={r} canManage={canManage} onEdit={() => startEditing(r)} />)}
        </Stack>
      )}
      {canManage && <RequirementForm key={editing?.id ?? 'new'} view={view.data} editing={editing} onDone={() => setEditing(null)} />}
    </>
  );
}

function RequirementCard({ requirement: r, canManage, onEdit }: { requirement: Requirement; canManage: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const day = useDay();
  const company = useCompany();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => del(`${privacyPath(company.id)}/skills/requirements/${r.id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: skillsKeys.all(company.id) }),
  });
  const title = r.title ? localized(r.title) : t('privacy.skills.requirements.gone');
  const needs = r.needs.map((n) => `${t(`privacy.skills.competence.${n.competence}`)} (${t('privacy.skills.requirements.atLeast', { level: n.level })})`).join(', ');
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`req-${r.id}`} data-requirement={title} data-urgency={r.urgency}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Text size="sm" c="dimmed">{t(`privacy.skills.requirements.subjects.${r.subject}`)}</Text>
          <Title order={2} size="h4" id={`req-${r.id}`}>{title}</Title>
        </div>
        <Group gap="xs">
          <Text size="sm">{t('privacy.skills.requirements.startOn', { date: day(r.goLiveOn) })}</Text>
          <UrgencyText urgency={r.urgency} days={r.days} />
        </Group>
      </Group>
      <Text size="sm" mt="xs">{t('privacy.skills.requirements.needsList', { needs })}</Text>
      {r.note && <Text size="sm" c="dimmed" mt={4}>{r.note}</Text>}
      {r.people.length === 0 ? <Text size="sm" mt="xs">{t('privacy.skills.requirements.noUsers')}</Text> : (
        <>
          {r.flagged > 0 && <Text fw={600} mt="sm" c="#a84300">{t('privacy.skills.requirements.flagged', { count: r.flagged })}</Text>}
          <List mt="xs" spacing="xs" data-testid="requirement-people">
            {r.people.map((p) => (
              <List.Item key={p.userId} data-person={p.name} data-flagged={p.gaps.length > 0}>
                <Group gap={6}>
                  <Anchor component={Link} to={`/c/${company.id}/privacy/skills/people/${p.userId}`} fw={600}>{p.name}</Anchor>
                  <Badge variant="outline" color="gray.7" size="sm" tt="none">{t(`privacy.skills.kind.${p.kind}`)}</Badge>
                </Group>
                <GapList gaps={p.gaps} />
              </List.Item>
            ))}
          </List>
        </>
      )}
      {canManage && (
        <Group mt="sm">
          <Button variant="light" size="xs" onClick={onEdit} aria-label={t('privacy.skills.requirements.editLabel', { title })}>{t('privacy.skills.requirements.edit')}</Button>
          <Button variant="subtle" color="#c92a2a" size="xs" onClick={() => remove.mutate()} loading={remove.isPending} aria-label={t('privacy.skills.requirements.removeLabel', { title })}>
            {t('privacy.skills.requirements.remove')}
          </Button>
        </Group>
      )}
      <ProblemAlert error={remove.error} />
    </Card>
  );
}

type Subject = (typeof REQUIREMENT_SUBJECTS)[number];
const emptyForm = () => ({
  subject: 'measure' as Subject, planItemId: '', machineId: '', softwareName: '', goLiveOn: '',
  needs: Object.fromEntries(COMPETENCES.map((c) => [c, ''])) as Record<Competence, string>, personIds: [] as string[], note: '', confirmPastGoLive: false,
});
const formOf = (r: Requirement | null) => (r === null ? emptyForm() : {
  subject: r.subject, planItemId: r.planItemId ?? '', machineId: r.machineId ?? '', softwareName: r.softwareName ?? '', goLiveOn: r.goLiveOn,
  needs: Object.fromEntries(COMPETENCES.map((c) => [c, String(r.needs.find((n) => n.competence === c)?.level ?? '')])) as Record<Competence, string>,
  personIds: r.people.map((p) => p.userId), note: r.note ?? '', confirmPastGoLive: false,
});

function RequirementForm({ view, editing, onDone }: { view: RequirementsView; editing: Requirement | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const company = useCompany();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => formOf(editing));
  const unsaved = useUnsavedChanges(form);
  const set = <K extends keyof ReturnType<typeof emptyForm>>(key: K, value: ReturnType<typeof emptyForm>[K]) => setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        subject: form.subject,
        planItemId: form.subject === 'measure' ? form.planItemId || null : null,
        machineId: form.subject === 'machine' ? form.machineId || null : null,
        softwareName: form.subject === 'software' ? form.softwareName : null,
        goLiveOn: form.goLiveOn,
        needs: COMPETENCES.filter((c) => form.needs[c] !== '').map((c) => ({ competence: c, level: Number(form.needs[c]) })),
        personIds: form.personIds,
        note: form.note || null,
        confirmPastGoLive: form.confirmPastGoLive,
      };
      const base = `${privacyPath(company.id)}/skills/requirements`;
      return editing ? put<Requirement>(`${base}/${editing.id}`, body) : post<Requirement>(base, body);
    },
    onSuccess: async () => {
      unsaved.markSaved(() => emptyForm());
      setForm(emptyForm());
      await queryClient.invalidateQueries({ queryKey: skillsKeys.all(company.id) });
      onDone();
    },
  });
  const askPast = save.error instanceof ApiError && save.error.code === 'privacy_go_live_in_past';
  const levelData = [{ value: '', label: t('privacy.skills.requirements.needNotRequired') }, ...Array.from({ length: MAX_LEVEL }, (_, i) => ({ value: String(i + 1), label: t('privacy.skills.requirements.atLeast', { level: i + 1 }) }))];
  const choose = { value: '', label: t('privacy.skills.requirements.choose') };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="add-requirement">
      {unsaved.prompt}
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }} data-testid="requirement-form">
        <Title order={2} size="h3" id="add-requirement" mb="xs" tabIndex={-1}>{editing ? t('privacy.skills.requirements.editTitle') : t('privacy.skills.requirements.add')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('privacy.skills.requirements.subject')}
            data={REQUIREMENT_SUBJECTS.map((s) => ({ value: s, label: t(`privacy.skills.requirements.subjects.${s}`) }))}
            value={form.subject}
            onChange={(e) => set('subject', e.currentTarget.value as Subject)}
          />
          {form.subject === 'measure' && (view.options.measures.length === 0 ? <Text size="sm" mt="lg">{t('privacy.skills.requirements.noMeasures')}</Text> : (
            <NativeSelect label={t('privacy.skills.requirements.measure')} required data={[choose, ...view.options.measures.map((m) => ({ value: m.id, label: localized(m.title) }))]}
              value={form.planItemId} onChange={(e) => set('planItemId', e.currentTarget.value)} error={fieldError(save.error, 'body.planItemId', t)} />
          ))}
          {form.subject === 'machine' && (view.options.machines.length === 0 ? <Text size="sm" mt="lg">{t('privacy.skills.requirements.noMachines')}</Text> : (
            <NativeSelect label={t('privacy.skills.requirements.machine')} required data={[choose, ...view.options.machines.map((m) => ({ value: m.id, label: m.name }))]}
              value={form.machineId} onChange={(e) => set('machineId', e.currentTarget.value)} error={fieldError(save.error, 'body.machineId', t)} />
          ))}
          {form.subject === 'software' && (
            <TextInput label={t('privacy.skills.requirements.software')} required value={form.softwareName} onChange={(e) => set('softwareName', e.currentTarget.value)} error={fieldError(save.error, 'body.softwareName', t)} />
          )}
          <TextInput type="date" label={t('privacy.skills.requirements.goLiveOn')} required value={form.goLiveOn}
            onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, goLiveOn: v, confirmPastGoLive: false })); }} error={fieldError(save.error, 'body.goLiveOn', t)} />
        </SimpleGrid>
        {askPast && (
          <Checkbox mt="sm" label={t('privacy.skills.requirements.confirmPast')} checked={form.confirmPastGoLive} onChange={(e) => set('confirmPastGoLive', e.currentTarget.checked)} />
        )}
        <Title order={3} size="h5" mt="md" mb={4}>{t('privacy.skills.requirements.needs')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {COMPETENCES.map((c) => (
            <NativeSelect key={c} label={t(`privacy.skills.competence.${c}`)} data={levelData} value={form.needs[c]}
              onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, needs: { ...f.needs, [c]: v } })); }} />
          ))}
        </SimpleGrid>
        <Checkbox.Group label={t('privacy.skills.requirements.people')} mt="md" value={form.personIds} onChange={(v) => set('personIds', v)}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing={6} mt={6}>
            {view.options.people.map((p) => <Checkbox key={p.userId} value={p.userId} label={`${p.name} (${t(`privacy.skills.kind.${p.kind}`)})`} />)}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea label={t('privacy.skills.requirements.note')} mt="md" autosize minRows={2} value={form.note} onChange={(e) => set('note', e.currentTarget.value)} />
        <Group mt="md">
          <Button type="submit" loading={save.isPending}>{editing ? t('privacy.skills.requirements.saveChanges') : t('privacy.skills.requirements.save')}</Button>
          {editing && <Button variant="default" onClick={() => { unsaved.markSaved(() => formOf(null)); onDone(); }}>{t('privacy.skills.requirements.cancel')}</Button>}
        </Group>
        <ProblemAlert error={save.error} />
      </form>
    </Card>
  );
}
