import { Button, Card, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldError, ProblemAlert } from '../../../../web/components/problem-alert';
import { useUnsavedChanges } from '../../../../web/components/unsaved-changes';
import { useFormat } from '../../../../web/i18n/format';
import { PLAN_STATUSES } from '../../schemas';
import { type PlanItemView, type PlanView, useRemoveItem, useUpdateItem } from '../api';
import { useCompany } from '../../../../web/layout/app-layout';
import { PlanItemEvaluations } from './plan-item-evaluations';

/** Edits one plan measure: status, owner, quarters, goal for the year and KPI. */
export function PlanItemEditor({ companyId, item, members, investEnabled, onClose, onRemoved }: { companyId: string; item: PlanItemView; members: PlanView['members']; investEnabled: boolean; onClose: () => void; onRemoved?: () => void }) {
  const { t } = useTranslation();
  const company = useCompany();
  const mayEvaluate = investEnabled && company.permissions.includes('invest.edit');
  const { localized } = useFormat();
  const update = useUpdateItem(companyId);
  const remove = useRemoveItem(companyId);
  const [form, setForm] = useState({
    status: item.status,
    ownerUserId: item.ownerUserId,
    ownerText: item.ownerText ?? '',
    startQuarter: item.startQuarter ?? '',
    endQuarter: item.endQuarter ?? '',
    microGoal: item.microGoal ?? '',
    kpiName: item.kpiName ?? '',
    kpiTarget: item.kpiTarget ?? '',
    kpiUnit: item.kpiUnit ?? '',
  });
  const unsaved = useUnsavedChanges(form);
  // closing the dialog with changes asks first, like leaving the page does
  const [askClose, setAskClose] = useState(false);
  const close = () => (unsaved.changed ? setAskClose(true) : onClose());
  // the editor lives at its own address: once the changes are saved, removed with the measure or
  // discarded, closing it must not be held up by the leave question
  const leave = (then: () => void) => () => { unsaved.markSaved(); then(); };
  const set = (key: keyof typeof form) => (value: string | null) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof typeof form) => ({ value: (form[key] as string) ?? '', onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value) });
  const err = (path: string) => fieldError(update.error, `body.${path}`, () => t('roadmap.plan.quarterPlaceholder'));
  const save = () =>
    update.mutate(
      {
        id: item.id,
        body: {
          status: form.status,
          ownerUserId: form.ownerUserId || null,
          ownerText: form.ownerText || null,
          startQuarter: form.startQuarter || null,
          endQuarter: form.endQuarter || null,
          microGoal: form.microGoal || null,
          kpiName: form.kpiName || null,
          kpiTarget: form.kpiTarget || null,
          kpiUnit: form.kpiUnit || null,
        },
      },
      { onSuccess: leave(onClose) },
    );
  return (
    <>
      <Modal opened onClose={close} title={t('roadmap.plan.editTitle', { title: localized(item.title) })} size="lg">
        <Stack gap="sm">
          <ProblemAlert error={update.error ?? remove.error} />
          <Select label={t('roadmap.plan.statusLabel')} data={PLAN_STATUSES.map((s) => ({ value: s, label: t(`roadmap.status.${s}`) }))} value={form.status} onChange={(v) => v && setForm((f) => ({ ...f, status: v as typeof f.status }))} allowDeselect={false} />
          <Select label={t('roadmap.plan.owner')} data={members.map((m) => ({ value: m.id, label: m.name }))} value={form.ownerUserId} onChange={set('ownerUserId')} clearable placeholder={t('roadmap.plan.ownerNone')} />
          <TextInput label={t('roadmap.plan.ownerText')} {...text('ownerText')} />
          <Group grow>
            <TextInput label={t('roadmap.plan.start')} placeholder={t('roadmap.plan.quarterPlaceholder')} {...text('startQuarter')} error={err('startQuarter')} />
            <TextInput label={t('roadmap.plan.end')} placeholder={t('roadmap.plan.quarterPlaceholder')} {...text('endQuarter')} error={err('endQuarter')} />
          </Group>
          <Textarea label={t('roadmap.plan.microGoal')} autosize minRows={2} {...text('microGoal')} />
          <Group grow>
            <TextInput label={t('roadmap.plan.kpiName')} {...text('kpiName')} />
            <TextInput label={t('roadmap.plan.kpiTarget')} {...text('kpiTarget')} />
            <TextInput label={t('roadmap.plan.kpiUnit')} {...text('kpiUnit')} />
          </Group>
          {investEnabled && (
            <Card withBorder padding="sm">
              <Text size="sm" fw={600} mb={4}>{t('roadmap.plan.evaluations')}</Text>
              {item.evaluations.length === 0 ? <Text size="sm" c="dimmed">{t('roadmap.plan.noEvaluation')}</Text> : <PlanItemEvaluations companyId={companyId} evaluations={item.evaluations} />}
              {mayEvaluate && (
                <Group mt="xs">
                  <Button component={Link} to={`/c/${companyId}/invest?planItem=${item.id}`} variant="light" size="sm">{t('roadmap.plan.evaluate')}</Button>
                </Group>
              )}
            </Card>
          )}
          <Group justify="space-between" mt="sm">
            <Button variant="subtle" color="red" onClick={() => remove.mutate(item.id, { onSuccess: leave(onRemoved ?? onClose) })}>{t('roadmap.plan.remove')}</Button>
            <Group>
              <Button variant="default" onClick={close}>{t('roadmap.plan.cancel')}</Button>
              <Button onClick={save} loading={update.isPending}>{t('roadmap.plan.save')}</Button>
            </Group>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={askClose} onClose={() => setAskClose(false)} title={t('common.unsaved.title')} centered>
        <Stack>
          <Text>{t('common.unsaved.text')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAskClose(false)} data-autofocus>{t('common.unsaved.stay')}</Button>
            <Button color="#c92a2a" onClick={leave(onClose)}>{t('common.unsaved.leave')}</Button>
          </Group>
        </Stack>
      </Modal>
      {unsaved.prompt}
    </>
  );
}
