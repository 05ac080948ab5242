import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { CheckResultView } from '../api';
import { ScoreChange } from './score-change';

/** The radar's figures as a table: the accessible twin of the chart. */
export function DimensionTable({ view }: { view: CheckResultView }) {
  const { t } = useTranslation();
  const { localized, number, percent } = useFormat();
  const previous = view.previous?.comparison.dimensions;
  const peers = view.peers.groupSize !== null ? view.peers.dimensions : null;
  return (
    <Table verticalSpacing="xs" fz="sm" data-testid="dimension-table">
      <Table.Caption>{t('check.results.tableCaption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('check.results.dimension')}</Table.Th>
          <Table.Th ta="right">{t('check.results.score')}</Table.Th>
          <Table.Th ta="right">{t('check.results.level')}</Table.Th>
          {previous && <Table.Th>{t('check.results.change')}</Table.Th>}
          {peers && <Table.Th ta="right">{t('check.results.peerMedian')}</Table.Th>}
          {peers && <Table.Th ta="right">{t('check.results.percentile')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {view.result.dimensions.map((d) => {
          const peer = peers?.find((p) => p.id === d.id);
          return (
            <Table.Tr key={d.id}>
              <Table.Th scope="row" fw={500}>{localized(d.name)}</Table.Th>
              <Table.Td ta="right">{d.score === null ? <Text span size="sm" c="dimmed">{t('check.results.notEnough')}</Text> : number(d.score)}</Table.Td>
              <Table.Td ta="right">{d.level ?? t('common.none')}</Table.Td>
              {previous && <Table.Td><ScoreChange change={previous.find((p) => p.id === d.id)?.change ?? null} /></Table.Td>}
              {peers && <Table.Td ta="right">{peer?.median == null ? t('common.none') : number(peer.median)}</Table.Td>}
              {peers && <Table.Td ta="right">{peer?.percentile == null ? t('common.none') : t('check.results.percentileValue', { value: percent(peer.percentile / 100) })}</Table.Td>}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
