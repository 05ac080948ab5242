import { ActionIcon, Alert, Button, Card, Group, SegmentedControl, Table, Text, TextInput, Title } from '@mantine/core';
import { NumberField } from '../../../../web/components/number-field';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import { DEFAULT_CRITERION_IDS } from '../../domain/utility-analysis';
import type { EvaluationResults, StoredCriterion } from '../../schemas';

const SCORES = ['none', '0', '1', '2', '3', '4', '5'];

interface Props {
  criteria: StoredCriterion[];
  utility: EvaluationResults['utility'];
  onChange: (criteria: StoredCriterion[]) => void;
}

/** Nutzwertanalyse: weight and 0–5 rating per criterion, the score 0–100 and each share. */
export function UtilityEditor({ criteria, utility, onChange }: Props) {
  const { t } = useTranslation();
  const { number, percent } = useFormat();
  const [newLabel, setNewLabel] = useState('');
  const isDefault = (id: string) => (DEFAULT_CRITERION_IDS as readonly string[]).includes(id);
  const label = (c: StoredCriterion) => (isDefault(c.id) ? t(`invest.criteria.${c.id}.label`) : c.label ?? c.id);
  const totalWeight = criteria.reduce((s, c) => s + c.weight, 0);
  const update = (i: number, patch: Partial<StoredCriterion>) => onChange(criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const add = () => {
    const label = newLabel.trim();
    if (!label) return;
    onChange([...criteria, { id: `own-${Date.now().toString(36)}`, label, weight: 0.1, score: null }]);
    setNewLabel('');
  };
  return (
    <Card withBorder padding="md" data-testid="utility-editor">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4">{t('invest.web.utilityTitle')}</Title>
        <Text fw={700} size="xl" data-testid="utility-score">{utility ? `${number(utility.score, 0)} / 100` : t('invest.web.notRated')}</Text>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">{t('invest.utility.explanation')}</Text>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('invest.web.criterion')}</Table.Th>
            <Table.Th scope="col" w={130}>{t('invest.utility.weight')}</Table.Th>
            <Table.Th scope="col">{t('invest.utility.score')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('invest.web.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {criteria.map((c, i) => (
            <Table.Tr key={c.id} data-criterion={c.id}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" fw={600}>{label(c)}</Text>
                  {!isDefault(c.id) && (
                    <ActionIcon variant="subtle" color="red" aria-label={t('invest.web.removeCriterion', { criterion: label(c) })} onClick={() => onChange(criteria.filter((_, j) => j !== i))}>×</ActionIcon>
                  )}
                </Group>
                {isDefault(c.id) && <Text size="xs" c="dimmed">{t(`invest.criteria.${c.id}.explanation`)}</Text>}
              </Table.Td>
              <Table.Td>
                <NumberField aria-label={t('invest.web.weightOf', { criterion: label(c) })} value={c.weight} rules={{ min: 0, max: 1000, decimals: 2 }}
                  onValue={(v) => update(i, { weight: v ?? 0 })} />
              </Table.Td>
              <Table.Td>
                <SegmentedControl
                  aria-label={t('invest.web.scoreOf', { criterion: label(c) })}
                  size="sm"
                  value={c.score === null ? 'none' : String(c.score)}
                  onChange={(v) => update(i, { score: v === 'none' ? null : Number(v) })}
                  data={SCORES.map((s) => ({ value: s, label: s === 'none' ? '–' : s }))}
                />
              </Table.Td>
              <Table.Td ta="right">{totalWeight > 0 ? percent(c.weight / totalWeight) : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!utility && <Alert color="gray" mt="sm">{t('invest.web.utilityOpen')}</Alert>}
      <Group mt="sm" align="end">
        <TextInput label={t('invest.web.newCriterion')} value={newLabel} onChange={(e) => setNewLabel(e.currentTarget.value)} maxLength={100} />
        <Button variant="light" onClick={add} disabled={!newLabel.trim()}>{t('invest.web.addCriterion')}</Button>
      </Group>
    </Card>
  );
}
