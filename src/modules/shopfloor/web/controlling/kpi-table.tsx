import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { KpiRow } from './api';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { type EmptyReason, emptyReason } from './empty-reason';
import { FigureValue, REASON_MARK } from './figure-value';

const FIGURES = ['availability', 'performance', 'quality', 'oee', 'scrapRate', 'utilisation'] as const;

/** The figures of every row as a table; the first cell opens the bookings behind the row. */
export function KpiTable({ rows, labels, total, caption, onSelect }: {
  rows: KpiRow[];
  labels: string[];
  total: KpiRow | null;
  caption: string;
  onSelect: (index: number) => void;
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const hours = (ms: number) => number(ms / 3_600_000, 1);
  const all = total ? [...rows, total] : rows;
  const used = new Set<EmptyReason>(all.flatMap((r) => FIGURES.map((f) => emptyReason(r, f)).filter((x): x is EmptyReason => x !== null)));
  const cells = (r: KpiRow) => (
    <>
      <Table.Td ta="right">{hours(r.plannedProductionMs)}</Table.Td>
      <Table.Td ta="right">{hours(r.runMs)}</Table.Td>
      <Table.Td ta="right">{number(r.good)}</Table.Td>
      <Table.Td ta="right">{number(r.scrap)}</Table.Td>
      {FIGURES.map((f) => <Table.Td key={f} ta="right" data-figure={f}><FigureValue row={r} figure={f} /></Table.Td>)}
    </>
  );
  return (
    <>
      <ScrollRegion label={caption} minWidth={720}>
        <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing={4} fz="sm" data-testid="controlling-table">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('shopfloorControlling.table.group')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('shopfloorControlling.figures.plannedHours')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('shopfloorControlling.figures.runHours')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('shopfloorControlling.figures.good')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('shopfloorControlling.figures.scrap')}</Table.Th>
              {FIGURES.map((f) => <Table.Th key={f} scope="col" ta="right">{t(`shopfloorControlling.figures.${f}`)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${i}-${labels[i]}`} data-row={labels[i]}>
                <Table.Th scope="row" fw={500} miw={110}>
                  <Anchor component="button" type="button" ta="left" onClick={() => onSelect(i)} aria-label={t('shopfloorControlling.table.showBookings', { label: labels[i] })}>
                    {labels[i]}
                  </Anchor>
                </Table.Th>
                {cells(r)}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {total && (
            <Table.Tfoot>
              <Table.Tr fw={700} data-row="total">
                <Table.Th scope="row">{t('shopfloorControlling.table.total')}</Table.Th>
                {cells(total)}
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </ScrollRegion>
      {used.size > 0 && (
        <Text size="sm" c="dimmed" mt="xs" data-testid="empty-legend">
          {t('shopfloorControlling.empty.legend')}{' '}
          {[...used].map((r) => `${REASON_MARK[r]}: ${t(`shopfloorControlling.empty.${r}`)}`).join(' · ')}
        </Text>
      )}
    </>
  );
}
