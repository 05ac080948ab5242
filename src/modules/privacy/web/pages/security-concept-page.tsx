import '../load-translations';
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useLeaveGuard } from '../../../../web/components/unsaved-changes';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import type { ConceptSectionKey } from '../../domain/security-concept';
import type { ConceptView } from '../../security-schemas';
import { securityPath, useAcknowledge, useAdopt, useConcept, useEditSection, useGenerateDraft, useMyConcept } from '../security-api';

const pre = { whiteSpace: 'pre-wrap' } as const;

export default function SecurityConceptPage() {
  const { t, i18n } = useTranslation();
  const { date } = useFormat();
  const company = useCompany();
  const keeps = company.permissions.includes('privacy.read');
  const manages = company.permissions.includes('privacy.manage');
  const mine = useMyConcept(company.id);
  const full = useConcept(company.id, keeps);
  const generate = useGenerateDraft(company.id);
  const adopt = useAdopt(company.id);
  const acknowledge = useAcknowledge(company.id);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const error = mine.error ?? full.error;
  if (error) return <ProblemAlert error={error} />;
  if (!mine.data || (keeps && !full.data)) return <Loading />;
  const current = mine.data.current;
  const draft = full.data?.draft ?? null;
  const changes = generate.data?.changes;
  const sectionName = (k: ConceptSectionKey) => t(`privacy.concept.section.${k}`);
  return (
    <>
      <PageHeader title={t('privacy.concept.title')} intro={t('privacy.concept.intro')}>
        {(current || draft) && (
          <Button component="a" variant="light" href={`/api/v1${securityPath(company.id)}/concept.pdf?lang=${lang}`} download data-testid="concept-pdf">{t('privacy.concept.pdf')}</Button>
        )}
      </PageHeader>
      <Alert variant="light" color="gray" mb="lg">{t('privacy.concept.notLegalAdvice')}</Alert>

      <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="concept-state" data-testid="concept-state">
        <Title order={2} size="h3" id="concept-state" mb="xs">
          {current ? t('privacy.concept.adopted', { version: current.version, date: date(current.adoptedAt) }) : t('privacy.concept.noneAdopted')}
        </Title>
        {current && (
          <Text mb="sm" data-testid="concept-review">
            {t('privacy.concept.review', { date: date(current.reviewDue) })}{' '}
            {full.data?.current?.reviewOverdue && <Badge color="#c92a2a" variant="filled" tt="none">{t('privacy.concept.reviewDue')}</Badge>}
          </Text>
        )}
        {current && (current.acknowledgedAt
          ? <Text data-testid="my-acknowledgement">{t('privacy.concept.acknowledgedOn', { date: date(current.acknowledgedAt) })}</Text>
          : (
            <Stack gap="xs" align="flex-start">
              <Text>{t('privacy.concept.pleaseRead')}</Text>
              <Button onClick={() => acknowledge.mutate()} loading={acknowledge.isPending} data-testid="acknowledge">{t('privacy.concept.acknowledge')}</Button>
            </Stack>
          ))}
        <ProblemAlert error={acknowledge.error} />
        {manages && (
          <Group mt="md" gap="sm">
            <Button variant={draft ? 'light' : 'filled'} onClick={() => generate.mutate(undefined)} loading={generate.isPending} data-testid="generate">
              {draft ? t('privacy.concept.regenerate') : current ? t('privacy.concept.newDraft') : t('privacy.concept.generate')}
            </Button>
            <Button component={Link} to={`/c/${company.id}/privacy/security`} variant="subtle">{t('privacy.concept.toCheck')}</Button>
          </Group>
        )}
        <ProblemAlert error={generate.error} />
        {changes && (
          <Alert mt="sm" data-testid="concept-changes" title={t('privacy.concept.regenerated')}>
            {changes.updated.length === 0 && changes.outdated.length === 0 && t('privacy.concept.nothingChanged')}
            {changes.updated.length > 0 && <Text size="sm">{t('privacy.concept.updated', { list: changes.updated.map(sectionName).join(', ') })}</Text>}
            {changes.outdated.length > 0 && <Text size="sm">{t('privacy.concept.outdatedList', { list: changes.outdated.map(sectionName).join(', ') })}</Text>}
          </Alert>
        )}
      </Card>

      {draft && manages && <DraftEditor companyId={company.id} draft={draft} onAdopt={() => adopt.mutate(undefined)} adopting={adopt.isPending} adoptError={adopt.error} />}

      {current && (
        <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="concept-text" data-testid="concept-text">
          <Title order={2} size="h3" id="concept-text" mb="sm">{t('privacy.concept.textTitle', { version: current.version })}</Title>
          <Stack gap="md">
            {current.sections.map((s, i) => (
              <div key={s.key}>
                <Title order={3} size="h4">{`${i + 1}. ${sectionName(s.key)}`}</Title>
                <Text style={pre}>{s.text[lang]}</Text>
              </div>
            ))}
          </Stack>
        </Card>
      )}

      {keeps && full.data?.current && <Acknowledgements view={full.data} />}
    </>
  );
}

function DraftEditor({ companyId, draft, onAdopt, adopting, adoptError }: { companyId: string; draft: NonNullable<ConceptView['draft']>; onAdopt: () => void; adopting: boolean; adoptError: unknown }) {
  const { t } = useTranslation();
  const outdated = draft.sections.filter((s) => s.outdated).length;
  const [editing, setEditing] = useState<ConceptSectionKey | null>(null);
  const dirty = useRef(false);
  const prompt = useLeaveGuard(dirty);
  return (
    <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="concept-draft" data-testid="concept-draft">
      {prompt}
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="concept-draft">{t('privacy.concept.draftTitle', { version: draft.version })}</Title>
        <Button onClick={onAdopt} loading={adopting} disabled={outdated > 0 || editing !== null} data-testid="adopt">{t('privacy.concept.adopt')}</Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">{outdated > 0 ? t('privacy.concept.outdatedBlock', { count: outdated }) : t('privacy.concept.draftHint')}</Text>
      <ProblemAlert error={adoptError} />
      <Stack gap="lg">
        {draft.sections.map((s, i) => (
          <SectionEditor key={s.key} companyId={companyId} n={i + 1} section={s} editing={editing === s.key}
            onEdit={(on) => { setEditing(on ? s.key : null); dirty.current = false; }} onDirty={(d) => { dirty.current = d; }} />
        ))}
      </Stack>
    </Card>
  );
}

function SectionEditor({ companyId, n, section, editing, onEdit, onDirty }: {
  companyId: string; n: number; section: NonNullable<ConceptView['draft']>['sections'][number]; editing: boolean; onEdit: (on: boolean) => void; onDirty: (d: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const edit = useEditSection(companyId);
  const shown = section.edited ?? section.generated[lang];
  const [text, setText] = useState(shown);
  const name = t(`privacy.concept.section.${section.key}`);
  const save = (value: string | null) => edit.mutate({ key: section.key, text: value }, { onSuccess: () => onEdit(false) });
  return (
    <div data-testid={`section-${section.key}`} data-outdated={section.outdated}>
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <Title order={3} size="h4" id={`section-${section.key}`}>{`${n}. ${name}`}</Title>
          {section.edited !== null && <Badge variant="filled" color="#495057" tt="none">{t('privacy.concept.ownText')}</Badge>}
        </Group>
        {!editing && (
          <Button size="xs" variant="subtle" onClick={() => { setText(shown); onEdit(true); }} aria-label={`${t('privacy.concept.edit')}: ${name}`}>{t('privacy.concept.edit')}</Button>
        )}
      </Group>
      {section.outdated && (
        <Alert color="orange" mt={4} title={t('privacy.concept.outdatedTitle')} data-testid="outdated">
          <Text size="sm" mb={4}>{t('privacy.concept.outdatedText')}</Text>
          <Text size="sm" style={pre} c="dimmed">{section.generated[lang]}</Text>
          <Group gap="xs" mt="xs">
            <Button size="xs" onClick={() => save(section.edited)} loading={edit.isPending}>{t('privacy.concept.keepOwn')}</Button>
            <Button size="xs" variant="light" onClick={() => save(null)} loading={edit.isPending}>{t('privacy.concept.takeNew')}</Button>
          </Group>
        </Alert>
      )}
      {editing ? (
        <Stack gap="xs" mt={4}>
          <Textarea label={name} autosize minRows={4} maxRows={20} value={text} onChange={(e) => { setText(e.currentTarget.value); onDirty(e.currentTarget.value !== shown); }} />
          <Group gap="xs">
            <Button size="sm" onClick={() => save(text.trim() ? text : null)} loading={edit.isPending}>{t('privacy.concept.save')}</Button>
            <Button size="sm" variant="default" onClick={() => onEdit(false)}>{t('privacy.concept.cancel')}</Button>
            {section.edited !== null && <Button size="sm" variant="subtle" onClick={() => save(null)}>{t('privacy.concept.backToGenerated')}</Button>}
          </Group>
        </Stack>
      ) : (
        <Text style={pre} mt={4}>{shown}</Text>
      )}
      <ProblemAlert error={edit.error} />
    </div>
  );
}

function Acknowledgements({ view }: { view: ConceptView }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const done = view.acknowledgements.filter((a) => a.acknowledgedAt).length;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="acknowledgements" data-testid="acknowledgements">
      <Title order={2} size="h3" id="acknowledgements" mb="xs">{t('privacy.concept.acknowledgements', { version: view.current!.version })}</Title>
      <Text size="sm" mb="sm">{t('privacy.concept.acknowledgedCount', { count: done, total: view.acknowledgements.length })}</Text>
      <Table.ScrollContainer minWidth={360}>
        <Table>
          <Table.Thead><Table.Tr><Table.Th>{t('privacy.concept.person')}</Table.Th><Table.Th>{t('privacy.concept.role')}</Table.Th><Table.Th>{t('privacy.concept.acknowledgedAt')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {view.acknowledgements.map((a) => (
              <Table.Tr key={a.userId} data-testid="acknowledgement" data-done={a.acknowledgedAt !== null}>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{t(`privacy.concept.roleName.${a.role}`)}</Table.Td>
                <Table.Td>{a.acknowledgedAt ? date(a.acknowledgedAt) : <Badge color="#a84300" variant="filled" tt="none">{t('privacy.concept.notYet')}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
