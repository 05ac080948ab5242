import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../../web/i18n/format';
import type { CheckRunSummary } from '../api';

function average(run: CheckRunSummary): number | null {
  const scores = (run.dimensions ?? []).map((d) => d.score).filter((s): s is number => s !== null);
  return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
}

export function CompletedChecks({ companyId, runs }: { companyId: string; runs: CheckRunSummary[] }) {
  const { t } = useTranslation();
  const { date, number } = useFormat();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">{t('check.home.completedTitle')}</Title>
      {runs.length === 0 ? (
        <Text size="sm" c="dimmed">{t('check.home.noneCompleted')}</Text>
      ) : (
        <Table verticalSpacing="sm" data-testid="completed-checks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('check.home.completedOn')}</Table.Th>
              <Table.Th>{t('check.home.respondents')}</Table.Th>
              <Table.Th>{t('check.home.averageScore')}</Table.Th>
              <Table.Th>{t('check.home.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((run) => {
              const avg = average(run);
              const when = date(run.completedAt ?? run.createdAt);
              return (
                <Table.Tr key={run.id}>
                  <Table.Td>{when}</Table.Td>
                  <Table.Td>{number(run.respondentCount)}</Table.Td>
                  <Table.Td>{avg === null ? t('common.none') : number(avg)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/c/${companyId}/check/${run.id}/results`} aria-label={t('check.home.viewResultsOf', { date: when })}>
                      {t('check.home.viewResults')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
