import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import { netCashFlows } from '../../domain/cash-flows';
import type { EvaluationResults } from '../../schemas';
import { useFigureFormat } from '../use-figure-format';

/** Money figures of the expected case and the utility score together, for the decision. */
export function DecisionSheet({ results }: { results: EvaluationResults }) {
  const { t } = useTranslation();
  const { money, number } = useFormat();
  const format = useFigureFormat();
  const expected = results.scenarios.expected;
  // Nothing entered yet (every flow of the expected case is 0): no verdict on an empty evaluation.
  const nothingYet = netCashFlows(expected.years).every((flow) => flow === 0);
  const tile = (label: string, value: string, testId: string) => (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text size="xl" fw={700} data-testid={testId}>{value}</Text>
    </Stack>
  );
  return (
    <Card withBorder padding="md" data-testid="decision-sheet" bg="gray.0">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">{t('invest.web.decisionTitle')}</Title>
        <Text size="sm" fw={600}>{t('invest.scenarios.expected')}</Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        {tile(t('invest.figures.npv.label'), nothingYet ? '–' : format(expected, 'npv'), 'decision-npv')}
        {tile(t('invest.figures.irr.label'), nothingYet ? '–' : format(expected, 'irr'), 'decision-irr')}
        {tile(t('invest.figures.paybackYears.label'), nothingYet ? '–' : format(expected, 'paybackYears'), 'decision-payback')}
        {tile(t('invest.utility.label'), results.utility ? `${number(results.utility.score, 0)} / 100` : t('invest.web.notRated'), 'decision-utility')}
      </SimpleGrid>
      {nothingYet ? (
        <Text size="sm" mt="sm" fw={600} data-testid="decision-nothing">{t('invest.web.nothingToEvaluate')}</Text>
      ) : (
      <Text size="sm" mt="sm">
        {expected.npvCents >= 0 ? t('invest.web.verdictPositive') : t('invest.web.verdictNegative')}{' '}
        {t('invest.web.npvRange', { worst: money(Math.round(results.scenarios.worst.npvCents)), best: money(Math.round(results.scenarios.best.npvCents)) })}
      </Text>
      )}
    </Card>
  );
}
