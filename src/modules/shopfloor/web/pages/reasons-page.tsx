import '../load-translations';
import '../reasons/load-translations';
import { Alert, Badge, Button, Card, Group, Modal, SegmentedControl, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../../web/api/client';
import { useClientList } from '../../../../web/components/client-list';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useCompany } from '../../../../web/layout/app-layout';
import { LOSS_CATEGORIES, type LossCategory, type ReasonKind } from '../../domain/reason-tree';
import { COLORS } from '../components/status-badge';
import { reasonSearchTexts, withGroups } from '../reasons/reason-search';
import { type ReasonInput, type ReasonView, useReasonMutations, useReasons } from '../reasons/reasons-api';

type Draft = { id?: string; input: ReasonInput };

/** Field errors (message and input text) in a red dark enough for WCAG AA contrast. */
const darkErrors = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties;

const byPosition = (a: ReasonView, b: ReasonView) => a.position - b.position || a.label.de.localeCompare(b.label.de);

export default function ReasonsPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const reasons = useReasons(company.id);
  const { remove } = useReasonMutations(company.id);
  const canEdit = company.permissions.includes('shopfloor.plan');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A catalogue of a few dozen reasons in groups: searched, not paged, so a group is never split.
  const view = useClientList(reasons.data ?? [], {
    texts: (r) => reasonSearchTexts(r, reasons.data ?? [], r.loss ? [t(`shopfloorReasons.loss.${r.loss}`)] : []),
    sorts: { position: { label: '', compare: byPosition } },
    pageSize: Number.MAX_SAFE_INTEGER,
  });

  if (reasons.error && !reasons.data) return <ProblemAlert error={reasons.error} />;
  if (!reasons.data) return <Loading />;
  const all = reasons.data;
  const allGroups = all.filter((r) => r.kind === 'downtime' && r.isGroup).sort(byPosition);
  const shown = withGroups(all, view.shown);
  const downtime = shown.filter((r) => r.kind === 'downtime');
  const groups = downtime.filter((r) => r.isGroup).sort(byPosition);
  const loose = downtime.filter((r) => !r.isGroup && r.parentId === null).sort(byPosition);
  const scrap = shown.filter((r) => r.kind === 'scrap').sort(byPosition);

  const newDraft = (kind: ReasonKind, isGroup: boolean, parentId: string | null = null): Draft => ({
    input: { kind, isGroup, parentId, label: { de: '', en: '' }, loss: kind === 'downtime' && !isGroup ? 'availability' : null, planned: kind === 'downtime' && !isGroup ? false : null, active: true },
  });
  const edit = (r: ReasonView) => setDraft({ id: r.id, input: { kind: r.kind, isGroup: r.isGroup, parentId: r.parentId, label: r.label, loss: r.loss, planned: r.planned, active: r.active, position: r.position } });
  const removeOne = (r: ReasonView) => remove.mutate(r.id, {
    onSuccess: (result) => setNotice(result.deactivated.length > 0 ? t('shopfloorReasons.deactivated') : t('shopfloorReasons.removed')),
  });
  const activate = (r: ReasonView) => setDraft({ id: r.id, input: { kind: r.kind, isGroup: r.isGroup, parentId: r.parentId, label: r.label, loss: r.loss, planned: r.planned, active: true, position: r.position } });

  const rows = (list: ReasonView[]) => list.sort(byPosition).map((r) => (
    <ReasonRow key={r.id} reason={r} canEdit={canEdit} onEdit={() => edit(r)} onRemove={() => removeOne(r)} onActivate={() => activate(r)} />
  ));

  return (
    <>
      <PageHeader title={t('shopfloorReasons.title')} intro={t('shopfloorReasons.intro')}>
        <Group mt="sm">
          <Button component={Link} to={`/c/${company.id}/shopfloor`} variant="default" size="md">{t('shopfloorReasons.backToOrders')}</Button>
        </Group>
      </PageHeader>
      {!canEdit && <Alert mb="md">{t('shopfloorReasons.readOnly')}</Alert>}
      {notice && <Alert mb="md" color="teal" role="status" withCloseButton closeButtonLabel={t('shopfloorReasons.closeNotice')} onClose={() => setNotice(null)}>{notice}</Alert>}
      {remove.error && <ProblemAlert error={remove.error} />}
      {all.length > 0 && (
        <Card withBorder padding="md" pb={0} mb="lg">
          {view.controls}
          {view.noMatchNotice}
        </Card>
      )}

      <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="downtime-heading">
        <Group justify="space-between" align="start" mb="sm">
          <Stack gap={2}>
            <Title order={2} size="h3" id="downtime-heading">{t('shopfloorReasons.downtime')}</Title>
            <Text c="dimmed">{t('shopfloorReasons.downtimeIntro')}</Text>
          </Stack>
          {canEdit && (
            <Group gap="sm">
              <Button size="md" onClick={() => setDraft(newDraft('downtime', true))}>{t('shopfloorReasons.addGroup')}</Button>
              <Button size="md" variant="light" onClick={() => setDraft(newDraft('downtime', false, allGroups.find((g) => g.active)?.id ?? null))}>{t('shopfloorReasons.addReason')}</Button>
            </Group>
          )}
        </Group>
        <Stack gap="md" data-testid="downtime-tree">
          {view.q && downtime.length === 0 && <Text c="dimmed">{t('shopfloorReasons.noneFound')}</Text>}
          {groups.map((g) => {
            const children = downtime.filter((r) => r.parentId === g.id);
            return (
              <Card key={g.id} withBorder padding="sm" data-group={g.label.de}>
                <ReasonTable head={<ReasonRow reason={g} canEdit={canEdit} onEdit={() => edit(g)} onRemove={() => removeOne(g)} onActivate={() => activate(g)} />}>
                  {children.length === 0 ? (
                    <Table.Tr><Table.Td><Text c="dimmed" size="sm" pl="lg">{t('shopfloorReasons.emptyGroup')}</Text></Table.Td></Table.Tr>
                  ) : rows(children)}
                </ReasonTable>
              </Card>
            );
          })}
          {loose.length > 0 && (
            <Card withBorder padding="sm">
              <Text fw={700} mb="xs">{t('shopfloorReasons.withoutGroup')}</Text>
              <ReasonTable>{rows(loose)}</ReasonTable>
            </Card>
          )}
        </Stack>
      </Card>

      <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="scrap-heading">
        <Group justify="space-between" align="start" mb="sm">
          <Stack gap={2}>
            <Title order={2} size="h3" id="scrap-heading">{t('shopfloorReasons.scrap')}</Title>
            <Text c="dimmed">{t('shopfloorReasons.scrapIntro')}</Text>
          </Stack>
          {canEdit && <Button size="md" onClick={() => setDraft(newDraft('scrap', false))}>{t('shopfloorReasons.addScrap')}</Button>}
        </Group>
        {view.q && scrap.length === 0 ? <Text c="dimmed">{t('shopfloorReasons.noneFound')}</Text> : <ReasonTable>{rows(scrap)}</ReasonTable>}
      </Card>

      <ReasonForm companyId={company.id} draft={draft} groups={allGroups} onClose={() => setDraft(null)} onSaved={() => { setDraft(null); setNotice(t('shopfloorReasons.saved')); }} />
    </>
  );
}

function ReasonTable({ head, children }: { head?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Table verticalSpacing="xs" highlightOnHover>
      <Table.Tbody>
        {head}
        {children}
      </Table.Tbody>
    </Table>
  );
}

function ReasonRow({ reason: r, canEdit, onEdit, onRemove, onActivate }: { reason: ReasonView; canEdit: boolean; onEdit: () => void; onRemove: () => void; onActivate: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const other = lang === 'de' ? 'en' : 'de';
  const name = r.label[lang];
  return (
    <Table.Tr data-reason={r.label.de} data-active={r.active} style={r.active ? undefined : { opacity: 0.75 }}>
      <Table.Td pl={r.parentId ? 'xl' : undefined}>
        <Group justify="space-between" align="center" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 220px' }}>
            <Group gap={8} align="baseline" wrap="wrap">
              <Text fw={r.isGroup ? 700 : 500} size={r.isGroup ? 'lg' : undefined}>{r.parentId && <span aria-hidden="true">› </span>}<span>{name}</span></Text>
              <Text size="xs" c="dimmed" lang={other}>{r.label[other]}</Text>
            </Group>
            {(r.loss || r.planned !== null || r.inUse || !r.active) && (
              <Group gap={6}>
                {r.loss && <Badge variant="light" color="gray" c="dark.7">{t(`shopfloorReasons.loss.${r.loss}`)}</Badge>}
                {r.planned !== null && (
                  <Badge variant="filled" color={r.planned ? COLORS.blue : COLORS.orange}>{r.planned ? t('shopfloorReasons.planned') : t('shopfloorReasons.unplanned')}</Badge>
                )}
                {r.inUse && <Badge variant="outline" color="gray" c="dark.7">{t('shopfloorReasons.inUse')}</Badge>}
                {!r.active && <Badge variant="filled" color={COLORS.gray}>{t('shopfloorReasons.inactive')}</Badge>}
              </Group>
            )}
          </Stack>
          {canEdit && (
            <Group gap="xs" justify="end" wrap="nowrap">
              <Button size="sm" variant="default" onClick={onEdit} aria-label={t('shopfloorReasons.editLabel', { name })}>{t('shopfloorReasons.edit')}</Button>
              {r.active ? (
                r.inUse ? (
                  <Button size="sm" variant="outline" color={COLORS.orange} onClick={onRemove} aria-label={t('shopfloorReasons.deactivateLabel', { name })}>{t('shopfloorReasons.deactivate')}</Button>
                ) : (
                  <Button size="sm" variant="outline" color={COLORS.red} onClick={onRemove} aria-label={t('shopfloorReasons.deleteLabel', { name })}>{t('shopfloorReasons.delete')}</Button>
                )
              ) : (
                <Button size="sm" variant="outline" onClick={onActivate}>{t('shopfloorReasons.activate')}</Button>
              )}
            </Group>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function ReasonForm({ companyId, draft, groups, onClose, onSaved }: { companyId: string; draft: Draft | null; groups: ReasonView[]; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const { save } = useReasonMutations(companyId);
  const [input, setInput] = useState<ReasonInput | null>(null);
  useEffect(() => {
    setInput(draft?.input ?? null);
    save.reset();
  }, [draft]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!draft || !input) return null;
  const isReason = input.kind === 'downtime' && !input.isGroup;
  const errors = save.error instanceof ApiError ? save.error.errors : [];
  const errorOf = (field: string) => errors.filter((e) => e.path === `body.${field}` || e.path.startsWith(`body.${field}.`)).map((e) => e.message).join(' ') || undefined;
  const title = draft.id ? (input.isGroup ? t('shopfloorReasons.form.editGroup') : t('shopfloorReasons.form.edit'))
    : input.kind === 'scrap' ? t('shopfloorReasons.form.newScrap') : input.isGroup ? t('shopfloorReasons.form.newGroup') : t('shopfloorReasons.form.newReason');
  const set = (patch: Partial<ReasonInput>) => {
    setInput({ ...input, ...patch });
    if (save.error) save.reset();
  };
  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      <form style={darkErrors} onSubmit={(e) => { e.preventDefault(); save.mutate({ id: draft.id, input }, { onSuccess: onSaved }); }}>
        <Stack gap="md">
          <TextInput size="md" label={t('shopfloorReasons.form.labelDe')} value={input.label.de} onChange={(e) => set({ label: { ...input.label, de: e.currentTarget.value } })} required maxLength={80} error={errorOf('label.de') ?? errorOf('label')} data-autofocus lang="de" />
          <TextInput size="md" label={t('shopfloorReasons.form.labelEn')} value={input.label.en} onChange={(e) => set({ label: { ...input.label, en: e.currentTarget.value } })} required maxLength={80} error={errorOf('label.en')} lang="en" />
          {isReason && (
            <>
              <Select
                size="md"
                label={t('shopfloorReasons.form.group')}
                value={input.parentId ?? ''}
                onChange={(v) => set({ parentId: v ? v : null })}
                allowDeselect={false}
                data={[{ value: '', label: t('shopfloorReasons.form.noGroup') }, ...groups.filter((g) => g.active || g.id === input.parentId).map((g) => ({ value: g.id, label: g.label[lang] }))]}
                error={errorOf('parentId')}
               
              />
              <Stack gap={4}>
                <Text fw={500} size="md" id="loss-label">{t('shopfloorReasons.form.loss')}</Text>
                <SegmentedControl
                  size="md"
                  fullWidth
                  aria-labelledby="loss-label"
                  value={input.loss ?? 'availability'}
                  onChange={(v) => set({ loss: v as LossCategory })}
                  data={LOSS_CATEGORIES.map((c) => ({ value: c, label: t(`shopfloorReasons.loss.${c}`) }))}
                />
                <Text size="sm" c="dimmed">{t('shopfloorReasons.form.lossHint')}</Text>
                {errorOf('loss') && <Text c="red.9" size="sm">{errorOf('loss')}</Text>}
              </Stack>
              <Switch size="md" label={t('shopfloorReasons.form.plannedLabel')} description={t('shopfloorReasons.form.plannedHint')} checked={input.planned === true} onChange={(e) => set({ planned: e.currentTarget.checked })} error={errorOf('planned')} />
            </>
          )}
          {draft.id && <Switch size="md" label={t('shopfloorReasons.form.active')} checked={input.active} onChange={(e) => set({ active: e.currentTarget.checked })} />}
          {errorOf('isGroup') && <Alert color="red">{errorOf('isGroup')}</Alert>}
          {errorOf('kind') && <Alert color="red">{errorOf('kind')}</Alert>}
          {save.error && <ProblemAlert error={save.error} />}
          <Group justify="end">
            <Button size="md" variant="default" onClick={onClose}>{t('shopfloorReasons.form.cancel')}</Button>
            <Button size="md" type="submit" loading={save.isPending}>{t('shopfloorReasons.form.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
