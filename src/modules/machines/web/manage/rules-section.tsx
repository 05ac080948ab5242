import { Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../web/components/loading';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { type Point, api, useMachinesMutation, useRules } from '../manage-api';
import { ManageSection, RowActions } from './manage-section';
import { RuleForm } from './rule-form';
import { ruleSummary } from './rule-summary';
import { SEVERITY_COLOR } from './severity';

/** Alarm rules of a machine: list with what each does, create, change, delete. */
export function RulesSection({ machineId, points, canManage }: { machineId: string; points: Point[]; canManage: boolean }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const company = useCompany();
  const rules = useRules(company.id, machineId);
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useMachinesMutation(company.id, (id: string) => api.deleteRule(company.id, machineId, id));
  if (!rules.data) return <Loading />;
  const unitOf = (pointId: string) => points.find((p) => p.id === pointId)?.unit ?? '';
  const labelOf = (pointId: string) => points.find((p) => p.id === pointId)?.label ?? '';
  const editingRule = rules.data.find((r) => r.id === editing);
  return (
    <ManageSection
      id="rules-title"
      title={t('machinesManage.rules.title')}
      intro={t('machinesManage.rules.intro')}
      problem={remove.error}
      emptyText={t('machinesManage.rules.empty')}
      minWidth={440}
      columns={[t('machinesManage.rules.name'), t('machinesManage.rules.condition'), t('machinesManage.rules.severityAndState'), ...(canManage ? [t('machinesManage.actions')] : [])]}
      rows={rules.data.map((r) => (
        <Table.Tr key={r.id} data-rule-row={r.name || r.point}>
          <Table.Th scope="row">
            {r.name || t(`machinesManage.rules.kinds.${r.rule.kind === 'threshold' ? r.rule.direction : r.rule.kind}`)}
            <Text size="xs" c="dimmed">{labelOf(r.pointId) || r.point}</Text>
          </Table.Th>
          <Table.Td><Text size="sm">{ruleSummary(t, r.rule, unitOf(r.pointId), number)}</Text></Table.Td>
          <Table.Td>
            <Text size="sm" fw={700} c={SEVERITY_COLOR[r.severity]}>{t(`machinesManage.severity.${r.severity}`)}</Text>
            <Text size="sm">{!r.enabled ? t('machinesManage.rules.off') : r.active ? <Text span c="red.9" fw={600}>{t('machinesManage.rules.raised')}</Text> : t('machinesManage.rules.watching')}</Text>
          </Table.Td>
          {canManage && (
            <RowActions
              editLabel={t('machinesManage.rules.editLabel', { name: r.name || r.point })}
              deleteLabel={t('machinesManage.rules.deleteLabel', { name: r.name || r.point })}
              deleting={remove.isPending && remove.variables === r.id}
              onEdit={() => setEditing(r.id)}
              onDelete={() => remove.mutate(r.id)}
            />
          )}
        </Table.Tr>
      ))}
    >
      {canManage && points.length === 0 && <Text size="sm">{t('machinesManage.rules.needPoint')}</Text>}
      {canManage && points.length > 0 && (
        <RuleForm key={editing ?? 'new'} machineId={machineId} points={points} rule={editingRule} onDone={() => setEditing(null)} />
      )}
    </ManageSection>
  );
}
