import { Code, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompany } from '../../../../web/layout/app-layout';
import { type Point, type PointSource, type PointType, api, useMachinesMutation } from '../manage-api';
import { FormProblem, fieldMessage } from './form-helpers';
import { ManageSection, RowActions } from './manage-section';
import { RetentionDialog } from './retention-dialog';

const TYPES: PointType[] = ['number', 'boolean', 'string'];
const SOURCES: PointSource[] = ['mqtt', 'http', 'opcua', 'manual'];
const empty = { name: '', label: '', unit: '', type: 'number' as PointType, source: 'mqtt' as PointSource };

/** Data points of a machine: list, declare, change, delete. */
export function PointsSection({ machineId, points, canManage }: { machineId: string; points: Point[]; canManage: boolean }) {
  const { t } = useTranslation();
  const company = useCompany();
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState(empty);
  const [retentionOf, setRetentionOf] = useState<Point | null>(null);
  const save = useMachinesMutation(company.id, () => api.savePoint(company.id, machineId, editing, { ...form, name: form.name.trim() }));
  const remove = useMachinesMutation(company.id, (id: string) => api.deletePoint(company.id, machineId, id));
  const edit = (p: Point) => {
    setEditing(p.id);
    setForm({ name: p.name, label: p.label, unit: p.unit, type: p.type, source: p.source });
    save.reset();
  };
  return (
    <ManageSection
      id="points-title"
      title={t('machinesManage.points.title')}
      intro={t('machinesManage.points.intro')}
      problem={remove.error}
      emptyText={t('machinesManage.points.empty')}
      minWidth={420}
      columns={[t('machinesManage.points.name'), t('machinesManage.points.unit'), t('machinesManage.points.typeAndSource'), ...(canManage ? [t('machinesManage.actions')] : [])]}
      rows={points.map((p) => (
        <Table.Tr key={p.id} data-point-row={p.name}>
          <Table.Th scope="row" fw={500}>
            {p.label && <Text span fw={600} display="block">{p.label}</Text>}
            {/* the key devices send the value under: technical, shown as code */}
            <Code fw={500}>{p.name}</Code>
          </Table.Th>
          <Table.Td>{p.unit}</Table.Td>
          <Table.Td>{t(`machinesManage.points.types.${p.type}`)} · {t(`machinesManage.points.sources.${p.source}`)}</Table.Td>
          {canManage && (
            <RowActions
              editLabel={t('machinesManage.points.editLabel', { name: p.name })}
              deleteLabel={t('machinesManage.points.deleteLabel', { name: p.name })}
              deleting={remove.isPending && remove.variables === p.id}
              onEdit={() => edit(p)}
              onDelete={() => remove.mutate(p.id)}
              extra={<Button size="xs" variant="light" onClick={() => setRetentionOf(p)} aria-label={t('machinesManage.retention.buttonLabel', { name: p.name })}>{t('machinesManage.retention.button')}</Button>}
            />
          )}
        </Table.Tr>
      ))}
    >
      {canManage && (
        <form
          noValidate
          aria-label={editing ? t('machinesManage.points.editTitle') : t('machinesManage.points.createTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(undefined, { onSuccess: () => { setEditing(null); setForm(empty); } });
          }}
        >
          <Title order={3} size="h5" mb="xs">{editing ? t('machinesManage.points.editTitle') : t('machinesManage.points.createTitle')}</Title>
          <Stack gap="sm">
            <FormProblem error={save.error} />
            <Group grow align="flex-start">
              <TextInput label={t('machinesManage.points.name')} description={t('machinesManage.points.nameHint')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={fieldMessage(t, save.error, 'body.name', 'pointName')} />
              <TextInput label={t('machinesManage.points.label')} value={form.label} onChange={(e) => setForm({ ...form, label: e.currentTarget.value })} error={fieldMessage(t, save.error, 'body.label', 'label')} />
            </Group>
            <Group grow align="flex-start">
              <TextInput label={t('machinesManage.points.unit')} value={form.unit} onChange={(e) => setForm({ ...form, unit: e.currentTarget.value })} error={fieldMessage(t, save.error, 'body.unit', 'unit')} />
              <Select label={t('machinesManage.points.type')} allowDeselect={false} value={form.type} data={TYPES.map((v) => ({ value: v, label: t(`machinesManage.points.types.${v}`) }))} onChange={(v) => v && setForm({ ...form, type: v as PointType })} />
              <Select label={t('machinesManage.points.source')} allowDeselect={false} value={form.source} data={SOURCES.map((v) => ({ value: v, label: t(`machinesManage.points.sources.${v}`) }))} onChange={(v) => v && setForm({ ...form, source: v as PointSource })} />
            </Group>
            <Group>
              <Button type="submit" loading={save.isPending}>{editing ? t('machinesManage.save') : t('machinesManage.points.create')}</Button>
              {editing && <Button variant="default" onClick={() => { setEditing(null); setForm(empty); save.reset(); }}>{t('machinesManage.cancel')}</Button>}
            </Group>
          </Stack>
        </form>
      )}
      <RetentionDialog machineId={machineId} point={retentionOf} onClose={() => setRetentionOf(null)} />
    </ManageSection>
  );
}
