import { Button, Card, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../web/components/loading';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { type Point, api, useMachinesMutation, useRules } from '../manage-api';
import { FormProblem } from './form-helpers';
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
  const editingRule = rules.data.find((r) => r.id === editing);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="rules-title">
      <Title order={2} size="h4" id="rules-title">{t('machinesManage.rules.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('machinesManage.rules.intro')}</Text>
      <FormProblem error={remove.error} />
      {rules.data.length === 0 ? (
        <Text mb="sm">{t('machinesManage.rules.empty')}</Text>
      ) : (
        <Paper withBorder mb="md">
          <Table.ScrollContainer minWidth={440}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('machinesManage.rules.name')}</Table.Th>
                  <Table.Th scope="col">{t('machinesManage.rules.condition')}</Table.Th>
                  <Table.Th scope="col">{t('machinesManage.rules.severityAndState')}</Table.Th>
                  {canManage && <Table.Th scope="col">{t('machinesManage.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rules.data.map((r) => (
                  <Table.Tr key={r.id} data-rule-row={r.name || r.point}>
                    <Table.Th scope="row">
                      {r.name || t(`machinesManage.rules.kinds.${r.rule.kind === 'threshold' ? r.rule.direction : r.rule.kind}`)}
                      <Text size="xs" c="dimmed" ff="monospace">{r.point}</Text>
                    </Table.Th>
                    <Table.Td><Text size="sm">{ruleSummary(t, r.rule, unitOf(r.pointId), number)}</Text></Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={700} c={SEVERITY_COLOR[r.severity]}>{t(`machinesManage.severity.${r.severity}`)}</Text>
                      <Text size="sm">{!r.enabled ? t('machinesManage.rules.off') : r.active ? <Text span c="red.9" fw={600}>{t('machinesManage.rules.raised')}</Text> : t('machinesManage.rules.watching')}</Text>
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Group gap="xs">
                          <Button size="xs" variant="light" onClick={() => setEditing(r.id)} aria-label={t('machinesManage.rules.editLabel', { name: r.name || r.point })}>{t('machinesManage.edit')}</Button>
                          <Button size="xs" variant="subtle" color="red" c="red.9" loading={remove.isPending && remove.variables === r.id} onClick={() => remove.mutate(r.id)} aria-label={t('machinesManage.rules.deleteLabel', { name: r.name || r.point })}>
                            {t('machinesManage.delete')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {canManage && points.length === 0 && <Text size="sm">{t('machinesManage.rules.needPoint')}</Text>}
      {canManage && points.length > 0 && (
        <RuleForm key={editing ?? 'new'} machineId={machineId} points={points} rule={editingRule} onDone={() => setEditing(null)} />
      )}
    </Card>
  );
}
