import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { Contribution } from '../../domain/dimension-score';
import type { Item } from '../../domain/questionnaire-schema';
import { useAnswerText } from '../shared/use-answer-text';

/** Which answers moved a score: the answer, its points of the maximum and its share of the score. */
export function ContributionsTable({ contributions, items }: { contributions: Contribution[]; items: ReadonlyMap<string, Item> }) {
  const { t } = useTranslation();
  const { localized, number } = useFormat();
  const answerText = useAnswerText();
  return (
    <Table verticalSpacing="xs" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('check.results.question')}</Table.Th>
          <Table.Th>{t('check.results.answer')}</Table.Th>
          <Table.Th ta="right">{t('check.results.points')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {contributions.map((c) => {
          const item = items.get(c.itemId);
          return (
            <Table.Tr key={c.itemId}>
              <Table.Td>{item ? localized(item.text) : c.itemId}</Table.Td>
              <Table.Td>{answerText(item, c.answer)}</Table.Td>
              <Table.Td ta="right">{t('check.results.pointsOf', { points: number(c.points, Number.isInteger(c.points) ? 0 : 1), max: number(c.maxPoints) })}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
