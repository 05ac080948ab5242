import { Alert, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import { SCENARIO_NAMES } from '../../domain/scenarios';
import type { EvaluationResults } from '../../schemas';
import { FIGURE_IDS, useFigureFormat } from '../use-figure-format';

/** The money figures of the three scenarios side by side, each with its one-sentence explanation. */
export function FiguresTable({ results }: { results: EvaluationResults }) {
  const { t } = useTranslation();
  const { percent } = useFormat();
  const format = useFigureFormat();
  const ambiguous = SCENARIO_NAMES.filter((name) => results.scenarios[name].irrCandidates.length > 1);
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">{t('invest.web.figuresTitle')}</Title>
      <Table withTableBorder data-testid="figures-table" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('invest.web.figure')}</Table.Th>
            {SCENARIO_NAMES.map((name) => <Table.Th key={name} scope="col" ta="right">{t(`invest.scenarios.${name}`)}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {FIGURE_IDS.map((id) => (
            <Table.Tr key={id} data-figure={id}>
              <Table.Th scope="row" maw={360}>
                <Text fw={600} size="sm">{t(`invest.figures.${id}.label`)}</Text>
                <Text size="xs" c="dimmed" fw={400}>{t(`invest.figures.${id}.explanation`)}</Text>
              </Table.Th>
              {SCENARIO_NAMES.map((name) => (
                <Table.Td key={name} ta="right" fw={name === 'expected' ? 700 : 400} data-scenario={name}>{format(results.scenarios[name], id)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {ambiguous.map((name) => (
        <Alert key={name} color="orange" mt="sm" title={t(`invest.scenarios.${name}`)} data-testid={`several-irr-${name}`}>
          {t('invest.figures.severalIrr', { rates: results.scenarios[name].irrCandidates.map((r) => percent(r, 1)).join(', ') })}
        </Alert>
      ))}
    </Card>
  );
}
