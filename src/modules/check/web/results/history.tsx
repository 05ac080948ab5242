import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { CheckResultView } from '../api';
import { ScoreChange } from './score-change';

/** Change per dimension since the previous completed check. */
export function History({ view }: { view: CheckResultView }) {
  const { t } = useTranslation();
  const { localized, number, date } = useFormat();
  if (!view.previous) return <Text size="sm" data-testid="history">{t('check.results.historyFirst')}</Text>;
  const name = (id: string) => view.result.dimensions.find((d) => d.id === id)?.name;
  const score = (s: number | null) => (s === null ? t('common.none') : number(s));
  return (
    <div data-testid="history">
      <Text size="sm" mb="sm">{t('check.results.historyIntro', { date: date(view.previous.completedAt) })}</Text>
      <Table fz="sm" verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('check.results.dimension')}</Table.Th>
            <Table.Th ta="right">{t('check.results.before')}</Table.Th>
            <Table.Th ta="right">{t('check.results.after')}</Table.Th>
            <Table.Th>{t('check.results.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.previous.comparison.dimensions.map((d) => {
            const n = name(d.id);
            return (
              <Table.Tr key={d.id}>
                <Table.Th scope="row" fw={500}>{n ? localized(n) : d.id}</Table.Th>
                <Table.Td ta="right">{score(d.before)}</Table.Td>
                <Table.Td ta="right">{score(d.after)}</Table.Td>
                <Table.Td><ScoreChange change={d.change} /></Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
